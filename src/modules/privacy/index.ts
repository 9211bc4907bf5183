/**
 * Privacy: the consent banner's answer, Do Not Sell or Share (cookie, account and Global Privacy
 * Control), data export and account deletion. Routes:
 *
 *   POST /privacy/consent               GET/POST /do-not-sell            GET /.well-known/gpc.json
 *   POST /account/data/export           GET /account/data/exports/:id    (JSON attachment, 24 h)
 *   GET/POST /account/data/delete       POST /account/data/delete/link   GET/POST /account/data/delete/confirm?token=…
 *   GET /account/data/deleted
 *
 * Every module that keeps personal data passes a PersonalDataSource (personal-data.ts) in
 * `sources`; export and deletion go through all of them, in the order given.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AccountsService, User } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { Mailer } from '../email/types.js';
import type { PublishingQueries } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { Assets } from '../site/assets.js';
import type { SiteRenderer } from '../site/render.js';
import type { Visitors } from '../site/visitor.js';
import { createAccountDeletion, type AccountDeletion } from './deletion.js';
import { createDataExports, type DataExports } from './exports.js';
import { createOptOuts, type OptOuts } from './opt-outs.js';
import type { PersonalDataSource } from './personal-data.js';
import { registerAccountDataRoutes } from './routes/account-data.js';
import type { PrivacyRouteContext } from './routes/context.js';
import { registerPublicPrivacyRoutes } from './routes/public.js';
import { PRIVACY_CSS } from './views/frame.js';

export { privacyMigrations } from './migrations.js';
export type { PrivacyTables } from './tables.js';
export type { DataSubject, ErasureOptions, PersonalDataSource } from './personal-data.js';

export interface PrivacyDeps {
  db: Database;
  now: () => number;
  publicUrl: string;
  settings: SettingsService;
  accounts: AccountsService;
  email: Mailer;
  audit: AuditLog;
  queries: Pick<PublishingQueries, 'page'>;
  currentUser: (request: FastifyRequest) => Promise<User | null>;
  site: { renderer: SiteRenderer; assets: Assets; visitors: Visitors };
  /** Every module's personal data, for export and deletion (comments, revenue, newsletters, email …). */
  sources: readonly PersonalDataSource[];
}

export interface Privacy {
  optOuts: OptOuts;
  exports: DataExports;
  deletion: AccountDeletion;
}

export function registerPrivacy(app: FastifyInstance, deps: PrivacyDeps): Privacy {
  const { db, now, site } = deps;
  const optOuts = createOptOuts(db, now);
  // The account's opt-out on every signed-in request, and a browser's (cookie or GPC) onto the account.
  site.visitors.addHook(optOuts.hook());
  const exports = createDataExports({ db, now, sources: deps.sources, optOuts });
  const deletion = createAccountDeletion({
    db,
    now,
    sources: deps.sources,
    email: deps.email,
    audit: deps.audit,
    publicUrl: deps.publicUrl,
    privacy: () => deps.settings.get().privacy,
    publication: () => deps.settings.get().name,
  });
  const stylesheet = site.assets.put('privacy.css', Buffer.from(PRIVACY_CSS));
  const context: PrivacyRouteContext = {
    publicUrl: deps.publicUrl,
    settings: deps.settings,
    accounts: deps.accounts,
    queries: deps.queries,
    visitors: site.visitors,
    optOuts,
    exports,
    deletion,
    currentUser: deps.currentUser,
    async hasPassword(userId) {
      const row = await db.kysely.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
      return Boolean(row?.password_hash);
    },
    frame: async (request) => ({ ctx: await site.renderer.context(await site.visitors.of(request)), stylesheet }),
  };
  registerPublicPrivacyRoutes(app, context);
  registerAccountDataRoutes(app, context);
  return { optOuts, exports, deletion };
}
