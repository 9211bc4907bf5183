import type { ModuleMigrations } from '../../db/migrate.js';

export const settingsMigrations: ModuleMigrations = {
  '2026-11-28-00-settings': {
    async up(db) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
