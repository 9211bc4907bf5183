import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

/**
 * What readers see of a thread is "visible": approved comments, and "[deleted]" placeholders kept
 * because they have replies. The hot indexes are partial on exactly this predicate, and the
 * listing queries repeat it word for word (listing.ts), so both engines can prove the index fits.
 */
export const VISIBLE_PREDICATE = "status in ('approved', 'deleted')";

export const commentsMigrations: ModuleMigrations = {
  '2026-11-28-70-comments': {
    async up(db, dialect) {
      const id = idColumnType(dialect);
      const pk = primaryId(dialect);

      await db.schema
        .createTable('comment_stories')
        .addColumn('id', id, pk)
        // A deleted article takes its discussion with it.
        .addColumn('article_id', 'integer', (c) => c.unique().references('articles.id').onDelete('cascade'))
        .addColumn('url', 'varchar(2048)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(500)', (c) => c.notNull())
        .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('closes_at', 'bigint')
        .addColumn('premoderated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      // No foreign key to users: deleting an account must not fail on its comments, or on the
      // replies others wrote to them; a missing author is shown as a former reader.
      await db.schema
        .createTable('comments')
        .addColumn('id', id, pk)
        .addColumn('story_id', 'integer', (c) => c.notNull().references('comment_stories.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c) => c.references('comments.id'))
        .addColumn('root_id', 'integer')
        .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reply_to_user_id', 'integer')
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('text_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('address_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('moderation_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('featured_at', 'bigint')
        .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('deleted_at', 'bigint')
        .execute();

      const predicate = (text: string): RawBuilder<SqlBool> => sql.raw<SqlBool>(text);
      const visibleTopLevel = predicate(`parent_id is null and ${VISIBLE_PREDICATE}`);
      // The first page, newest or oldest first: one range scan however long the thread.
      await db.schema.createIndex('comments_top_by_time').on('comments').columns(['story_id', 'created_at', 'id']).where(visibleTopLevel).execute();
      await db.schema.createIndex('comments_top_by_likes').on('comments').columns(['story_id', 'like_count', 'id']).where(visibleTopLevel).execute();
      // A root's replies, chronological (the first three under each root, then pages of 50).
      await db.schema.createIndex('comments_replies').on('comments').columns(['root_id', 'created_at', 'id']).where(predicate(VISIBLE_PREDICATE)).execute();
      await db.schema.createIndex('comments_featured').on('comments').columns(['story_id', 'featured_at']).where(predicate('featured_at is not null')).execute();
      // Whether a comment has replies (delete keeps a placeholder), whatever their status.
      await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
      // Moderation queues.
      await db.schema.createIndex('comments_status').on('comments').columns(['status', 'created_at', 'id']).execute();
      await db.schema.createIndex('comments_reported').on('comments').columns(['report_count', 'id']).where(predicate('report_count > 0')).execute();
      // A reader's comments (account page, rate limits, repeats) and an address's (rate limits).
      await db.schema.createIndex('comments_user').on('comments').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('comments_address').on('comments').columns(['address_hash', 'created_at']).execute();

      await db.schema
        .createTable('comment_reactions')
        .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('comment_reactions_pk', ['comment_id', 'user_id'])
        .execute();
      await db.schema.createIndex('comment_reactions_user').on('comment_reactions').columns(['user_id', 'comment_id']).execute();

      await db.schema
        .createTable('comment_reports')
        .addColumn('id', id, pk)
        .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('reason', 'varchar(20)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('resolved_at', 'bigint')
        .addUniqueConstraint('comment_reports_once', ['comment_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('reader_standing')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('good'))
        .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('until', 'bigint')
        .addColumn('approved_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .execute();
    },
  },
};
