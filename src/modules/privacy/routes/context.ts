/** What every privacy route shares: the reader, the page frame, and the module's services. */
import type { FastifyRequest } from 'fastify';
import type { AccountsService, User } from '../../accounts/index.js';
import type { PublishingQueries } from '../../publishing/index.js';
import type { SettingsService } from '../../settings/service.js';
import type { Visitors } from '../../site/visitor.js';
import type { AccountDeletion } from '../deletion.js';
import type { DataExports } from '../exports.js';
import type { OptOuts } from '../opt-outs.js';
import type { PrivacyFrame } from '../views/frame.js';
export { html, linkPage, seeOther, fields, queryValue } from '../../../http/form-pages.js';

export interface PrivacyRouteContext {
  publicUrl: string;
  settings: SettingsService;
  accounts: AccountsService;
  queries: Pick<PublishingQueries, 'page'>;
  visitors: Visitors;
  optOuts: OptOuts;
  exports: DataExports;
  deletion: AccountDeletion;
  currentUser(request: FastifyRequest): Promise<User | null>;
  /** Whether the account can sign in with a password (else deletion is confirmed by email). */
  hasPassword(userId: number): Promise<boolean>;
  /** The site layout for this visitor, and the privacy stylesheet. */
  frame(request: FastifyRequest): Promise<PrivacyFrame>;
}

/** Forms that send email are limited per IP (the per-account limit is the link's lifetime). */
export const MAIL_RATE_LIMIT = { rateLimit: { max: 5, timeWindow: '15 minutes' } };
/** Public forms that only set a cookie or a flag. */
export const FORM_RATE_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export const SIGN_IN_TO_ACCOUNT = '/account/sign-in?return=%2Faccount';
