/** The whole schema as Kysely sees it: each module contributes the tables it owns. */
import type { AccountsTables } from '../modules/accounts/tables.js';
import type { AuditTables } from '../modules/audit/tables.js';
import type { CommentsTables } from '../modules/comments/tables.js';
import type { EmailTables } from '../modules/email/tables.js';
import type { EmbedsTables } from '../modules/embeds/tables.js';
import type { JobsTables } from '../modules/jobs/tables.js';
import type { MediaTables } from '../modules/media/tables.js';
import type { PublishingTables } from '../modules/publishing/tables.js';
import type { SettingsTables } from '../modules/settings/tables.js';
import type { WebhooksTables } from '../modules/webhooks/tables.js';
import type { RevenueTables } from '../modules/revenue/tables.js';
import type { NewsletterTables } from '../modules/newsletters/tables.js';
import type { AdsTables } from '../modules/ads/tables.js';
import type { PrivacyTables } from '../modules/privacy/tables.js';

export type Tables = SettingsTables & MediaTables & PublishingTables & AccountsTables & JobsTables & AuditTables & EmbedsTables & WebhooksTables & EmailTables & CommentsTables & RevenueTables & NewsletterTables & PrivacyTables & AdsTables;
