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
export { createUserAdmin, type UserAdmin, type UserListFilter } from './user-admin.js';
export { requireStaff, isApiRequest } from './http/guard.js';
export { actorOf, type Staff } from './http/session.js';
// Reader accounts (the public /account pages are registered from ./readers/index.ts by app.ts).
export { signedInUser } from './readers/session.js';
export { preferencesOf as readerPreferences, DEFAULT_PREFERENCES, type NotificationPreferences } from './readers/preferences.js';
export { READER_SIGN_IN_PATH } from './readers/paths.js';
export { readerReturnPath } from './readers/return-path.js';
export { checkDisplayName } from './readers/display-name.js';
export type { AccountComment, AccountPanel, AccountPanelSource, AccountReply } from './readers/views/account.js';
export { eraseReaderAccount } from './readers/erase.js';
export { consentsOf as readerConsentsOf, type Consent as ReaderConsent } from './readers/consent.js';
