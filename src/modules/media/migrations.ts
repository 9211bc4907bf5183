import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const mediaMigrations: ModuleMigrations = {
  '2026-11-28-01-media': {
    async up(db, dialect) {
      await db.schema
        .createTable('media')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('storage_key', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('original_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('mime', 'varchar(50)', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'varchar(300)', (c) => c.notNull().defaultTo(''))
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('focal_x', 'real', (c) => c.notNull().defaultTo(0.5))
        .addColumn('focal_y', 'real', (c) => c.notNull().defaultTo(0.5))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-28-40-media-uploaded-by': {
    async up(db) {
      await db.schema.alterTable('media').addColumn('uploaded_by', 'integer').execute();
    },
  },
};
