/**
 * Managing accounts (the admin's Users page and /api/admin/users): list, rename, change role,
 * disable or enable, reset a password, delete. Every change that could lock a person out ends
 * their sessions; the last active admin can never be demoted, disabled or deleted, or nobody
 * could manage the publication any more.
 */
import type { Database } from '../../db/database.js';
import { AccountsError } from './errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { isRole, type Role } from './policy.js';
import { toUser, USER_COLUMNS, type User } from './service.js';
import { randomToken } from './tokens.js';

export interface UserListFilter {
  role?: Role;
  /** Matches name or email, case-insensitively. */
  query?: string;
}

export interface UserAdmin {
  listUsers(filter?: UserListFilter): Promise<User[]>;
  /** Name and role; a role change ends the account's sessions (its open pages lose their rights). */
  updateUser(id: number, patch: { name?: string; role?: Role }): Promise<User>;
  /** Disabling ends every session; enabling lets the person sign in again. */
  setDisabled(id: number, disabled: boolean): Promise<User>;
  /** Sets a new password (or generates one, returned once) and ends every session. */
  resetPassword(id: number, password?: string): Promise<{ user: User; password: string }>;
  deleteUser(id: number): Promise<void>;
}

export function createUserAdmin(db: Database, options: { now?: () => number } = {}): UserAdmin {
  const now = options.now ?? Date.now;
  const k = db.kysely;
  type Trx = Parameters<Parameters<ReturnType<typeof k.transaction>['execute']>[0]>[0];

  async function existing(trx: Trx, id: number) {
    const row = await trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AccountsError('There is no such account.', 404);
    return row;
  }

  /** Refuses when `id` is the only admin who can still sign in. */
  async function guardLastAdmin(trx: Trx, id: number, what: string): Promise<void> {
    let others = trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '!=', id);
    // Two admins demoting each other at once on PostgreSQL: the row locks make the second wait and see the first.
    if (db.dialect === 'postgres') others = others.forUpdate();
    if ((await others.execute()).length === 0) {
      throw new AccountsError(`This is the last active administrator: it cannot be ${what}. Make another account an administrator first.`, 409);
    }
  }

  const isActiveAdmin = (row: { role: Role; disabled_at: number | null }) => row.role === 'admin' && row.disabled_at === null;

  return {
    async listUsers(filter = {}) {
      let query = k.selectFrom('users').select(USER_COLUMNS).orderBy('role', 'desc').orderBy('name').orderBy('id').limit(1000);
      if (filter.role) query = query.where('role', '=', filter.role);
      const text = filter.query?.trim().toLowerCase();
      if (text) {
        const like = `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
      }
      return (await query.execute()).map(toUser);
    },

    async updateUser(id, patch) {
      if (patch.role !== undefined && !isRole(patch.role)) throw new AccountsError(`Unknown role "${String(patch.role)}".`, 400);
      const name = patch.name?.trim();
      if (name !== undefined && (name.length > 200 || /[\r\n\0]/u.test(name))) throw new AccountsError('The name must be one line of at most 200 characters.', 400);
      return k.transaction().execute(async (trx) => {
        const row = await existing(trx, id);
        const roleChanges = patch.role !== undefined && patch.role !== row.role;
        if (roleChanges && isActiveAdmin(row)) await guardLastAdmin(trx, id, 'given another role');
        const updated = await trx
          .updateTable('users')
          .set({ ...(name !== undefined ? { name } : {}), ...(roleChanges && patch.role ? { role: patch.role } : {}) })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (roleChanges) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        return toUser(updated);
      });
    },

    async setDisabled(id, disabled) {
      return k.transaction().execute(async (trx) => {
        const row = await existing(trx, id);
        if (disabled && isActiveAdmin(row)) await guardLastAdmin(trx, id, 'disabled');
        const updated = await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? (row.disabled_at ?? now()) : null })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        return toUser(updated);
      });
    },

    async resetPassword(id, given) {
      const row = await k.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
      if (!row) throw new AccountsError('There is no such account.', 404);
      // 18 random bytes: 24 characters, far above the minimum length and any guessing.
      const password = given ?? randomToken(18);
      const problem = passwordProblem(password, row.email);
      if (problem) throw new AccountsError(problem, 400);
      const hashed = await hashPassword(password);
      await k.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: hashed }).where('id', '=', id).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      });
      return { user: toUser(row), password };
    },

    async deleteUser(id) {
      await k.transaction().execute(async (trx) => {
        const row = await existing(trx, id);
        if (isActiveAdmin(row)) await guardLastAdmin(trx, id, 'deleted');
        // Sessions go with the account (cascade); keys it made stay, with created_by cleared.
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await trx.deleteFrom('users').where('id', '=', id).execute();
      });
    },
  };
}
