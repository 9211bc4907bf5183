/**
 * Accounts: people (users), their signed-in browsers (sessions) and machine clients (API keys).
 * Secrets given out — session tokens and API keys — are stored only as hashes.
 */
import type { Selectable } from 'kysely';
import { everyColumn } from '../../db/columns.js';
import type { Database } from '../../db/database.js';
import { normaliseEmail } from './email.js';
import { AccountsError } from './errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { isRole, isStaffRole, type Role, type StaffRole } from './policy.js';
import type { AccountsTables } from './tables.js';
import { createMemoryThrottle, type SignInThrottle } from './throttle.js';
import { randomToken, sha256Hex } from './tokens.js';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  emailVerifiedAt: number | null;
  createdAt: number;
  disabledAt: number | null;
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  name?: string;
  /** Set when whoever creates the account vouches for the address (an operator at the CLI). */
  emailVerified?: boolean;
}

/** What an API key acts as. */
export interface KeyUser {
  keyId: number;
  name: string;
  role: StaffRole;
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  role: StaffRole;
  prefix: string;
  createdBy: number | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface AccountsOptions {
  now?: () => number;
  sessionTtlMs?: number;
  throttle?: SignInThrottle;
}

export interface AccountsService {
  readonly throttle: SignInThrottle;
  /** How long a session lasts; the sign-in cookie's Max-Age matches it. */
  readonly sessionTtlMs: number;
  createUser(input: NewUser): Promise<User>;
  getUser(id: number): Promise<User | null>;
  /** The user, or null for an unknown address, a wrong password or a disabled account alike. */
  authenticate(email: string, password: string): Promise<User | null>;
  changePassword(userId: number, current: string, next: string): Promise<void>;
  /** Returns the raw token for the cookie; it cannot be recovered later. */
  createSession(userId: number, userAgent: string): Promise<string>;
  sessionUser(token: string): Promise<User | null>;
  revokeSession(token: string): Promise<void>;
  revokeAllSessions(userId: number): Promise<void>;
  /** Returns the raw key, to be shown once. */
  createKey(input: { name: string; role: StaffRole; createdBy?: number | null }): Promise<{ id: number; key: string }>;
  keyUser(raw: string): Promise<KeyUser | null>;
  listKeys(): Promise<ApiKeyInfo[]>;
  /** False when there is no such key; revoking a revoked key changes nothing. */
  revokeKey(id: number): Promise<boolean>;
}

const DAY = 24 * 60 * 60 * 1000;
// last_seen_at is for "active recently" displays; writing it on every request would be waste.
const TOUCH_INTERVAL_MS = 60 * 1000;
export const KEY_PREFIX = 'scms_';
const KEY_SHOWN_CHARS = 8;

// Named rather than `*`: the per-request reads stay prepared statements on PostgreSQL (db/columns.ts).
export const USER_COLUMNS = everyColumn<Selectable<AccountsTables['users']>>()('id', 'email', 'name', 'password_hash', 'role', 'email_verified_at', 'created_at', 'disabled_at');
const SESSION_COLUMNS = everyColumn<Selectable<AccountsTables['sessions']>>()('id', 'user_id', 'created_at', 'expires_at', 'last_seen_at', 'user_agent');
const API_KEY_COLUMNS = everyColumn<Selectable<AccountsTables['api_keys']>>()('id', 'name', 'role', 'key_hash', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at');

// A hash of a random, forgotten password with the same parameters, verified when the address is
// unknown so that an unknown address takes as long to refuse as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$XXlE1s+U4Jg0D1w5u1T32Q$STvUrmWcl5pOILcO5+KdUbYRKCmkgHcDMIOVA9n5Eb8';

export function createAccountsService(db: Database, options: AccountsOptions = {}): AccountsService {
  const now = options.now ?? Date.now;
  const sessionTtlMs = options.sessionTtlMs ?? 30 * DAY;
  const throttle = options.throttle ?? createMemoryThrottle({ now });
  const k = db.kysely;

  async function userRow(id: number) {
    return k.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  return {
    throttle,
    sessionTtlMs,

    async createUser(input) {
      const email = normaliseEmail(input.email);
      if (!isRole(input.role)) throw new AccountsError(`Unknown role "${String(input.role)}".`, 400);
      const name = (input.name ?? '').trim();
      if (name.length > 200 || /[\r\n\0]/u.test(name)) throw new AccountsError('The name must be one line of at most 200 characters.', 400);
      const problem = passwordProblem(input.password, email);
      if (problem) throw new AccountsError(problem, 400);
      const duplicate = new AccountsError(`An account with the email address ${email} already exists.`, 409);
      if (await k.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) throw duplicate;
      const createdAt = now();
      try {
        const row = await k
          .insertInto('users')
          .values({
            email,
            name,
            password_hash: await hashPassword(input.password),
            role: input.role,
            email_verified_at: input.emailVerified ? createdAt : null,
            created_at: createdAt,
            disabled_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (error) {
        // Two creations racing past the check above: the unique index decides.
        if (isUniqueViolation(error)) throw duplicate;
        throw error;
      }
    },

    async getUser(id) {
      const row = await userRow(id);
      return row ? toUser(row) : null;
    },

    async authenticate(email, password) {
      let normalised: string;
      try {
        normalised = normaliseEmail(email);
      } catch {
        normalised = '';
      }
      const row = normalised ? await k.selectFrom('users').select(USER_COLUMNS).where('email', '=', normalised).executeTakeFirst() : undefined;
      // Always pay for one verification, so response time does not reveal which addresses exist.
      const matches = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password.slice(0, 1024));
      if (!row || !row.password_hash || !matches || row.disabled_at !== null) return null;
      return toUser(row);
    },

    async changePassword(userId, current, next) {
      const row = await userRow(userId);
      if (!row) throw new AccountsError('There is no such account.', 404);
      if (!row.password_hash || !(await verifyPassword(row.password_hash, current))) {
        throw new AccountsError('The current password is not correct.', 403);
      }
      const problem = passwordProblem(next, row.email);
      if (problem) throw new AccountsError(problem, 400);
      const hashed = await hashPassword(next);
      // A password change is how people lock out whoever else has their account: end every session.
      await k.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ password_hash: hashed }).where('id', '=', userId).execute();
        await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      });
    },

    async createSession(userId, userAgent) {
      const token = randomToken();
      const at = now();
      await k
        .insertInto('sessions')
        .values({ id: sha256Hex(token), user_id: userId, created_at: at, expires_at: at + sessionTtlMs, last_seen_at: at, user_agent: userAgent.slice(0, 500) })
        .execute();
      return token;
    },

    async sessionUser(token) {
      if (!token) return null;
      const id = sha256Hex(token);
      const session = await k.selectFrom('sessions').select(SESSION_COLUMNS).where('id', '=', id).executeTakeFirst();
      if (!session) return null;
      const at = now();
      if (session.expires_at <= at) {
        await k.deleteFrom('sessions').where('id', '=', id).execute();
        return null;
      }
      const row = await userRow(session.user_id);
      if (!row || row.disabled_at !== null) return null;
      if (at - session.last_seen_at >= TOUCH_INTERVAL_MS) {
        await k.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
      }
      return toUser(row);
    },

    async revokeSession(token) {
      await k.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
    },

    async revokeAllSessions(userId) {
      await k.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async createKey(input) {
      const name = input.name.trim();
      if (!name || name.length > 200 || /[\r\n\0]/u.test(name)) throw new AccountsError('The key needs a name of one line, at most 200 characters.', 400);
      if (!isStaffRole(input.role)) throw new AccountsError(`API keys act as staff: the role must be contributor, author, editor or admin, not "${String(input.role)}".`, 400);
      const key = `${KEY_PREFIX}${randomToken()}`;
      const row = await k
        .insertInto('api_keys')
        .values({
          name,
          role: input.role,
          key_hash: sha256Hex(key),
          prefix: key.slice(0, KEY_SHOWN_CHARS),
          created_by: input.createdBy ?? null,
          created_at: now(),
          last_used_at: null,
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, key };
    },

    async keyUser(raw) {
      if (!raw.startsWith(KEY_PREFIX)) return null;
      const row = await k.selectFrom('api_keys').select(API_KEY_COLUMNS).where('key_hash', '=', sha256Hex(raw)).where('revoked_at', 'is', null).executeTakeFirst();
      if (!row || !isStaffRole(row.role)) return null;
      const at = now();
      if (row.last_used_at === null || at - row.last_used_at >= TOUCH_INTERVAL_MS) {
        await k.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', row.id).execute();
      }
      return { keyId: row.id, name: row.name, role: row.role };
    },

    async listKeys() {
      const rows = await k.selectFrom('api_keys').select(API_KEY_COLUMNS).orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        prefix: row.prefix,
        createdBy: row.created_by,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      }));
    },

    async revokeKey(id) {
      const row = await k.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      if (row.revoked_at === null) await k.updateTable('api_keys').set({ revoked_at: now() }).where('id', '=', id).execute();
      return true;
    },
  };
}

export function toUser(row: Selectable<AccountsTables['users']>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite (better-sqlite3) and PostgreSQL (pg) name the same failure differently.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
