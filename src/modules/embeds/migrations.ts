import type { ModuleMigrations } from '../../db/migrate.js';

export const embedsMigrations: ModuleMigrations = {
  '2026-11-28-41-embeds': {
    async up(db) {
      await db.schema
        .createTable('embeds')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('provider', 'varchar(50)', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('html_frames')
        .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
