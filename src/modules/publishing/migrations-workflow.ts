/**
 * The publishing workflow's storage: schedule, embargo and ownership columns on articles, social
 * overrides, revisions (every save, autosaves coalesced), edit locks, and working copies of
 * published articles.
 */
import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const workflowMigrations: ModuleMigrations = {
  '2026-11-28-10-article-workflow': {
    async up(db, dialect) {
      // One ALTER per column: SQLite adds a single column per statement.
      const columns: [string, 'bigint' | 'integer' | 'varchar(300)' | 'text'][] = [
        ['publish_at', 'bigint'],
        ['unpublish_at', 'bigint'],
        ['embargo_until', 'bigint'],
        ['social_title', 'varchar(300)'],
        ['social_description', 'text'],
        // Ownership: who made the record, so contributors and authors see only their own.
        ['created_by_user', 'integer'],
        ['created_by_key', 'integer'],
      ];
      for (const [name, type] of columns) await db.schema.alterTable('articles').addColumn(name, type).execute();
      // The admin list: newest modified first, keyset-paged.
      await db.schema.createIndex('articles_modified').on('articles').columns(['modified_at', 'id']).execute();
      await db.schema.createIndex('articles_created_by_user').on('articles').columns(['created_by_user', 'modified_at']).execute();

      await db.schema
        .createTable('article_revisions')
        .addColumn('id', idColumnType(dialect), primaryId(dialect))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        // Start of an autosave window: later autosaves by the same person within 5 minutes update this row.
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_label', 'varchar(300)', (c) => c.notNull())
        .addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('headline', 'varchar(300)', (c) => c.notNull())
        .addColumn('standfirst', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_revisions_article').on('article_revisions').columns(['article_id', 'id']).execute();

      await db.schema
        .createTable('article_locks')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('user_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-28-50-article-working-copies': {
    async up(db) {
      await db.schema
        .createTable('article_working_copies')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .addColumn('saved_by_user', 'integer')
        .addColumn('saved_by_label', 'varchar(300)', (c) => c.notNull())
        .execute();
    },
  },
};
