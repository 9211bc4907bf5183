import type { ModuleMigrations } from '../../db/migrate.js';
import { idColumnType, primaryId } from '../../db/migrate.js';

export const revenueMigrations: ModuleMigrations = {
  '2026-11-28-80-revenue': {
    async up(db, dialect) {
      const id = idColumnType(dialect);
      const pk = primaryId(dialect);

      // No foreign keys to users: erasing an account keeps anonymised payment records.
      await db.schema
        .createTable('supporters')
        .addColumn('id', id, pk)
        .addColumn('user_id', 'integer', (c) => c.unique())
        .addColumn('email', 'varchar(254)')
        .addColumn('name', 'varchar(300)')
        .addColumn('stripe_customer_id', 'varchar(255)')
        .addColumn('active_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('anonymised_at', 'bigint')
        .execute();
      await db.schema.createIndex('supporters_email').on('supporters').column('email').execute();
      await db.schema.createIndex('supporters_customer').on('supporters').column('stripe_customer_id').execute();
      await db.schema.createIndex('supporters_created').on('supporters').column('created_at').execute();

      await db.schema
        .createTable('support_payments')
        .addColumn('id', id, pk)
        .addColumn('supporter_id', 'integer', (c) => c.notNull().references('supporters.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'varchar(3)', (c) => c.notNull())
        .addColumn('stripe_payment_id', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('stripe_payment_intent_id', 'varchar(255)')
        .addColumn('stripe_session_id', 'varchar(255)')
        .addColumn('stripe_invoice_id', 'varchar(255)')
        .addColumn('stripe_subscription_id', 'varchar(255)')
        .addColumn('status', 'varchar(30)', (c) => c.notNull())
        .addColumn('amount_refunded', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('paid_at', 'bigint', (c) => c.notNull())
        .addColumn('receipt_sent_at', 'bigint')
        .execute();
      await db.schema.createIndex('support_payments_paid').on('support_payments').columns(['paid_at', 'id']).execute();
      await db.schema.createIndex('support_payments_supporter').on('support_payments').column('supporter_id').execute();
      await db.schema.createIndex('support_payments_intent').on('support_payments').column('stripe_payment_intent_id').execute();
      await db.schema.createIndex('support_payments_invoice').on('support_payments').column('stripe_invoice_id').execute();

      await db.schema
        .createTable('support_subscriptions')
        .addColumn('id', id, pk)
        .addColumn('stripe_subscription_id', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('supporter_id', 'integer', (c) => c.notNull().references('supporters.id'))
        .addColumn('status', 'varchar(30)', (c) => c.notNull())
        .addColumn('amount', 'bigint')
        .addColumn('currency', 'varchar(3)')
        .addColumn('stripe_customer_id', 'varchar(255)')
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('cancelled_at', 'bigint')
        .addColumn('last_event_created', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('support_subscriptions_supporter').on('support_subscriptions').column('supporter_id').execute();

      await db.schema
        .createTable('stripe_events')
        .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('type', 'varchar(100)', (c) => c.notNull())
        .addColumn('created', 'bigint', (c) => c.notNull())
        .addColumn('processed_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('support_reminders')
        .addColumn('id', id, pk)
        .addColumn('user_id', 'integer')
        .addColumn('email', 'varchar(254)')
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .addColumn('cancelled_at', 'bigint')
        .execute();
      await db.schema.createIndex('support_reminders_user').on('support_reminders').columns(['user_id', 'due_at']).execute();
      await db.schema.createIndex('support_reminders_email').on('support_reminders').column('email').execute();

      await db.schema
        .createTable('support_test_sessions')
        .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('mode', 'varchar(20)', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'varchar(3)', (c) => c.notNull())
        .addColumn('email', 'varchar(254)')
        .addColumn('user_id', 'integer')
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('customer_id', 'varchar(80)')
        .addColumn('subscription_id', 'varchar(80)')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
