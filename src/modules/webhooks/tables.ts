import type { Generated } from 'kysely';

export type WebhookEvent = 'publish' | 'update' | 'unpublish';
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';

export interface WebhooksTables {
  webhooks: {
    id: Generated<number>;
    url: string;
    /** `whsec_` + base64 of 32 random bytes (Standard Webhooks); shown once, kept to sign. */
    secret: string;
    /** Comma-separated subset of publish, update, unpublish. */
    events: string;
    /** 1 or 0 (the same in both engines). */
    active: number;
    created_at: number;
  };
  webhook_deliveries: {
    id: Generated<number>;
    webhook_id: number;
    /** article.published, article.updated, article.unpublished or webhook.test */
    event: string;
    /** The JSON body, fixed at enqueue so every retry sends the same bytes. */
    payload: string;
    status: DeliveryStatus;
    attempts: number;
    last_status_code: number | null;
    last_error: string | null;
    created_at: number;
    delivered_at: number | null;
  };
}
