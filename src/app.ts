/**
 * The composition root: config → database → migrations → modules → HTTP server. Nothing else
 * knows how the pieces are wired; tests and the benchmark build the same app with overrides.
 */
import path from 'node:path';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { localBus, postgresBus, type EventBus } from './events/bus.js';
import { migrateToLatest } from './db/migrate.js';
import { accountsMigrations, createAccountsService, signedInUser, type AccountsService } from './modules/accounts/index.js';
import { registerAdmin } from './modules/accounts/http/routes.js';
import { PageCache } from './http/page-cache.js';
import { createServer } from './http/server.js';
import { mediaMigrations } from './modules/media/migrations.js';
import { createMediaService, type MediaService } from './modules/media/service.js';
import { diskStorage } from './modules/media/storage.js';
import { createPublishingCommands, createPublishingQueries, publishingMigrations, type PublishingCommands, type PublishingQueries } from './modules/publishing/index.js';
import { settingsMigrations } from './modules/settings/migrations.js';
import { createSettingsService, type SettingsService } from './modules/settings/service.js';
import { registerSiteModule } from './modules/site/index.js';
import type { SiteRenderer } from './modules/site/render.js';
import { registerStaffAdmin } from './modules/api/staff-admin.js';
import { registerContentApi } from './modules/api/content-api.js';
import { registerOpenApi } from './modules/api/openapi.js';
import { auditMigrations, createAuditLog, type AuditLog } from './modules/audit/index.js';
import { PLAYER_ORIGINS } from './modules/embeds/providers.js';
import { registerEmbeds } from './modules/embeds/routes.js';
import { embedsMigrations } from './modules/embeds/migrations.js';
import { createJobQueue, jobsMigrations, type JobQueue } from './modules/jobs/index.js';
import { registerMediaAdmin } from './modules/media/http/routes.js';
import type { NewsroomDeps } from './modules/newsroom/deps.js';
import { lookOf } from './modules/newsroom/look.js';
import { registerArticleAdmin } from './modules/publishing/admin/article-pages.js';
import { registerArticleApi } from './modules/publishing/http/articles-api.js';
import { registerTaxonomyRoutes } from './modules/publishing/http/taxonomy-routes.js';
import { createArticleEvents, type ArticleEvents } from './modules/publishing/index.js';
import { registerWebhooks } from './modules/webhooks/routes.js';
import { webhooksMigrations } from './modules/webhooks/migrations.js';
import { createMailer, emailMigrations, registerOutboxAdmin, smtpTransport, type Mailer } from './modules/email/index.js';
import { commentsMigrations, createCommentsService, readerActivity, READER_SIGN_IN_PATH, registerCommentsRoutes, type CommentsService } from './modules/comments/index.js';
import { registerReaderAccounts } from './modules/accounts/readers/index.js';
import { registerCommentsEmbed } from './modules/comments/embed-routes.js';
import { registerCommentsAdmin } from './modules/comments/admin/index.js';
import { signingSecret } from './secret.js';
import { createSupporterBadges, registerRevenue, revenueMigrations, revenuePersonalData, supportAccountPanel, type Revenue } from './modules/revenue/index.js';
import { adsMigrations, registerAds, type Ads } from './modules/ads/index.js';
import { privacyMigrations, registerPrivacy } from './modules/privacy/index.js';
import { emailPersonalData } from './modules/email/index.js';
import { newsletterPersonalData, newslettersMigrations, registerNewsletters, type Newsletters } from './modules/newsletters/index.js';

export interface AppOptions {
  /** PostgreSQL only: run in a schema of its own (tests). */
  pgSchema?: string;
  /** SQLite only: another file name, or ":memory:". */
  sqliteFile?: string;
  clock?: () => number;
}

export interface App {
  config: Config;
  db: Database;
  http: FastifyInstance;
  cache: PageCache;
  bus: EventBus;
  settings: SettingsService;
  media: MediaService;
  publishing: PublishingCommands;
  queries: PublishingQueries;
  renderer: SiteRenderer;
  accounts: AccountsService;
  jobs: JobQueue;
  audit: AuditLog;
  articleEvents: ArticleEvents;
  email: Mailer;
  comments: CommentsService;
  revenue: Revenue;
  newsletters: Newsletters;
  ads: Ads;
  close(): Promise<void>;
}

