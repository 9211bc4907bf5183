import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const adsMigrations: ModuleMigrations = {
  '2026-11-29-10-ads': {
    async up(db, dialect) {
      await db.schema
        .createTable('ad_creatives')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('media_id', 'integer')
        .addColumn('image_url', 'varchar(500)')
        .addColumn('alt', 'varchar(300)', (c) => c.notNull())
        .addColumn('link_url', 'varchar(2000)', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('sections', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ad_creatives_ends').on('ad_creatives').column('ends_at').execute();

      // One row per creative per day, counted by upsert: no table of individual views or visitors.
      await db.schema
        .createTable('ad_stats')
        .addColumn('creative_id', 'integer', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('impressions', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('clicks', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('ad_stats_pk', ['creative_id', 'day'])
        .execute();
    },
  },
};
