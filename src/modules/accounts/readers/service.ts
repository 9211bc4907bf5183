/**
 * Reader accounts: sign-up with consent, the emailed links (confirm, sign in, reset), display
 * names and email choices. Readers are rows in `users` with the role 'reader' and sign in to the
 * same sessions as staff; this service only adds what readers need on top.
 *
 * What a stranger may learn is nothing: sign-up, link requests and resets answer the same for
 * any address. A sign-up does not create the account; the confirmation link does, so an address
 * someone else typed in never ends up holding an account (or a password) its owner did not choose.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tables } from '../../../db/tables.js';
import type { Mailer } from '../../email/types.js';
import { normaliseEmail } from '../email.js';
import { AccountsError } from '../errors.js';
import { hashPassword, passwordProblem } from '../passwords.js';
import type { AccountsService, User } from '../service.js';
import { consentsOf, recordConsent, type Consent, type LegalVersions } from './consent.js';
import { checkDisplayName } from './display-name.js';
import { createLinks, type Link } from './links.js';
import { accountExistsEmail, linkUrl, resetEmail, signInEmail, staffElsewhereEmail, verifyEmail, type MessageContext } from './messages.js';
import { DEFAULT_PREFERENCES, preferencesOf, savePreferences, type NotificationPreferences } from './preferences.js';

/** Where the emailed links point; the GET there shows a button, the POST uses the link. */
export const LINK_PATHS = { 'sign-up': '/account/verify', 'sign-in': '/account/magic-link', reset: '/account/reset/confirm' } as const;

export interface ReaderServiceDeps {
  db: Database;
  now: () => number;
  accounts: AccountsService;
  email: Mailer;
  publicUrl: string;
  /** The publication's name now (settings can change). */
  publication: () => string;
  /** The current versions of the Terms of Use and the Privacy Policy. */
  legalVersions: () => Promise<LegalVersions>;
}

export interface SignUpInput {
  email: string;
  name: string;
  /** Empty: no password, the reader signs in with emailed links. */
  password: string;
  returnTo: string;
}

/** Why a link did not work: gone (unknown, used or expired) or the account exists already. */
export type LinkOutcome = { ok: true; user: User; returnTo: string } | { ok: false; reason: 'unusable' | 'exists' };

export interface ReaderService {
  /** Validates the form, then emails a confirmation link — or, for a known address, tells its owner. Same outcome either way. */
  signUp(input: SignUpInput): Promise<void>;
  /** Creates the account the link was sent for (verified, with the consent recorded). */
  confirmSignUp(token: string): Promise<LinkOutcome>;
  /** Emails a sign-in link when the address has a reader account; otherwise nothing, silently. */
  requestSignInLink(email: string, returnTo: string): Promise<void>;
  useSignInLink(token: string): Promise<LinkOutcome>;
  /** Emails a reset link when the address has a reader account; otherwise nothing, silently. */
  requestReset(email: string): Promise<void>;
  /** Sets the new password and ends every session of the account (the caller starts a new one). */
  useReset(token: string, password: string): Promise<LinkOutcome>;
  /** Whether a link may still be used, without using it (for the page a GET shows). */
  linkUsable(purpose: keyof typeof LINK_PATHS, token: string): Promise<boolean>;
  /** The display name as stored, or an AccountsError (400) saying why it is refused. */
  checkName(name: string): Promise<string>;
  setDisplayName(user: User, name: string): Promise<string>;
  preferences(userId: number): Promise<NotificationPreferences>;
  setPreferences(userId: number, preferences: NotificationPreferences): Promise<void>;
  consents(userId: number): Promise<Consent[]>;
  /** False for readers who sign in with emailed links only. */
  hasPassword(userId: number): Promise<boolean>;
}

