/**
 * The links emailed to readers: confirm a sign-up, sign in without a password, reset a password.
 * Each token is 256 random bits, stored only as its sha256, good once and for a short time.
 * Opening a link (GET) only looks; the reader's button press (POST) uses it up, so a mail
 * scanner that fetches every link in a message cannot spend it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tables } from '../../../db/tables.js';
import type { AccountsTables } from '../tables.js';
import { randomToken, sha256Hex } from '../tokens.js';

export type LinkPurpose = AccountsTables['reader_links']['purpose'];

const MINUTE = 60 * 1000;

/**
 * Sign-in and reset links open an account, so they are short-lived. A sign-up link only creates
 * an account that does not exist yet, and people read mail later than they think: a day.
 */
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  'sign-in': 15 * MINUTE,
  reset: 15 * MINUTE,
  'sign-up': 24 * 60 * MINUTE,
};

export interface Link {
  id: number;
  purpose: LinkPurpose;
  email: string;
  userId: number | null;
  payload: Record<string, unknown>;
  returnTo: string;
  expiresAt: number;
}

export interface NewLink {
  email: string;
  userId: number | null;
  payload?: Record<string, unknown>;
  returnTo: string;
}

type Trx = Kysely<Tables>;

// randomToken() gives 32 bytes as base64url: exactly 43 characters. Anything else is not ours.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/u;

export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

export interface Links {
  /** Stores a new link and returns its token, to be put in the email and nowhere else. */
  issue(purpose: LinkPurpose, link: NewLink): Promise<string>;
  /** The link if it can still be used; it stays usable (this is what a GET does). */
  peek(purpose: LinkPurpose, token: string): Promise<Link | null>;
  /**
   * Uses the link up, inside the caller's transaction, so the effect and the spending happen
   * together or not at all. Also retires the address's other open links of the same kind.
   * Null when the link is unknown, already used or expired.
   */
  consume(trx: Trx, purpose: LinkPurpose, token: string): Promise<Link | null>;
}

export function createLinks(db: Database, now: () => number): Links {
  const k = db.kysely;

  return {
    async issue(purpose, link) {
      const token = randomToken();
      const at = now();
      // Old links are of no use to anyone: sweep them as new ones are made.
      await k.deleteFrom('reader_links').where('expires_at', '<', at - LINK_LIFETIME_MS['sign-up']).execute();
      await k
        .insertInto('reader_links')
        .values({
          token_hash: sha256Hex(token),
          purpose,
          email: link.email,
          user_id: link.userId,
          payload: JSON.stringify(link.payload ?? {}),
          return_to: link.returnTo,
          created_at: at,
          expires_at: at + LINK_LIFETIME_MS[purpose],
          used_at: null,
        })
        .execute();
      return token;
    },

    async peek(purpose, token) {
      if (!isTokenShaped(token)) return null;
      const row = await k
        .selectFrom('reader_links')
        .selectAll()
        .where('token_hash', '=', sha256Hex(token))
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },

    async consume(trx, purpose, token) {
      if (!isTokenShaped(token)) return null;
      const at = now();
      // One conditional update: of two requests racing with the same link, only one gets the row.
      const row = await trx
        .updateTable('reader_links')
        .set({ used_at: at })
        .where('token_hash', '=', sha256Hex(token))
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await trx.updateTable('reader_links').set({ used_at: at }).where('email', '=', row.email).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
      return toLink(row);
    },
  };
}

function toLink(row: Selectable<AccountsTables['reader_links']>): Link {
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.payload);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
  } catch {
    // A payload we cannot read is treated as empty; the link's owner sees "start again".
  }
  return {
    id: row.id,
    purpose: row.purpose,
    email: row.email,
    userId: row.user_id,
    payload,
    returnTo: row.return_to,
    expiresAt: Number(row.expires_at),
  };
}
