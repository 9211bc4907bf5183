import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const emailMigrations: ModuleMigrations = {
  '2026-11-28-55-email-outbox': {
    async up(db, dialect) {
      await db.schema
        .createTable('email_outbox')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
        .addColumn('subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text')
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('category', 'varchar(100)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      // The admin outbox and tests look messages up by recipient, newest first.
      await db.schema.createIndex('email_outbox_to').on('email_outbox').columns(['to_address', 'id']).execute();
    },
  },
};
