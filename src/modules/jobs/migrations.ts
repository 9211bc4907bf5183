import { sql } from 'kysely';
import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const jobsMigrations: ModuleMigrations = {
  '2026-11-28-04-jobs': {
    async up(db, dialect) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'bigint')
        .addColumn('key', 'varchar(200)')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      // The claim query: the earliest due pending job.
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at', 'id']).execute();
      // One live job per key: scheduling an article twice replaces, never duplicates.
      await sql`CREATE UNIQUE INDEX jobs_live_key ON jobs (key) WHERE key IS NOT NULL AND status IN ('pending', 'running')`.execute(db);
    },
  },
};