export function createReaderService(deps: ReaderServiceDeps): ReaderService {
  const { db, accounts, now } = deps;
  const k = db.kysely;
  const links = createLinks(db, now);
  const context = (): MessageContext => ({ publication: deps.publication(), publicUrl: deps.publicUrl });

  async function userByEmail(email: string) {
    return k.selectFrom('users').select(['id', 'role', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  }

  /** Names a reader may not pass for: every staff member's, and the publication's. */
  async function protectedNames(): Promise<string[]> {
    const staff = await k.selectFrom('users').select('name').where('role', '!=', 'reader').where('name', '!=', '').execute();
    return [deps.publication(), ...staff.map((s) => s.name)];
  }

  async function checkName(raw: string): Promise<string> {
    const result = checkDisplayName(raw, await protectedNames());
    if (result.problem !== null) throw new AccountsError(result.problem, 400);
    return result.name;
  }

  async function sendLink(purpose: keyof typeof LINK_PATHS, link: Parameters<typeof links.issue>[1]): Promise<string> {
    const token = await links.issue(purpose, link);
    return linkUrl(context(), LINK_PATHS[purpose], token);
  }

  /**
   * The reader account a sign-in or reset link opens, read inside the transaction that spends
   * it (SQLite has one connection: a read outside would wait for the transaction forever).
   */
  async function readerBehind(trx: Kysely<Tables>, link: Link | null) {
    if (!link?.userId) return null;
    const row = await trx.selectFrom('users').select(['id', 'email', 'role', 'disabled_at', 'email_verified_at']).where('id', '=', link.userId).executeTakeFirst();
    return row && row.role === 'reader' && row.disabled_at === null && row.email === link.email ? row : null;
  }

  async function requestLink(rawEmail: string, purpose: 'sign-in' | 'reset', returnTo: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const user = await userByEmail(email);
    if (!user || user.disabled_at !== null) return;
    if (user.role !== 'reader') {
      await deps.email.send(staffElsewhereEmail(context(), email));
      return;
    }
    const url = await sendLink(purpose, { email, userId: user.id, returnTo });
    await deps.email.send(purpose === 'sign-in' ? signInEmail(context(), email, url) : resetEmail(context(), email, url));
  }

  return {
    checkName,

    async signUp(input) {
      const email = normaliseEmail(input.email);
      const name = await checkName(input.name);
      const problem = input.password ? passwordProblem(input.password, email) : null;
      if (problem) throw new AccountsError(problem, 400);
      // Hashed whether or not the address is known, so the answer takes as long either way.
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const existing = await userByEmail(email);
      if (existing) {
        if (existing.disabled_at !== null) return;
        const signIn = existing.role === 'reader' ? await sendLink('sign-in', { email, userId: existing.id, returnTo: input.returnTo }) : null;
        await deps.email.send(accountExistsEmail(context(), email, signIn));
        return;
      }
      const versions = await deps.legalVersions();
      const payload = { name, passwordHash, terms: versions.terms, privacy: versions.privacy, consentedAt: now() };
      const url = await sendLink('sign-up', { email, userId: null, payload, returnTo: input.returnTo });
      await deps.email.send(verifyEmail(context(), email, name, url));
    },

    async confirmSignUp(token) {
      try {
        const outcome = await k.transaction().execute(async (trx): Promise<{ id: number; returnTo: string } | 'unusable' | 'exists'> => {
          const link = await links.consume(trx, 'sign-up', token);
          if (!link) return 'unusable';
          // Signed up twice, or made by an operator meanwhile: the first account stands.
          if (await trx.selectFrom('users').select('id').where('email', '=', link.email).executeTakeFirst()) return 'exists';
          const p = link.payload;
          const at = now();
          const row = await trx
            .insertInto('users')
            .values({
              email: link.email,
              name: typeof p.name === 'string' ? p.name : '',
              password_hash: typeof p.passwordHash === 'string' ? p.passwordHash : null,
              role: 'reader',
              email_verified_at: at,
              created_at: at,
              disabled_at: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const version = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
          await recordConsent(trx, row.id, { terms: version(p.terms), privacy: version(p.privacy), consentedAt: typeof p.consentedAt === 'number' ? p.consentedAt : at });
          await savePreferences(trx, row.id, DEFAULT_PREFERENCES, at);
          return { id: row.id, returnTo: link.returnTo };
        });
        if (typeof outcome === 'string') return { ok: false, reason: outcome };
        const user = await accounts.getUser(outcome.id);
        return user ? { ok: true, user, returnTo: outcome.returnTo } : { ok: false, reason: 'unusable' };
      } catch (error) {
        // Two confirmations of two sign-ups for one address racing: the unique index decides.
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        throw error;
      }
    },

    requestSignInLink: (email, returnTo) => requestLink(email, 'sign-in', returnTo),

    async useSignInLink(token) {
      const used = await k.transaction().execute(async (trx) => {
        const link = await links.consume(trx, 'sign-in', token);
        const reader = await readerBehind(trx, link);
        if (!reader || !link) return null;
        // Reading the link proves the address: an account made without confirmation is confirmed now.
        if (reader.email_verified_at === null) await trx.updateTable('users').set({ email_verified_at: now() }).where('id', '=', reader.id).execute();
        return { id: reader.id, returnTo: link.returnTo };
      });
      const user = used ? await accounts.getUser(used.id) : null;
      return used && user ? { ok: true, user, returnTo: used.returnTo } : { ok: false, reason: 'unusable' };
    },

    requestReset: (email) => requestLink(email, 'reset', '/account'),

    async useReset(token, password) {
      const peeked = await links.peek('reset', token);
      if (!peeked) return { ok: false, reason: 'unusable' };
      // Checked before the link is spent, so a refused password leaves the reader able to try again.
      const problem = passwordProblem(password, peeked.email);
      if (problem) throw new AccountsError(problem, 400);
      const passwordHash = await hashPassword(password);
      const id = await k.transaction().execute(async (trx) => {
        const link = await links.consume(trx, 'reset', token);
        const reader = await readerBehind(trx, link);
        if (!reader) return null;
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, email_verified_at: reader.email_verified_at ?? now() })
          .where('id', '=', reader.id)
          .execute();
        // Whoever else had the account (the reason for many resets) is signed out.
        await trx.deleteFrom('sessions').where('user_id', '=', reader.id).execute();
        return reader.id;
      });
      const user = id === null ? null : await accounts.getUser(id);
      return user ? { ok: true, user, returnTo: '/account' } : { ok: false, reason: 'unusable' };
    },

    async linkUsable(purpose, token) {
      return (await links.peek(purpose, token)) !== null;
    },

    async setDisplayName(user, raw) {
      if (user.role !== 'reader') throw new AccountsError('Staff names are managed in the newsroom.', 403);
      const name = await checkName(raw);
      await k.updateTable('users').set({ name }).where('id', '=', user.id).execute();
      return name;
    },

    preferences: (userId) => preferencesOf(db, userId),

    setPreferences: (userId, preferences) => savePreferences(k, userId, preferences, now()),

    consents: (userId) => consentsOf(db, userId),

    async hasPassword(userId) {
      const row = await k.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
      return Boolean(row?.password_hash);
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
