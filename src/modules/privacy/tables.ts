/** The privacy module's tables: opt-outs kept on accounts, data exports and deletion links. */

export type OptOutSource = 'form' | 'gpc';

export interface PrivacyTables {
  /** Do Not Sell or Share, remembered on the account so it follows the reader to every browser. */
  privacy_opt_outs: {
    user_id: number;
    /** How the reader asked: the button on /do-not-sell, or their browser's Global Privacy Control. */
    source: OptOutSource;
    created_at: number;
  };
  /** A reader's data export: the id is the unguessable part of the download address. */
  privacy_exports: {
    id: string;
    user_id: number;
    created_at: number;
    expires_at: number;
  };
  /** Emailed links that confirm an account deletion (accounts without a password): single use. */
  privacy_deletion_links: {
    /** sha256 hex of the token in the link; the token itself is only in the email. */
    token_hash: string;
    user_id: number;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
}
