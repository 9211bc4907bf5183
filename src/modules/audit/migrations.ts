import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const auditMigrations: ModuleMigrations = {
  '2026-11-28-05-audit': {
    async up(db, dialect) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_label', 'varchar(300)', (c) => c.notNull())
        .addColumn('action', 'varchar(100)', (c) => c.notNull())
        .addColumn('subject_type', 'varchar(50)', (c) => c.notNull())
        .addColumn('subject_id', 'varchar(100)')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
      await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id', 'at']).execute();
    },
  },
};
