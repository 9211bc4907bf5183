/**
 * Newsletters: lists managed in the admin, sign-up with double opt-in and recorded consent, the
 * daily briefing (previewed, sent by hand or at settings.newsletters.briefingHour), batched
 * sending with per-recipient state, and one-click unsubscribe (RFC 8058). Routes:
 *
 *   POST /newsletter                           GET/POST /newsletter/confirm?token=…
 *   GET/POST /newsletter/unsubscribe?token=…[&list=…]   GET/POST /newsletters/manage?token=…
 *   /admin/newsletters … ('newsletters.manage'; see routes/admin.ts)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AccountPanelSource, User } from '../accounts/index.js';
import { PRIVACY_SLUG, TERMS_SLUG } from '../accounts/readers/consent.js';
import { ACCOUNT_CSS } from '../accounts/readers/views/styles.js';
import { createMemoryThrottle, type SignInThrottle } from '../accounts/throttle.js';
import type { AuditLog } from '../audit/index.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { MediaService } from '../media/service.js';
import type { Look } from '../newsroom/shell.js';
import { createPages, createRedirects } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { Assets } from '../site/assets.js';
import type { SiteRenderer } from '../site/render.js';
import { createBriefings, type Briefings } from './briefing.js';
import { newsletterAccountPanel } from './account-panel.js';
import { createLists, type Lists } from './lists.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerPublicRoutes } from './routes/public.js';
import { createSending, type Sending } from './sending.js';
import { createSubscribers, type Subscribers } from './subscribers.js';

export { newslettersMigrations } from './migrations.js';
export type { NewsletterTables } from './tables.js';
export { newsletterPersonalData } from './personal-data.js';
export { BATCH_JOB, type SendSummary } from './sending.js';
export { BRIEFING_JOB } from './briefing.js';

export interface NewslettersDeps {
  db: Database;
  now: () => number;
  secret: string;
  publicUrl: string;
  settings: SettingsService;
  jobs: JobQueue;
  email: Mailer;
  audit: AuditLog;
  /** For the legal pages' versions a subscriber consents to (read through the publishing module's pages). */
  media: MediaService;
  purge: (tags: string[]) => void;
  look: () => Promise<Look | null>;
  currentUser: (request: FastifyRequest) => Promise<User | null>;
  subscribe: (topic: string, listener: (payload: unknown) => void) => () => void;
  site: { renderer: SiteRenderer; assets: Assets };
  /** Sign-ups per address and per IP; by default 3 per address and 20 per IP in 15 minutes. */
  signUpThrottle?: SignInThrottle;
}

export interface Newsletters {
  lists: Lists;
  subscribers: Subscribers;
  sending: Sending;
  briefings: Briefings;
  /** The "Newsletters" section of /account. */
  accountPanel: AccountPanelSource;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export async function registerNewsletters(app: FastifyInstance, deps: NewslettersDeps): Promise<Newsletters> {
  const { db, now } = deps;
  const redirects = createRedirects({ db, audit: deps.audit, now, purge: deps.purge, publicUrl: deps.publicUrl });
  const pages = createPages({ db, media: deps.media, audit: deps.audit, now, purge: deps.purge, redirects });
  const lists = createLists(db, now);
  const subscribers = createSubscribers({ db, now, secret: deps.secret, publicUrl: deps.publicUrl, email: deps.email, lists, publication: () => deps.settings.get().name });
  const sending = createSending({ db, jobs: deps.jobs, email: deps.email, settings: deps.settings, publicUrl: deps.publicUrl, secret: deps.secret, now });
  const briefings = createBriefings({ db, jobs: deps.jobs, settings: deps.settings, publicUrl: deps.publicUrl, now, lists, sending });

  // The same stylesheet as the reader pages (same content, same URL): newsletter pages look like them.
  const stylesheet = deps.site.assets.put('account.css', Buffer.from(ACCOUNT_CSS));
  await registerPublicRoutes(app, {
    subscribers,
    lists,
    legalVersions: async () => {
      const [terms, privacy] = await Promise.all([pages.currentVersion(TERMS_SLUG), pages.currentVersion(PRIVACY_SLUG)]);
      return { terms, privacy };
    },
    frame: async () => ({ ctx: await deps.site.renderer.context(), stylesheet }),
    currentUser: deps.currentUser,
    throttle: deps.signUpThrottle ?? createMemoryThrottle({ perEmail: 3, perAddress: 20, windowMs: FIFTEEN_MINUTES, now }),
  });
  registerAdminRoutes(app, { lists, sending, briefings, settings: deps.settings, audit: deps.audit, look: deps.look });

  // The automatic briefing follows the settings: a changed hour moves the waiting job.
  let hour = deps.settings.get().newsletters.briefingHour;
  deps.subscribe('settings.changed', () => {
    void deps.settings.reload().then(async (settings) => {
      if (settings.newsletters.briefingHour === hour) return;
      hour = settings.newsletters.briefingHour;
      await briefings.schedule();
    }).catch(() => {
      // Left as it was; the next start (ensureScheduled) or the next settings change puts it right.
    });
  });
  await briefings.ensureScheduled();
  return { lists, subscribers, sending, briefings, accountPanel: newsletterAccountPanel(db, subscribers) };
}
