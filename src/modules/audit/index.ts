/** What other modules may use of the audit log. */
export { auditMigrations } from './migrations.js';
export type { AuditTables } from './tables.js';
export { createAuditLog, systemActor, type Actor, type AuditEntry, type AuditFilter, type AuditLog } from './service.js';
