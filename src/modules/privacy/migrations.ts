import type { ModuleMigrations } from '../../db/migrate.js';

export const privacyMigrations: ModuleMigrations = {
  '2026-11-29-10-privacy': {
    async up(db) {
      // No foreign keys to users: deletion removes these rows itself, in the order it chooses.
      await db.schema
        .createTable('privacy_opt_outs')
        .addColumn('user_id', 'integer', (c) => c.primaryKey())
        .addColumn('source', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('privacy_exports')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('privacy_exports_user').on('privacy_exports').column('user_id').execute();

      await db.schema
        .createTable('privacy_deletion_links')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema.createIndex('privacy_deletion_links_user').on('privacy_deletion_links').column('user_id').execute();
    },
  },
};
