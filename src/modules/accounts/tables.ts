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
}
