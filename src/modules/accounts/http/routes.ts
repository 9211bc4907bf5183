/**
 * Staff sign-in: the first-admin setup, sign-in and sign-out, the dashboard and /api/admin/me.
 * Every POST here is a plain HTML form; CSRF is stopped by the server's same-origin check on every
 * non-GET request (src/http/server.ts), so the forms carry no token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.js';
import { AccountsError } from '../errors.js';
import type { AccountsService } from '../service.js';
import { requireStaff } from './guard.js';
import { HOME, safeReturnPath } from './return-path.js';
import { registerStaffSession } from './session.js';
import { dashboardPage, messagePage, setupPage, signInPage, type Look } from './views.js';
import { fields } from '../../../http/form-pages.js';

export interface AdminDeps {
  accounts: AccountsService;
  db: Database;
  publicUrl: string;
  /** The publication's name, language and stylesheets for the staff pages. */
  look: () => Promise<Look | null>;
}

const WRONG = 'The email or password is not right.';

export async function registerAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { accounts, db } = deps;
  const sessionCookie = await registerStaffSession(app, { accounts, publicUrl: deps.publicUrl });

  const look = deps.look;

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  async function adminExists(): Promise<boolean> {
    // Disabled admins count too: disabling the last admin must not reopen setup to anyone.
    return (await db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined;
  }

  async function signIn(request: FastifyRequest, reply: FastifyReply, userId: number, to: string) {
    // Always a new session: a token planted in the browser before sign-in never becomes valid.
    const token = await accounts.createSession(userId, request.headers['user-agent'] ?? '');
    sessionCookie.set(reply, token);
    return reply.header('cache-control', 'no-store').redirect(to, 303);
  }

  app.get('/admin', async (request, reply) => {
    if (!(await adminExists())) return html(reply, 200, setupPage(await look()));
    await requireStaff().call(app, request, reply);
    if (reply.sent) return reply;
    const staff = request.staff;
    if (!staff) return reply; // unreachable: the guard answered
    const rows = await db.kysely
      .selectFrom('articles')
      .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    // PostgreSQL returns count(*) as a string (bigint).
    const counts = rows.map((row) => ({ status: row.status, count: Number(row.count) }));
    return html(reply, 200, dashboardPage(await look(), staff, counts));
  });

  // Setup runs once; this queue stops two requests in one process from both creating an admin.
  let setupQueue: Promise<unknown> = Promise.resolve();
  app.post('/admin/setup', async (request, reply) => {
    const turn = setupQueue.then(() => setup(request, reply));
    setupQueue = turn.catch(() => undefined);
    return turn;
  });

  async function setup(request: FastifyRequest, reply: FastifyReply) {
    if (await adminExists()) return html(reply, 403, messagePage(await look(), 'Setup is done', 'An administrator already exists. Sign in instead.'));
    const form = fields(request.body, ['name', 'email', 'password']);
    if (!form.name.trim() || !form.email.trim() || !form.password) {
      return html(reply, 400, setupPage(await look(), { message: 'Fill in your name, email and password.', values: form }));
    }
    try {
      const user = await accounts.createUser({ name: form.name, email: form.email, password: form.password, role: 'admin' });
      return await signIn(request, reply, user.id, HOME);
    } catch (error) {
      if (!(error instanceof AccountsError)) throw error;
      return html(reply, error.status, setupPage(await look(), { message: error.message, values: { name: form.name, email: form.email } }));
    }
  }

  app.get('/admin/sign-in', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return html(reply, 200, signInPage(await look(), safeReturnPath(query.return)));
  });

  app.post('/admin/sign-in', async (request, reply) => {
    const form = fields(request.body, ['email', 'password', 'return']);
    const to = safeReturnPath(form.return);
    if (!form.email.trim() || !form.password) {
      return html(reply, 400, signInPage(await look(), to, { message: 'Enter your email and password.', values: { email: form.email } }));
    }
    const wait = accounts.throttle.retryAfter(form.email, request.ip);
    if (wait > 0) {
      // The password is not even checked, so guessing on gains nothing while the wait lasts.
      const minutes = Math.ceil(wait / 60);
      reply.header('retry-after', String(wait));
      const message = `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      return html(reply, 429, signInPage(await look(), to, { message, values: { email: form.email } }));
    }
    const user = await accounts.authenticate(form.email, form.password);
    // Readers get the same answer as a wrong password: this door is for staff only.
    if (!user || user.role === 'reader') {
      accounts.throttle.recordFailure(form.email, request.ip);
      return html(reply, 401, signInPage(await look(), to, { message: WRONG, values: { email: form.email } }));
    }
    accounts.throttle.recordSuccess(form.email, request.ip);
    return signIn(request, reply, user.id, to);
  });

  app.post('/admin/sign-out', async (request, reply) => {
    const token = sessionCookie.read(request);
    if (token) await accounts.revokeSession(token);
    sessionCookie.clear(reply);
    return reply.header('cache-control', 'no-store').redirect('/admin/sign-in', 303);
  });

  app.get('/api/admin/me', { preHandler: requireStaff() }, async (request, reply) => {
    const staff = request.staff;
    if (!staff) return reply; // unreachable: the guard answered
    return reply.header('cache-control', 'no-store').send({ name: staff.name, email: staff.email, role: staff.role, via: staff.via });
  });
}
