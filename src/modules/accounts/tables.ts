import type { Generated } from 'kysely';
import type { Role, StaffRole } from './policy.js';

export interface AccountsTables {
  users: {
    id: Generated<number>;
    /** Stored lower-cased so look-ups and the unique index ignore case. */
    email: string;
    name: string;
    /** Null for accounts that cannot sign in with a password (invited, or external sign-in later). */
    password_hash: string | null;
    role: Role;
    email_verified_at: number | null;
    created_at: number;
    disabled_at: number | null;
  };
  sessions: {
    /** sha256 hex of the cookie token: a leaked table cannot be replayed as sessions. */
    id: string;
    user_id: number;
    created_at: number;
    expires_at: number;
    last_seen_at: number;
    user_agent: string;
  };
  api_keys: {
    id: Generated<number>;
    name: string;
    role: StaffRole;
    /** sha256 hex of the raw key; the key itself is shown once and never stored. */
    key_hash: string;
    /** The key's first characters, so people can tell their keys apart in lists. */
    prefix: string;
    created_by: number | null;
    created_at: number;
    last_used_at: number | null;
    revoked_at: number | null;
  };
  /** Links emailed to readers (confirm a sign-up, sign in, reset a password): single use, short-lived. */
  reader_links: {
    id: Generated<number>;
    /** sha256 hex of the token in the link; the token itself is only in the email. */
    token_hash: string;
    purpose: 'sign-up' | 'sign-in' | 'reset';
    /** Lower-cased address the link was sent to. */
    email: string;
    /** Null for a sign-up: the account is only created when the link is used. */
    user_id: number | null;
    /** JSON: for a sign-up, the pending account (display name, password hash, consent). */
    payload: string;
    /** Where to send the reader once the link is used (a path on this site). */
    return_to: string;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
  /** What a reader agreed to at sign-up: the versions of the Terms of Use and Privacy Policy pages. */
  reader_consents: {
    id: Generated<number>;
    user_id: number;
    /** Null when the site had no such page when the reader signed up. */
    terms_version: number | null;
    privacy_version: number | null;
    consented_at: number;
  };
  /** A reader's email choices; no row means the defaults (everything on). */
  reader_preferences: {
    user_id: number;
    /** 1 or 0: email me when someone replies to my comment. */
    reply_emails: number;
    /** 1 or 0: email me when a moderator features my comment. */
    featured_emails: number;
    updated_at: number;
  };
}
