/**
 * Data export: the reader asks, gets a private download address valid for 24 hours, and the file
 * is built when it is downloaded, from the account itself and every personal-data source — so it
 * is never stored and is always current.
 */
import type { Database } from '../../db/database.js';
import { readerConsentsOf, readerPreferences, type User } from '../accounts/index.js';
import { randomToken } from '../accounts/tokens.js';
import type { OptOuts } from './opt-outs.js';
import type { PersonalDataSource } from './personal-data.js';

export const EXPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type ExportLookup = { found: 'ok'; expiresAt: number } | { found: 'expired' } | { found: 'none' };

export interface DataExports {
  create(userId: number): Promise<string>;
  /** The export `id` of `userId`: another person's export is "none", exactly like an unknown id. */
  find(id: string, userId: number): Promise<ExportLookup>;
  build(user: User): Promise<Record<string, unknown>>;
}

export function createDataExports(deps: { db: Database; now: () => number; sources: readonly PersonalDataSource[]; optOuts: OptOuts }): DataExports {
  const k = deps.db.kysely;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    async create(userId) {
      const id = randomToken(24);
      const now = deps.now();
      // Old exports of this reader are of no use any more; keep the table small.
      await k.deleteFrom('privacy_exports').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
      await k.insertInto('privacy_exports').values({ id, user_id: userId, created_at: now, expires_at: now + EXPORT_LIFETIME_MS }).execute();
      return id;
    },

    async find(id, userId) {
      if (!/^[A-Za-z0-9_-]{1,64}$/u.test(id)) return { found: 'none' };
      const row = await k.selectFrom('privacy_exports').select(['user_id', 'expires_at']).where('id', '=', id).executeTakeFirst();
      if (!row || Number(row.user_id) !== userId) return { found: 'none' };
      const expiresAt = Number(row.expires_at);
      return expiresAt <= deps.now() ? { found: 'expired' } : { found: 'ok', expiresAt };
    },

    async build(user) {
      const subject = { userId: user.id, email: user.email };
      const [consents, preferences, optOut] = await Promise.all([readerConsentsOf(deps.db, user.id), readerPreferences(deps.db, user.id), deps.optOuts.of(user.id)]);
      const data: Record<string, unknown> = {
        exportedAt: iso(deps.now()),
        account: {
          email: user.email,
          displayName: user.name,
          role: user.role,
          createdAt: iso(user.createdAt),
          emailVerifiedAt: iso(user.emailVerifiedAt),
          consents: consents.map((c) => ({ termsOfUseVersion: c.terms, privacyPolicyVersion: c.privacy, consentedAt: iso(c.consentedAt) })),
          notificationPreferences: preferences,
          doNotSellOrShare: optOut ? { optedOut: true, source: optOut.source, since: iso(optOut.createdAt) } : { optedOut: false },
        },
      };
      for (const source of deps.sources) data[source.name] = await source.export(subject);
      return data;
    },
  };
}
