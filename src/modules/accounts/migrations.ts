import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';
import { readerMigrations } from './readers/migrations.js';

export const accountsMigrations: ModuleMigrations = {
  '2026-11-28-03-accounts': {
    async up(db, dialect) {
      await db.schema
        .createTable('users')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('password_hash', 'varchar(200)')
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('email_verified_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('disabled_at', 'bigint')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'char(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('user_agent', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .execute();
      // Revoking every session of a user (password change) looks them up by user.
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('key_hash', 'char(64)', (c) => c.notNull().unique())
        .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
    },
  },
  ...readerMigrations,
};
