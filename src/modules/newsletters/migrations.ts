import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const newslettersMigrations: ModuleMigrations = {
  '2026-11-28-85-newsletters': {
    async up(db, dialect) {
      const id = idColumnType(dialect);
      const pk = primaryId(dialect);

      await db.schema
        .createTable('newsletter_lists')
        .addColumn('id', id, pk)
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .addColumn('description', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('archived_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      // No foreign key to users: a subscriber may have no account, and erasure deletes these rows itself.
      await db.schema
        .createTable('newsletter_subscribers')
        .addColumn('id', id, pk)
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer')
        .addColumn('token_nonce', 'varchar(64)', (c) => c.notNull())
        .addColumn('confirmed_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('newsletter_subscribers_user').on('newsletter_subscribers').column('user_id').execute();

      await db.schema
        .createTable('newsletter_subscriptions')
        .addColumn('id', id, pk)
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('newsletter_subscriptions_once', ['subscriber_id', 'list_id'])
        .execute();
      await db.schema.createIndex('newsletter_subscriptions_list').on('newsletter_subscriptions').columns(['list_id', 'status']).execute();

      await db.schema
        .createTable('newsletter_consents')
        .addColumn('id', id, pk)
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('terms_version', 'integer')
        .addColumn('privacy_version', 'integer')
        .addColumn('consented_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('newsletter_consents_subscriber').on('newsletter_consents').column('subscriber_id').execute();

      await db.schema
        .createTable('newsletter_confirmations')
        .addColumn('id', id, pk)
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
        .addColumn('list_ids', 'varchar(500)', (c) => c.notNull())
        .addColumn('terms_version', 'integer')
        .addColumn('privacy_version', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema.createIndex('newsletter_confirmations_subscriber').on('newsletter_confirmations').column('subscriber_id').execute();

      await db.schema
        .createTable('newsletter_sends')
        .addColumn('id', id, pk)
        .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id'))
        .addColumn('edition', 'varchar(20)')
        .addColumn('subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('recipient_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('started_by', 'varchar(300)', (c) => c.notNull())
        // NULL editions (sends by hand) never collide; a day's briefing can exist once.
        .addUniqueConstraint('newsletter_sends_edition', ['list_id', 'edition'])
        .execute();

      await db.schema
        .createTable('newsletter_send_recipients')
        .addColumn('id', id, pk)
        .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id'))
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .addUniqueConstraint('newsletter_send_recipients_once', ['send_id', 'subscriber_id'])
        .execute();
      await db.schema.createIndex('newsletter_send_recipients_pending').on('newsletter_send_recipients').columns(['send_id', 'status', 'id']).execute();
      await db.schema.createIndex('newsletter_send_recipients_subscriber').on('newsletter_send_recipients').column('subscriber_id').execute();

      const now = Date.now();
      await db
        .insertInto('newsletter_lists')
        .values([
          { name: 'Daily briefing', description: "The day's most important stories, every day.", kind: 'briefing', archived_at: null, created_at: now, updated_at: now },
          { name: 'Breaking news', description: 'Major news as it happens, only when it matters.', kind: 'manual', archived_at: null, created_at: now, updated_at: now },
        ])
        .execute();
    },
  },
};
