import type { Generated } from 'kysely';

export type ListKind = 'briefing' | 'manual';
export type SubscriptionStatus = 'pending' | 'active' | 'unsubscribed';

export interface NewsletterTables {
  /** What a reader can subscribe to: the daily briefing (built from the day's articles) or a list sent by hand. */
  newsletter_lists: {
    id: Generated<number>;
    name: string;
    description: string;
    kind: ListKind;
    /** Archived lists take no new subscribers and are not sent; their history stays. */
    archived_at: number | null;
    created_at: number;
    updated_at: number;
  };
  /** One row per address that ever asked to subscribe; erased with the reader's data. */
  newsletter_subscribers: {
    id: Generated<number>;
    /** Lower-cased. */
    email: string;
    /** The reader's account when they signed up signed in (or later matched by address). */
    user_id: number | null;
    /**
     * Random, mixed with the site secret into the subscriber's manage and unsubscribe links
     * (HMAC): the links are never stored, and a new nonce retires every old link at once.
     */
    token_nonce: string;
    /** When the address was first confirmed (double opt-in). */
    confirmed_at: number | null;
    created_at: number;
  };
  newsletter_subscriptions: {
    id: Generated<number>;
    subscriber_id: number;
    list_id: number;
    status: SubscriptionStatus;
    updated_at: number;
  };
  /** The legal texts' versions the subscriber agreed to, and when (each confirmed sign-up adds one). */
  newsletter_consents: {
    id: Generated<number>;
    subscriber_id: number;
    terms_version: number | null;
    privacy_version: number | null;
    consented_at: number;
  };
  /** Double opt-in links: the token's sha256, good once, for a day. */
  newsletter_confirmations: {
    id: Generated<number>;
    subscriber_id: number;
    token_hash: string;
    /** JSON array of list ids asked for. */
    list_ids: string;
    terms_version: number | null;
    privacy_version: number | null;
    /** When the form was sent: the moment of consent. */
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
  /** One mailing of one list. A briefing's `edition` is its day (YYYY-MM-DD): unique per list, so never two a day. */
  newsletter_sends: {
    id: Generated<number>;
    list_id: number;
    edition: string | null;
    subject: string;
    /** The content without the per-recipient footer (added when each message is made). */
    text_body: string;
    html_body: string;
    status: 'sending' | 'sent';
    recipient_count: number;
    created_at: number;
    finished_at: number | null;
    /** Who pressed send, or "scheduler". */
    started_by: string;
  };
  /** Per-recipient send state: pending → sent (or skipped: unsubscribed meanwhile), set in the transaction that stores the email. */
  newsletter_send_recipients: {
    id: Generated<number>;
    send_id: number;
    subscriber_id: number;
    status: 'pending' | 'sent' | 'skipped';
    sent_at: number | null;
  };
}
