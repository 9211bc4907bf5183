import { sql } from 'kysely';
import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';
import { workflowMigrations } from './migrations-workflow.js';
import { taxonomyMigrations } from './migrations-taxonomy.js';

export const publishingMigrations: ModuleMigrations = {
  '2026-11-28-02-publishing-core': {
    async up(db, dialect) {
      const id = idColumnType(dialect);
      const pk = primaryId(dialect);

      await db.schema
        .createTable('sections')
        .addColumn('id', id, pk)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', id, pk)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('authors')
        .addColumn('id', id, pk)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
        .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', id, pk)
        .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('headline', 'varchar(300)', (c) => c.notNull())
        .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('rendered_body', 'text')
        .addColumn('hero_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
        .addColumn('dateline', 'varchar(200)')
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('published_at', 'bigint')
        .addColumn('updated_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('modified_at', 'bigint', (c) => c.notNull())
        .addColumn('seo_title', 'varchar(300)')
        .addColumn('seo_description', 'text')
        .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // The hot listings: latest published overall and per section, newest first.
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at', 'id']).execute();
      await db.schema
        .createIndex('articles_section_status_published')
        .on('articles')
        .columns(['section_id', 'status', 'published_at', 'id'])
        .execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('role_label', 'varchar(100)')
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
        .execute();
      await db.schema.createIndex('article_authors_author').on('article_authors').columns(['author_id', 'article_id']).execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('article_tags_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

      await db.schema
        .createTable('article_slugs')
        .addColumn('slug', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .execute();

      await db.schema
        .createTable('article_notes')
        .addColumn('id', id, pk)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_notes_article').on('article_notes').columns(['article_id', 'created_at']).execute();

      await db.schema
        .createTable('pages')
        .addColumn('id', id, pk)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('rendered_body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      // Full-text search: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL.
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
      } else {
        await db.schema
          .createTable('article_search')
          .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
          .addColumn('headline', 'text', (c) => c.notNull())
          .addColumn('standfirst', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('document', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
      }
    },
  },
  ...taxonomyMigrations,
  ...workflowMigrations,
};
