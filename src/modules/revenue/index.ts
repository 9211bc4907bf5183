/**
 * Reader revenue: the support page and Stripe Checkout, the Stripe webhook, test mode, "Remind me
 * next month", supporters on the visitor, and the revenue admin. Routes:
 *
 *   GET /support                    POST /support/checkout         GET /support/thanks?session_id=…
 *   POST /support/manage            GET/POST /support/remind       POST /webhooks/stripe
 *   GET /admin/revenue (revenue.read)
 *   test mode only: GET /support/test-checkout/:id, POST …/pay, GET /support/test-portal, POST …/cancel
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import type { User } from '../accounts/index.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { Look } from '../newsroom/shell.js';
import type { SettingsService } from '../settings/service.js';
import type { Assets } from '../site/assets.js';
import type { SiteRenderer } from '../site/render.js';
import type { Visitors } from '../site/visitor.js';
import { createEventProcessor, type EventProcessor } from './events.js';
import { stripeGatewayFor, type PaymentGateway } from './gateway.js';
import { defineReceiptJob } from './receipts.js';
import { createReminders } from './reminders.js';
import { registerRevenueAdmin } from './routes/admin.js';
import type { SupportRouteContext } from './routes/context.js';
import { registerManageRoutes } from './routes/manage.js';
import { registerRemindRoutes } from './routes/remind.js';
import { registerSupportRoutes } from './routes/support.js';
import { registerTestModeRoutes } from './routes/test-mode.js';
import { registerStripeWebhook } from './routes/webhook.js';
import { visitorFacts } from './supporters.js';
import { testGateway } from './test-gateway.js';
import { REVENUE_ADMIN_CSS } from './views/admin.js';
import { SUPPORT_CSS } from './views/styles.js';

export { revenueMigrations } from './migrations.js';
export type { RevenueTables } from './tables.js';
export { createSupporterBadges, supporterUserIds, type SupporterBadges } from './supporters.js';
export { revenuePersonalData } from './personal-data.js';
export { supportAccountPanel } from './account-panel.js';
export { parseAmount, formatMoney } from './amount.js';
export type { EventProcessor, EventOutcome } from './events.js';

export interface RevenueDeps {
  db: Database;
  now: () => number;
  publicUrl: string;
  settings: SettingsService;
  jobs: JobQueue;
  email: Mailer;
  look: () => Promise<Look | null>;
  currentUser: (request: FastifyRequest) => Promise<User | null>;
  /** The site module's pieces: its renderer (layout), assets (stylesheets) and visitors (hook). */
  site: { renderer: SiteRenderer; assets: Assets; visitors: Visitors };
  stripe: { secretKey: string | null; webhookSecret: string | null; apiUrl: string | null };
  /** Told when a payment event changed who supports (the Supporter badge keeps answers). */
  supportersChanged?: () => void;
}

export interface Revenue {
  gateway: PaymentGateway;
  events: EventProcessor;
  testMode: boolean;
}

export async function registerRevenue(app: FastifyInstance, deps: RevenueDeps): Promise<Revenue> {
  const { db, now, site } = deps;
  const events = createEventProcessor({ db, jobs: deps.jobs, now, supportersChanged: deps.supportersChanged });
  const test = deps.stripe.secretKey ? null : testGateway({ db, publicUrl: deps.publicUrl, now, events });
  const gateway = test ?? (await stripeGatewayFor(deps.stripe.secretKey as string, deps.stripe.apiUrl));
  defineReceiptJob({ db, jobs: deps.jobs, email: deps.email, settings: deps.settings, publicUrl: deps.publicUrl, now });
  const reminders = createReminders({ db, jobs: deps.jobs, email: deps.email, settings: deps.settings, publicUrl: deps.publicUrl, now });

  // Supporters and readers waiting for a reminder see no pitch; one indexed query per signed-in view.
  site.visitors.addHook(async (visitor, user) => {
    const facts = await visitorFacts(db, user, now());
    if (facts.supporter) visitor.supporter = true;
    if (facts.remindAt !== null) visitor.pitchHidden = true;
  });

  const stylesheet = site.assets.put('support.css', Buffer.from(SUPPORT_CSS));
  const context: SupportRouteContext = {
    db,
    now,
    publicUrl: deps.publicUrl,
    settings: deps.settings,
    gateway,
    test,
    reminders,
    currentUser: deps.currentUser,
    frame: async (request) => ({ ctx: await site.renderer.context(await site.visitors.of(request)), stylesheet, testMode: gateway.testMode }),
  };
  registerSupportRoutes(app, context);
  registerManageRoutes(app, context);
  registerRemindRoutes(app, context);
  if (test) registerTestModeRoutes(app, context, test);
  await registerStripeWebhook(app, { secret: deps.stripe.webhookSecret, events });
  registerRevenueAdmin(app, { db, now, settings: deps.settings, look: deps.look, testMode: gateway.testMode, stylesheet: site.assets.put('revenue-admin.css', Buffer.from(REVENUE_ADMIN_CSS)) });
  return { gateway, events, testMode: gateway.testMode };
}