export const migrationSets = [settingsMigrations, mediaMigrations, publishingMigrations, accountsMigrations, jobsMigrations, auditMigrations, embedsMigrations, webhooksMigrations, emailMigrations, commentsMigrations, revenueMigrations, adsMigrations, privacyMigrations, newslettersMigrations];

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: options.pgSchema, sqliteFile: options.sqliteFile });
  try {
    await migrateToLatest(db, migrationSets);
    const bus: EventBus = config.databaseUrl
      ? await postgresBus(config.databaseUrl, options.pgSchema ?? 'public', (error) => logger.error({ err: error }, 'event bus'))
      : localBus();
    const cache = new PageCache(config.pageCacheMb * 1024 * 1024);
    // Purges reach every instance's page cache; settings appear on every page, so they clear all.
    bus.subscribe('cache.purge', (tags) => cache.purge(tags as string[]));
    bus.subscribe('settings.changed', () => {
      cache.clear();
      void settings.reload();
    });
    const settings = await createSettingsService(db, () => bus.publish('settings.changed', null));
    const media = createMediaService(db, diskStorage(path.join(config.dataDir, 'media')));
    const publishing = createPublishingCommands(db, media, (tags) => bus.publish('cache.purge', tags), options.clock);
    const queries = createPublishingQueries(db, media);
    const accounts = createAccountsService(db, { now: options.clock });
    const now = options.clock ?? Date.now;
    const jobs = createJobQueue(db, { now, onError: (error, job) => logger.error({ err: error, job }, 'job failed') });
    const audit = createAuditLog(db, now);
    const articleEvents = createArticleEvents((error) => logger.error({ err: error }, 'article event listener failed'));
    const mailTransport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
    const email = createMailer({ db, jobs, now, transport: mailTransport, from: () => `"${settings.get().name.replace(/["\\\r\n]/gu, '')}" <${config.mailFrom}>` });

    const secret = signingSecret(config);
    const purge = (tags: string[]) => bus.publish('cache.purge', tags);
    const publish = (topic: string, payload: unknown) => bus.publish(topic, payload);
    // The "Supporter" badge beside comments asks revenue once per page of comments (kept answers).
    const badges = createSupporterBadges(db, now);
    const comments = createCommentsService({ db, now, secret, publicUrl: config.publicUrl, settings, audit, purge, publish, jobs, supporters: badges.lookup });

    let site: Awaited<ReturnType<typeof registerSiteModule>> | undefined;
    const http = await createServer({
      logger,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      frameSources: PLAYER_ORIGINS,
      notFoundPage: (request, reply) => {
        if (!site) throw new Error('site module not registered');
        return site.notFoundPage(request, reply);
      },
    });
    // First, so the OpenAPI document sees every route registered after it.
    await registerOpenApi(http, { publicUrl: config.publicUrl });
    site = await registerSiteModule(http, {
      queries,
      settings,
      media,
      cache,
      publicUrl: config.publicUrl,
      clock: options.clock,
      comments,
      currentUser: (request) => signedInUser(accounts, request),
      countryHeader: config.countryHeader,
    });
    const renderer = site.renderer;
    const adminCss = site.assets.load('admin.css');
    const look = lookOf(renderer, () => adminCss);
    // Staff sign-in, after the site so the staff pages can borrow its stylesheet.
    await registerAdmin(http, { accounts, db, publicUrl: config.publicUrl, look });
    bus.subscribe('cache.purge', (tags) => renderer.forget(tags as string[]));

    const newsroom: NewsroomDeps = {
      db,
      publicUrl: config.publicUrl,
      now,
      secret,
      look,
      embedTokens: { instagram: config.instagramOembedToken },
      assets: site.assets,
      accounts,
      audit,
      jobs,
      settings,
      media,
      publishing,
      queries,
      articleEvents,
      email,
      purge,
      publish,
      subscribe: (topic, listener) => bus.subscribe(topic, listener),
    };
    await registerArticleApi(http, newsroom);
    await registerArticleAdmin(http, newsroom);
    await registerTaxonomyRoutes(http, newsroom);
    await registerMediaAdmin(http, newsroom);
    await registerEmbeds(http, newsroom);
    await registerWebhooks(http, newsroom);
    await registerStaffAdmin(http, newsroom);
    await registerContentApi(http, newsroom);
    await registerOutboxAdmin(http, { look, email, smtp: mailTransport !== null });
    // /account: the reader's comments, then the support and newsletter sections (newsletters are registered below; asked per request).
    const supportPanel = supportAccountPanel({ db, settings, now });
    await registerReaderAccounts(http, {
      ...newsroom,
      renderer,
      activity: (user) => readerActivity(db, user.id),
      panels: [supportPanel, (user) => newsletters.accountPanel(user)],
    });
    await registerCommentsRoutes(http, {
      comments,
      accounts,
      signInPath: READER_SIGN_IN_PATH,
      subscribe: newsroom.subscribe,
      assets: site.assets,
      cache,
      async renderArticle(path, query) {
        const [, section = '', slug = ''] = path.split('/');
        const page = await renderer.article(section, slug, query);
        return 'html' in page ? page.html : null;
      },
    });
    // Comments framed on other sites (/comments/embed.js, /comments/embed …), for the origins the admin allows.
    await registerCommentsEmbed(http, { comments, accounts, settings, assets: site.assets, cache, context: renderer.context, secret, now, signInPath: READER_SIGN_IN_PATH });
    // Moderation queues (/admin/comments, /api/admin/comments …) and the emails decisions call for.
    await registerCommentsAdmin(http, { ...newsroom, comments });

    // Reader revenue and privacy: each module registers its routes here (one call each).
    const revenue = await registerRevenue(http, { db, now, publicUrl: config.publicUrl, settings, jobs, email, look, currentUser: (request) => signedInUser(accounts, request), site, stripe: { secretKey: config.stripeSecretKey, webhookSecret: config.stripeWebhookSecret, apiUrl: config.stripeApiUrl }, supportersChanged: badges.forget });
    const ads = await registerAds(http, { db, now, secret, publicUrl: config.publicUrl, settings, media, queries, look, audit, visitors: site.visitors, purge, publish, subscribe: newsroom.subscribe });
    // Export and deletion go through every module's personal data; email last (it erases what the others sent).
    registerPrivacy(http, { db, now, publicUrl: config.publicUrl, settings, accounts, email, audit, queries, site, currentUser: (request) => signedInUser(accounts, request), sources: [comments.personalData, revenuePersonalData(db, { cancelJob: (key) => jobs.cancel(key), now }), newsletterPersonalData(db), emailPersonalData(db)] });
    const newsletters = await registerNewsletters(http, { ...newsroom, currentUser: (request) => signedInUser(accounts, request), site: { renderer, assets: site.assets } });

    return {
      config,
      db,
      http,
      cache,
      bus,
      settings,
      media,
      publishing,
      queries,
      renderer: site.renderer,
      accounts,
      jobs,
      audit,
      articleEvents,
      email,
      comments,
      revenue,
      newsletters,
      ads,
      async close() {
        await jobs.stop();
        mailTransport?.close();
        await http.close();
        await bus.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
