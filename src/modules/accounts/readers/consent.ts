/**
 * Consent at sign-up: the form says "By signing up you agree to our Terms of Use and Privacy
 * Policy", and we keep which text that was — the version numbers of both pages (the publishing
 * module keeps every version of a page) and the time — so it can be shown later exactly.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tables } from '../../../db/tables.js';

/** The static pages the sign-up form links to (the demo publication's slugs). */
export const TERMS_PATH = '/terms-of-use';
export const PRIVACY_PATH = '/privacy-policy';
export const TERMS_SLUG = TERMS_PATH.slice(1);
export const PRIVACY_SLUG = PRIVACY_PATH.slice(1);

export interface LegalVersions {
  /** Null when the site has no such page (yet). */
  terms: number | null;
  privacy: number | null;
}

export interface Consent extends LegalVersions {
  consentedAt: number;
}

export async function recordConsent(trx: Kysely<Tables>, userId: number, consent: Consent): Promise<void> {
  await trx.insertInto('reader_consents').values({ user_id: userId, terms_version: consent.terms, privacy_version: consent.privacy, consented_at: consent.consentedAt }).execute();
}

/** Everything the reader agreed to, oldest first. */
export async function consentsOf(db: Database, userId: number): Promise<Consent[]> {
  const rows = await db.kysely.selectFrom('reader_consents').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ terms: r.terms_version, privacy: r.privacy_version, consentedAt: Number(r.consented_at) }));
}
