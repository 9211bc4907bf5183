/**
 * What the settings, users and keys screens do, once, for both the Admin API and the admin pages:
 * validate, apply, write the audit log. Refusals are StaffOpError with the HTTP status and, where
 * one input is at fault, its field. Passwords and keys never reach the audit log.
 */
import { AccountsError, actorOf, isStaffRole, type Role, type Staff, type StaffRole, type User } from '../accounts/index.js';
import { roleRank } from '../accounts/policy.js';
import { createUserAdmin } from '../accounts/index.js';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { SettingsError, type PublicationSettings, type SettingsPatch } from '../settings/service.js';

export class StaffOpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface StaffOps {
  updateSettings(staff: Staff, patch: SettingsPatch): Promise<PublicationSettings>;
  createUser(staff: Staff, input: { email: string; name: string; role: Role; password?: string }): Promise<{ user: User; password: string | null }>;
  updateUser(staff: Staff, id: number, input: { name?: string; role?: Role; disabled?: boolean; password?: string; generatePassword?: boolean }): Promise<{ user: User; password: string | null }>;
  deleteUser(staff: Staff, id: number): Promise<void>;
  createKey(staff: Staff, input: { name: string; role: string }): Promise<{ id: number; key: string }>;
  revokeKey(staff: Staff, id: number): Promise<void>;
}

/** Whether `staff` may hand out a key acting as `role`: never above their own role. */
export function mayGrantKeyRole(staff: Pick<Staff, 'role'>, role: StaffRole): boolean {
  return roleRank(role) <= roleRank(staff.role);
}

export function createStaffOps(deps: NewsroomDeps): StaffOps {
  const users = createUserAdmin(deps.db, { now: deps.now });

  /** AccountsError and SettingsError carry messages meant for people: pass them on as they are. */
  async function translated<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AccountsError) throw new StaffOpError(error.status, error.message, error.status === 400 ? fieldOf(error.message) : undefined);
      if (error instanceof SettingsError) throw new StaffOpError(400, error.message, error.field);
      throw error;
    }
  }

  return {
    async updateSettings(staff, patch) {
      const logo = patch.logoMediaId;
      if (logo !== undefined && logo !== null && (!Number.isSafeInteger(logo) || logo < 1 || !(await deps.media.get(logo)))) {
        throw new StaffOpError(400, `logoMediaId: there is no image with id ${String(logo)} in the media library`, 'logoMediaId');
      }
      if (patch.locale !== undefined && !isLocale(patch.locale)) throw new StaffOpError(400, `locale: "${patch.locale}" is not a language tag such as en-GB`, 'locale');
      const before = deps.settings.get();
      // The service saves and publishes settings.changed, which empties every instance's page cache.
      const after = await translated(() => deps.settings.update(patch));
      const changed = (Object.keys(after) as (keyof PublicationSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      if (changed.length) await deps.audit.record(actorOf(staff), 'settings.update', { type: 'settings', id: 'publication' }, { changed });
      return after;
    },

    async createUser(staff, input) {
      if (!isStaffRole(input.role)) throw new StaffOpError(400, 'role: staff accounts are contributor, author, editor or admin', 'role');
      const password = input.password || generatedPassword();
      const user = await translated(() => deps.accounts.createUser({ email: input.email, name: input.name, role: input.role, password }));
      await deps.audit.record(actorOf(staff), 'user.create', { type: 'user', id: user.id }, { email: user.email, role: user.role });
      return { user, password: input.password ? null : password };
    },

    async updateUser(staff, id, input) {
      let user = await translated(async () => {
        const found = await deps.accounts.getUser(id);
        if (!found) throw new AccountsError('There is no such account.', 404);
        return found;
      });
      const actor = actorOf(staff);
      if (input.name !== undefined || (input.role !== undefined && input.role !== user.role)) {
        const from = user.role;
        user = await translated(() => users.updateUser(id, { name: input.name, role: input.role }));
        await deps.audit.record(actor, 'user.update', { type: 'user', id }, { ...(from !== user.role ? { role: { from, to: user.role } } : {}), ...(input.name !== undefined ? { name: user.name } : {}) });
      }
      if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null)) {
        user = await translated(() => users.setDisabled(id, input.disabled === true));
        await deps.audit.record(actor, input.disabled ? 'user.disable' : 'user.enable', { type: 'user', id });
      }
      let password: string | null = null;
      if (input.password !== undefined || input.generatePassword) {
        const reset = await translated(() => users.resetPassword(id, input.password));
        password = input.password === undefined ? reset.password : null;
        await deps.audit.record(actor, 'user.password-reset', { type: 'user', id }, { generated: input.password === undefined });
      }
      return { user, password };
    },

    async deleteUser(staff, id) {
      if (staff.id === id) throw new StaffOpError(409, 'You cannot delete your own account. Ask another administrator.');
      const user = await deps.accounts.getUser(id);
      await translated(() => users.deleteUser(id));
      await deps.audit.record(actorOf(staff), 'user.delete', { type: 'user', id }, { email: user?.email ?? null });
    },

    async createKey(staff, input) {
      if (!isStaffRole(input.role)) throw new StaffOpError(400, 'role: keys act as contributor, author, editor or admin', 'role');
      if (!mayGrantKeyRole(staff, input.role)) throw new StaffOpError(403, `role: you cannot create a key with a role above your own (${staff.role})`, 'role');
      const created = await translated(() => deps.accounts.createKey({ name: input.name, role: input.role as StaffRole, createdBy: staff.id }));
      await deps.audit.record(actorOf(staff), 'key.create', { type: 'key', id: created.id }, { name: input.name.trim(), role: input.role, prefix: created.key.slice(0, 8) });
      return created;
    },

    async revokeKey(staff, id) {
      if (!(await deps.accounts.revokeKey(id))) throw new StaffOpError(404, 'There is no such API key.');
      await deps.audit.record(actorOf(staff), 'key.revoke', { type: 'key', id });
    },
  };
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function generatedPassword(): string {
  // Readable enough to pass on by hand, 120 bits of randomness.
  return Array.from(crypto.getRandomValues(new Uint8Array(15)), (b) => b.toString(16).padStart(2, '0')).join('').replace(/(.{6})(?=.)/gu, '$1-');
}

/** Which input an accounts message is about, for the API's `field`. */
function fieldOf(message: string): string | undefined {
  if (/password/iu.test(message)) return 'password';
  if (/email/iu.test(message)) return 'email';
  if (/name/iu.test(message)) return 'name';
  if (/role/iu.test(message)) return 'role';
  return undefined;
}
