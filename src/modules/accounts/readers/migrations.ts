/** The reader accounts' tables; part of the accounts migration set (../migrations.ts). */
import type { ModuleMigrations } from '../../../db/migrate.js';
import { idColumnType, primaryId } from '../../../db/migrate.js';

export const readerMigrations: ModuleMigrations = {
  '2026-11-28-60-reader-accounts': {
    async up(db, dialect) {
      await db.schema
        .createTable('reader_links')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
        .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('return_to', 'varchar(2048)', (c) => c.notNull().defaultTo('/account'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      // Using one link retires the address's other open links of the same kind; expired ones are swept.
      await db.schema.createIndex('reader_links_email').on('reader_links').columns(['email', 'purpose']).execute();
      await db.schema.createIndex('reader_links_expires_at').on('reader_links').column('expires_at').execute();

      await db.schema
        .createTable('reader_consents')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('terms_version', 'integer')
        .addColumn('privacy_version', 'integer')
        .addColumn('consented_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reader_consents_user_id').on('reader_consents').column('user_id').execute();

      await db.schema
        .createTable('reader_preferences')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('reply_emails', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('featured_emails', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
