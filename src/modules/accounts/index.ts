/** What other modules may use from accounts; everything else in the folder is private to it. */
export { accountsMigrations } from './migrations.js';
export type { AccountsTables } from './tables.js';
export { AccountsError } from './errors.js';
export { actions, can, isRole, isStaffRole, roles, staffRoles, type Action, type Role, type StaffRole } from './policy.js';
export { minPasswordLength, maxPasswordLength, passwordProblem } from './passwords.js';
export { createMemoryThrottle, type SignInThrottle, type ThrottleOptions } from './throttle.js';
export {
  createAccountsService,
  type AccountsOptions,
  type AccountsService,
  type ApiKeyInfo,
  type KeyUser,
  type NewUser,
  type User,
} from './service.js';
export { requireStaff, isApiRequest } from './http/guard.js';
export { actorOf, type Staff } from './http/session.js';
