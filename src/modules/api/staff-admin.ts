/**
 * Settings, users, API keys and the audit log: the Admin API (staff-api.ts) and the admin pages
 * (here). Pages are plain forms that post and redirect back (POST-redirect-GET); what is shown
 * once (a generated password, a new key) is rendered in the POST's answer and never stored.
 * Disabling or deleting an account and revoking a key ask first: the list's button GETs a confirm
 * page, and only its POST with confirm=yes acts (a bare POST is sent to that page).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRole, requireStaff, type ApiKeyInfo, type Role, type Staff, type User } from '../accounts/index.js';
import { createUserAdmin } from '../accounts/index.js';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { registerStaffApi } from './staff-api.js';
import { createStaffOps, StaffOpError } from './staff-ops.js';
import type { Notice } from '../newsroom/notices.js';
import { auditPage, confirmPage, keysPage, usersPage, type Confirmation } from './staff-views.js';
import { settingsPage } from './settings-views.js';
import { settingsFromForm } from './settings-form.js';

const PAGE = 50;

export async function registerStaffAdmin(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const ops = createStaffOps(deps);
  const userAdmin = createUserAdmin(deps.db, { now: deps.now });
  await registerStaffApi(app, deps, ops);

  const staffOf = (request: FastifyRequest) => request.staff as Staff;
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const back = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);
  /** A refusal re-renders the page with the message; anything else is a real failure. */
  const problemOf = (error: unknown): { status: number; notice: Notice } => {
    if (error instanceof StaffOpError) return { status: error.status, notice: { problem: error.message } };
    throw error;
  };

  // ---- Settings ----
  const settingsGuard = requireStaff('settings.manage');
  app.get('/admin/settings', { preHandler: settingsGuard }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved !== undefined;
    return html(reply, 200, settingsPage(await deps.look(), staffOf(request), deps.settings.get(), saved ? { done: 'Settings saved. Every page now shows them.' } : {}));
  });
  app.post('/admin/settings', { preHandler: settingsGuard }, async (request, reply) => {
    const form = formOf(request.body);
    try {
      await ops.updateSettings(staffOf(request), settingsFromForm(form));
      return back(reply, '/admin/settings?saved=1');
    } catch (error) {
      const { status, notice } = problemOf(error);
      return html(reply, status, settingsPage(await deps.look(), staffOf(request), deps.settings.get(), notice));
    }
  });

  // ---- Users ----
  const usersGuard = requireStaff('users.manage');
  const roleFilter = (request: FastifyRequest): Role | undefined => {
    const role = (request.query as Record<string, unknown>).role;
    return typeof role === 'string' && isRole(role) ? role : undefined;
  };
  const renderUsers = async (request: FastifyRequest, reply: FastifyReply, status: number, notice: Notice, shown?: { email: string; password: string }) => {
    const role = roleFilter(request);
    return html(reply, status, usersPage(await deps.look(), staffOf(request), await userAdmin.listUsers({ role }), role ?? '', notice, shown));
  };
  app.get('/admin/users', { preHandler: usersGuard }, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return renderUsers(request, reply, 200, typeof done === 'string' && DONE[done] ? { done: DONE[done] } : {});
  });
  app.post('/admin/users', { preHandler: usersGuard }, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const role = form.role ?? '';
      if (!isRole(role)) throw new StaffOpError(400, 'Choose a role.');
      const { user, password } = await ops.createUser(staffOf(request), { email: form.email ?? '', name: form.name ?? '', role, password: form.password || undefined });
      if (password) return renderUsers(request, reply, 201, { done: `Created ${user.email}.` }, { email: user.email, password });
      return back(reply, '/admin/users?done=created');
    } catch (error) {
      const { status, notice } = problemOf(error);
      return renderUsers(request, reply, status, notice);
    }
  });
  for (const action of ASKED_USER_ACTIONS) {
    app.get<{ Params: { id: string } }>(`/admin/users/:id/${action}`, { preHandler: usersGuard }, async (request, reply) => {
      const id = idOf(request.params.id);
      const user = id === null ? null : await deps.accounts.getUser(id);
      if (!user) return reply.callNotFound();
      const staff = staffOf(request);
      if (action === 'delete' && user.id === staff.id) return renderUsers(request, reply, 409, { problem: 'You cannot delete your own account. Ask another administrator.' });
      return html(reply, 200, confirmPage(await deps.look(), staff, userConfirmation(staff, user, action)));
    });
  }
  app.post<{ Params: { id: string; action: string } }>('/admin/users/:id/:action', { preHandler: usersGuard }, async (request, reply) => {
    const id = Number(request.params.id);
    const { action } = request.params;
    if (!Number.isSafeInteger(id) || id < 1 || !['role', 'disable', 'enable', 'password', 'delete'].includes(action)) return reply.callNotFound();
    // Only the confirm page's form says yes; a bare POST (an old page, a stray button) only asks.
    if ((ASKED_USER_ACTIONS as readonly string[]).includes(action) && formOf(request.body).confirm !== 'yes') return back(reply, `/admin/users/${id}/${action}`);
    const staff = staffOf(request);
    try {
      if (action === 'role') {
        const role = formOf(request.body).role ?? '';
        if (!isRole(role)) throw new StaffOpError(400, 'Choose a role.');
        await ops.updateUser(staff, id, { role });
      } else if (action === 'disable' || action === 'enable') {
        await ops.updateUser(staff, id, { disabled: action === 'disable' });
      } else if (action === 'password') {
        const { user, password } = await ops.updateUser(staff, id, { generatePassword: true });
        return await renderUsers(request, reply, 200, { done: `The password of ${user.email} was reset; their sessions have ended.` }, { email: user.email, password: password ?? '' });
      } else {
        await ops.deleteUser(staff, id);
      }
      return back(reply, `/admin/users?done=${action}`);
    } catch (error) {
      const { status, notice } = problemOf(error);
      return renderUsers(request, reply, status, notice);
    }
  });

  // ---- API keys ----
  const keysGuard = requireStaff('keys.manage');
  const renderKeys = async (request: FastifyRequest, reply: FastifyReply, status: number, notice: Notice, shown?: { name: string; key: string }) =>
    html(reply, status, keysPage(await deps.look(), staffOf(request), await deps.accounts.listKeys(), notice, shown));
  app.get('/admin/keys', { preHandler: keysGuard }, async (request, reply) => {
    const revoked = (request.query as Record<string, unknown>).done === 'revoked';
    return renderKeys(request, reply, 200, revoked ? { done: 'The key was revoked.' } : {});
  });
  app.post('/admin/keys', { preHandler: keysGuard }, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const { key } = await ops.createKey(staffOf(request), { name: form.name ?? '', role: form.role ?? '' });
      return await renderKeys(request, reply, 201, { done: 'Key created.' }, { name: (form.name ?? '').trim(), key });
    } catch (error) {
      const { status, notice } = problemOf(error);
      return renderKeys(request, reply, status, notice);
    }
  });
  app.get<{ Params: { id: string } }>('/admin/keys/:id/revoke', { preHandler: keysGuard }, async (request, reply) => {
    const id = idOf(request.params.id);
    const key = id === null ? undefined : (await deps.accounts.listKeys()).find((k) => k.id === id);
    if (!key) return reply.callNotFound();
    if (key.revokedAt !== null) return renderKeys(request, reply, 409, { problem: `The key “${key.name}” is already revoked.` });
    return html(reply, 200, confirmPage(await deps.look(), staffOf(request), keyConfirmation(key)));
  });
  app.post<{ Params: { id: string } }>('/admin/keys/:id/revoke', { preHandler: keysGuard }, async (request, reply) => {
    const id = idOf(request.params.id);
    if (id === null) return reply.callNotFound();
    if (formOf(request.body).confirm !== 'yes') return back(reply, `/admin/keys/${id}/revoke`);
    try {
      await ops.revokeKey(staffOf(request), id);
      return back(reply, '/admin/keys?done=revoked');
    } catch (error) {
      const { status, notice } = problemOf(error);
      return renderKeys(request, reply, status, notice);
    }
  });

  // ---- Audit log ----
  app.get('/admin/audit', { preHandler: requireStaff('audit.read') }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const text = (name: string, max: number) => (typeof query[name] === 'string' ? (query[name] as string).trim().slice(0, max) : '');
    const positive = (value: string) => (/^[1-9]\d{0,15}$/u.test(value) ? Number(value) : undefined);
    const filter = { subjectType: text('subjectType', 50), subjectId: text('subjectId', 100), actor: text('actor', 16) };
    const rows = await deps.audit.list({
      subjectType: filter.subjectType || undefined,
      subjectId: filter.subjectId || undefined,
      actorUserId: positive(filter.actor),
      before: positive(text('before', 16)),
      limit: PAGE + 1,
    });
    const entries = rows.slice(0, PAGE);
    const last = entries.at(-1);
    const older = rows.length > PAGE && last ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), before: String(last.id) }).toString()}` : null;
    return html(reply, 200, auditPage(await deps.look(), staffOf(request), entries, filter, older));
  });
}

/** User actions that cannot be taken back quietly: they ask on a confirm page first. */
const ASKED_USER_ACTIONS = ['disable', 'delete'] as const;

function idOf(raw: string): number | null {
  return /^[1-9]\d{0,15}$/u.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
}

/** What disabling or deleting the account does, said before it is done. */
function userConfirmation(staff: Staff, user: User, action: (typeof ASKED_USER_ACTIONS)[number]): Confirmation {
  const who = user.name ? `${user.name} (${user.email})` : user.email;
  const them = user.id === staff.id ? 'You are' : 'They are';
  const common = { action: `/admin/users/${user.id}/${action}`, cancel: `/admin/users#user-${user.id}`, active: 'users' as const };
  if (action === 'disable') {
    return {
      ...common,
      title: 'Disable an account',
      question: `Disable the account of ${who}?`,
      consequence: `${them} signed out everywhere at once and cannot sign in until an administrator enables the account again.`,
      button: 'Disable the account',
    };
  }
  return {
    ...common,
    title: 'Delete an account',
    question: `Delete the account of ${who}?`,
    consequence: 'They are signed out at once and can never sign in again; API keys they created keep working. This cannot be undone.',
    button: 'Delete the account',
  };
}

function keyConfirmation(key: ApiKeyInfo): Confirmation {
  return {
    title: 'Revoke an API key',
    question: `Revoke the key “${key.name}”?`,
    consequence: `Programs using it (the key starting ${key.prefix}…) will stop working at once. A revoked key cannot be used again.`,
    action: `/admin/keys/${key.id}/revoke`,
    button: 'Revoke the key',
    cancel: `/admin/keys#key-${key.id}`,
    active: 'keys',
  };
}

const DONE: Record<string, string> = {
  created: 'The account was created.',
  role: 'The role was changed; the account’s sessions have ended.',
  disable: 'The account was disabled and signed out everywhere.',
  enable: 'The account was enabled.',
  delete: 'The account was deleted.',
};

/** One-line text fields of a form body; anything not a string is left out. */
function formOf(body: unknown): Record<string, string | undefined> {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(source)) if (typeof value === 'string') out[name] = value.slice(0, 2048);
  return out;
}

