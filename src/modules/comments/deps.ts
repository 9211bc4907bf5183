/** What the comments module needs from the app, and what its parts share once built. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { User } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { SettingsService } from '../settings/service.js';
import type { CommentSettings } from './config.js';
import type { Announcer } from './events.js';
import type { SupporterLookup } from './badges.js';
import type { Listing } from './listing.js';
import type { Phase } from './moderation/types.js';

export interface CommentsDeps {
  db: Database;
  now: () => number;
  /** Signs cursors and keys address hashes. */
  secret: string;
  publicUrl: string;
  settings: SettingsService;
  audit: AuditLog;
  /** Purges cached pages by tag on every instance. */
  purge: (tags: string[]) => void;
  /** The app's event bus. */
  publish: (topic: string, payload: unknown) => void;
  /** Which authors get the "Supporter" badge (the revenue module); left out, nobody. */
  supporters?: SupporterLookup;
  /** Queues the emails changes call for, in the changes' own transactions (left out: no emails). */
  jobs?: JobQueue;
  /** The moderation phases, in order; the pipeline's own list unless a test brings its own. */
  phases?: Phase[];
}

/** The signed-in person acting: a reader, or staff commenting like anyone else. */
export type Commenter = Pick<User, 'id' | 'name' | 'role' | 'createdAt' | 'emailVerifiedAt'>;

export interface Shared {
  k: Kysely<Tables>;
  deps: CommentsDeps;
  settings: () => CommentSettings;
  listing: Listing;
  announce: Announcer;
  phases: Phase[];
}
