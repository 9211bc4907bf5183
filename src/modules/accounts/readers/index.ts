/**
 * Reader accounts on the public site: sign-up with consent, email confirmation, sign-in with a
 * password or an emailed link, password reset, and the account page. Pages use the site's
 * layout and are never cached. Routes:
 *
 *   GET/POST /account/sign-up            GET/POST /account/verify?token=…     (confirm the address)
 *   GET/POST /account/sign-in            POST /account/sign-in/link            (email me a link)
 *   GET/POST /account/magic-link?token=… POST /account/sign-out
 *   GET/POST /account/reset              GET/POST /account/reset/confirm?token=…
 *   GET /account                         POST /account/name, /account/notifications, /account/password
 *
 * CSRF: every POST passes the server's same-origin check (src/http/server.ts), like every other
 * form of the app; the emailed links' tokens are single-use secrets on top of that.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/database.js';
import type { AuditLog } from '../../audit/index.js';
import type { Mailer } from '../../email/types.js';
import type { MediaService } from '../../media/service.js';
import { createPages, createRedirects } from '../../publishing/index.js';
import type { SettingsService } from '../../settings/service.js';
import type { Assets } from '../../site/assets.js';
import type { SiteRenderer } from '../../site/render.js';
import type { AccountsService, User } from '../service.js';
import { createMemoryThrottle, type SignInThrottle } from '../throttle.js';
import { PRIVACY_SLUG, TERMS_SLUG } from './consent.js';
import { registerAccountRoutes } from './routes/account.js';
import { registerResetRoutes } from './routes/reset.js';
import { registerSignInRoutes } from './routes/sign-in.js';
import { registerSignUpRoutes } from './routes/sign-up.js';
import { createReaderService, type ReaderService } from './service.js';
import { readerSessions } from './session.js';
import type { AccountComment, AccountPanelSource } from './views/account.js';
import { ACCOUNT_CSS } from './views/styles.js';

// The lighter exports (signedInUser, readerPreferences …) are in ../index.ts; this file pulls in
// the site and publishing modules, so only the composition root imports it.
export { consentsOf as readerConsents, type Consent, type LegalVersions } from './consent.js';
export { LINK_LIFETIME_MS } from './links.js';
export type { ReaderService } from './service.js';

export interface ReaderAccountsDeps {
  db: Database;
  publicUrl: string;
  now: () => number;
  accounts: AccountsService;
  email: Mailer;
  settings: SettingsService;
  /** For the page versions a reader consents to (read through the publishing module's pages). */
  media: MediaService;
  audit: AuditLog;
  purge: (tags: string[]) => void;
  /** The site's asset store (the account stylesheet goes there) and renderer (its layout). */
  assets: Assets;
  renderer: SiteRenderer;
  /** The reader's comments with replies for /account; until comments supply it, none. */
  activity?: (user: User) => Promise<AccountComment[]>;
  /** Sections other modules add to /account, in this order (null: nothing to show this reader). */
  panels?: readonly AccountPanelSource[];
  /** Counts requests that send email; by default 5 per address and 20 per IP in 15 minutes. */
  mailThrottle?: SignInThrottle;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export async function registerReaderAccounts(app: FastifyInstance, deps: ReaderAccountsDeps): Promise<ReaderService> {
  const redirects = createRedirects({ db: deps.db, audit: deps.audit, now: deps.now, purge: deps.purge, publicUrl: deps.publicUrl });
  const pages = createPages({ db: deps.db, media: deps.media, audit: deps.audit, now: deps.now, purge: deps.purge, redirects });
  const service = createReaderService({
    db: deps.db,
    now: deps.now,
    accounts: deps.accounts,
    email: deps.email,
    publicUrl: deps.publicUrl,
    publication: () => deps.settings.get().name,
    legalVersions: async () => {
      const [terms, privacy] = await Promise.all([pages.currentVersion(TERMS_SLUG), pages.currentVersion(PRIVACY_SLUG)]);
      return { terms, privacy };
    },
  });
  const stylesheet = deps.assets.put('account.css', Buffer.from(ACCOUNT_CSS));
  const context = {
    service,
    accounts: deps.accounts,
    sessions: readerSessions(deps.accounts, deps.publicUrl),
    frame: async () => ({ ctx: await deps.renderer.context(), stylesheet }),
    mailThrottle: deps.mailThrottle ?? createMemoryThrottle({ perEmail: 5, perAddress: 20, windowMs: FIFTEEN_MINUTES, now: deps.now }),
    activity: deps.activity ?? (async () => []),
    panels: deps.panels ?? [],
  };
  registerSignUpRoutes(app, context);
  registerSignInRoutes(app, context);
  registerResetRoutes(app, context);
  registerAccountRoutes(app, context);
  return service;
}
