/** Linked staff users for authors, page versions, and redirects (issue 3: taxonomy, pages, redirects). */
import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const taxonomyMigrations: ModuleMigrations = {
  '2026-11-28-11-taxonomy-pages-redirects': {
    async up(db, dialect) {
      const id = idColumnType(dialect);
      const pk = primaryId(dialect);

      await db.schema
        .alterTable('authors')
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      // One author profile per staff user, so "my byline" is never ambiguous (NULLs do not collide).
      await db.schema.createIndex('authors_user_id').unique().on('authors').column('user_id').execute();

      await db.schema.alterTable('pages').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

      await db.schema
        .createTable('page_versions')
        .addColumn('id', id, pk)
        .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('slug', 'varchar(100)', (c) => c.notNull())
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .addColumn('saved_by', 'varchar(300)', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('page_versions_page_version', ['page_id', 'version'])
        .execute();

      await db.schema
        .createTable('redirects')
        .addColumn('id', id, pk)
        .addColumn('from_path', 'varchar(500)', (c) => c.notNull().unique())
        .addColumn('to_target', 'varchar(2000)', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull().defaultTo(301))
        .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('redirects_to_target').on('redirects').column('to_target').execute();
    },
  },
};
