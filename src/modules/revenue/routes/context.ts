/** What every support route shares: the page frame, the reader, form reading and answers. */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.js';
import type { User } from '../../accounts/index.js';
import type { SettingsService } from '../../settings/service.js';
import type { PaymentGateway } from '../gateway.js';
import type { Reminders } from '../reminders.js';
import type { TestStripe } from '../test-gateway.js';
import type { SupportFrame } from '../views/frame.js';
export { html, seeOther, fields, queryValue } from '../../../http/form-pages.js';

export interface SupportRouteContext {
  db: Database;
  now: () => number;
  publicUrl: string;
  settings: SettingsService;
  gateway: PaymentGateway;
  /** Test mode's local Stripe; null with real keys (its pages then answer 404). */
  test: TestStripe | null;
  reminders: Reminders;
  currentUser(request: FastifyRequest): Promise<User | null>;
  /** The site layout for this visitor, and the support stylesheet. */
  frame(request: FastifyRequest): Promise<SupportFrame>;
}

/** Public forms that start something costly (a checkout, an email) are limited per IP. */
export const FORM_RATE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export const SIGN_IN_TO_SUPPORT = '/account/sign-in?return=%2Fsupport';
