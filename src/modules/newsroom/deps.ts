/**
 * Everything newsroom routes (admin pages and the Admin API) may use. The composition root builds
 * one of these; each route file takes what it needs from it.
 */
import type { Database } from '../../db/database.js';
import type { AccountsService } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { MediaService } from '../media/service.js';
import type { ArticleEvents, PublishingCommands, PublishingQueries } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { Assets } from '../site/assets.js';
import type { Look } from './shell.js';

export interface NewsroomDeps {
  db: Database;
  publicUrl: string;
  /** Injectable clock (tests move time forward); Date.now in production. */
  now: () => number;
  /** Secret for signed preview links and similar; from the environment (SECRET_KEY) or generated per data folder. */
  secret: string;
  look: () => Promise<Look | null>;
  /** Access tokens for oEmbed providers that need one (from the environment). */
  embedTokens: { instagram: string | null };
  assets: Assets;
  accounts: AccountsService;
  audit: AuditLog;
  jobs: JobQueue;
  settings: SettingsService;
  media: MediaService;
  publishing: PublishingCommands;
  queries: PublishingQueries;
  articleEvents: ArticleEvents;
  /** Outgoing email: stored in the outbox, delivered from the job queue (SMTP_URL) or kept there. */
  email: Mailer;
  /** Purges cached pages by tag on every instance. */
  purge: (tags: string[]) => void;
  /** Publishes on the app's event bus (every instance hears it: live comments, purges). */
  publish: (topic: string, payload: unknown) => void;
  /** Listens on the app's event bus (what any instance publishes, this one included); returns the unsubscribe. */
  subscribe: (topic: string, listener: (payload: unknown) => void) => () => void;
}
