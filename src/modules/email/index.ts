export { createMailer, DELIVER_JOB, MAX_ATTEMPTS } from './mailer.js';
export { EmailError } from './errors.js';
export { checkAddress } from './address.js';
export { emailMigrations } from './migrations.js';
export { registerOutboxAdmin } from './routes.js';
export { smtpTransport, type MailTransport, type WireMessage } from './transport.js';
export type { Mailer, OutboxMessage, OutgoingEmail, SendOptions } from './types.js';
export { emailPersonalData } from './personal-data.js';
