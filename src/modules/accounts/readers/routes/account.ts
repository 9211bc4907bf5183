/**
 * /account and its forms: display name, email choices, password change. Every route needs a
 * signed-in person; without one the reader is sent to sign in and brought back here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountsError } from '../../errors.js';
import type { User } from '../../service.js';
import { accountPage, type AccountView } from '../views/account.js';
import { fields, html, queryValue, seeOther, waitFor, type ReaderRouteContext } from './common.js';

/** Messages after a change, chosen by key: the address never carries text to show. */
const NOTICES: Record<string, string> = {
  welcome: 'Welcome! Your account is ready.',
  name: 'Your display name is saved.',
  notifications: 'Your email choices are saved.',
  password: 'Your password is changed. You are signed out on every other device.',
  'password-reset': 'Your new password is set. You are signed out on every other device.',
};

const SIGN_IN = '/account/sign-in?return=%2Faccount';

export function registerAccountRoutes(app: FastifyInstance, c: ReaderRouteContext): void {
  async function render(reply: FastifyReply, status: number, user: User, extra: Pick<AccountView, 'notice' | 'problem'> = {}) {
    const [hasPassword, preferences, consents, comments, panels] = await Promise.all([
      c.service.hasPassword(user.id),
      c.service.preferences(user.id),
      c.service.consents(user.id),
      c.activity(user),
      Promise.all(c.panels.map((panel) => panel(user))),
    ]);
    return html(reply, status, accountPage(await c.frame(), { user, hasPassword, preferences, consents, comments, panels: panels.filter((p) => p !== null), ...extra }));
  }

  /** The signed-in person, or null after answering with a redirect to the sign-in page. */
  async function who(request: FastifyRequest, reply: FastifyReply): Promise<User | null> {
    const user = await c.sessions.current(request);
    if (!user) seeOther(reply, SIGN_IN);
    return user;
  }

  app.get('/account', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    return render(reply, 200, user, { notice: NOTICES[queryValue(request, 'notice')] ?? null });
  });

  app.post('/account/name', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    const { name } = fields(request.body, ['name']);
    try {
      await c.service.setDisplayName(user, name);
    } catch (error) {
      if (error instanceof AccountsError) return render(reply, error.status, user, { problem: { form: 'name', message: error.message, value: name } });
      throw error;
    }
    return seeOther(reply, '/account?notice=name');
  });

  app.post('/account/notifications', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    // Unticked boxes are simply absent from the form.
    const form = fields(request.body, ['replies', 'featured']);
    await c.service.setPreferences(user.id, { replyEmails: form.replies === 'on', featuredEmails: form.featured === 'on' });
    return seeOther(reply, '/account?notice=notifications');
  });

  app.post('/account/password', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    const form = fields(request.body, ['current', 'password']);
    const refuse = (status: number, message: string) => render(reply, status, user, { problem: { form: 'password', message } });
    if (!form.current || !form.password) return refuse(400, 'Enter your current password and a new one.');
    // A stolen session must not become a way to guess the password: the sign-in counter applies.
    const wait = waitFor(c.accounts.throttle, reply, user.email, request.ip);
    if (wait) return refuse(429, wait);
    try {
      // Ends every session of the account, this one included; this browser gets a fresh one.
      await c.accounts.changePassword(user.id, form.current, form.password);
    } catch (error) {
      if (!(error instanceof AccountsError)) throw error;
      if (error.status === 403) c.accounts.throttle.recordFailure(user.email, request.ip);
      return refuse(error.status, error.message);
    }
    await c.sessions.start(request, reply, user.id);
    return seeOther(reply, '/account?notice=password');
  });
}
