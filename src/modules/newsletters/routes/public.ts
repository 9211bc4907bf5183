/**
 * The reader's side: sign up (POST /newsletter), confirm (GET shows a button, POST confirms),
 * unsubscribe (GET shows a button; POST unsubscribes — also RFC 8058 one-click, server to server
 * with no cookie and no Origin, so it is exempt from the CSRF check and the token is the defence),
 * and choose lists (/newsletters/manage?token=…).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fields, html, linkPage, queryValue } from '../../../http/form-pages.js';
import type { User } from '../../accounts/index.js';
import type { LegalVersions } from '../../accounts/readers/consent.js';
import { waitFor } from '../../accounts/readers/routes/common.js';
import type { SignInThrottle } from '../../accounts/throttle.js';
import { checkAddress } from '../../email/address.js';
import { NewsletterError } from '../errors.js';
import type { Lists, NewsletterList } from '../lists.js';
import { UNKNOWN_LIST, type Subscriber, type Subscribers } from '../subscribers.js';
import { checkInboxPage, confirmedPage, confirmPage, linkGonePage, managePage, signUpPage, unsubscribedPage, unsubscribePage, type Frame } from '../views/pages.js';

export interface PublicRouteContext {
  subscribers: Subscribers;
  lists: Lists;
  legalVersions(): Promise<LegalVersions>;
  frame(): Promise<Frame>;
  currentUser(request: FastifyRequest): Promise<User | null>;
  /** Sign-ups send email: counted per address and per IP. */
  throttle: SignInThrottle;
}

/** Besides the per-address throttle, a plain per-IP ceiling on a form that sends email. */
const FORM_RATE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Form values of a field that may repeat (checkboxes): always a list of strings. */
function many(body: unknown, name: string): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => (typeof v === 'string' ? v : '')).slice(0, 50);
}

/** List ids as numbers, or a NewsletterError (400) for anything that cannot be one of ours. */
function listIds(values: string[]): number[] {
  return values.map((v) => {
    if (!/^[1-9][0-9]{0,8}$/u.test(v.trim())) throw new NewsletterError(UNKNOWN_LIST);
    return Number(v.trim());
  });
}

const manageUrl = (token: string) => `/newsletters/manage?token=${encodeURIComponent(token)}`;

export async function registerPublicRoutes(app: FastifyInstance, c: PublicRouteContext): Promise<void> {
  app.get('/newsletter', async (_request, reply) => html(reply, 200, signUpPage(await c.frame(), { lists: await c.lists.open(), chosen: [], email: '' })));

  app.post('/newsletter', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const { email } = fields(request.body, ['email']);
    const chosen = many(request.body, 'lists');
    // Only line breaks taken out when the address is shown back: the page escapes the rest.
    const again = async (status: number, problem: string) =>
      html(reply, status, signUpPage(await c.frame(), { lists: await c.lists.open(), chosen: chosen.map(Number).filter(Number.isSafeInteger), email: email.replace(/[\r\n\0]/gu, ' ').slice(0, 254), problem }));
    if (!email.trim()) return again(400, 'Enter your email address to sign up.');
    const checked = checkAddress(email);
    if (checked.problem) return again(400, checked.problem);
    // The footer box names no list (it is the briefing's); the sign-up page's ticks must name one.
    if (chosen.length === 0 && fields(request.body, ['choosing']).choosing === '1') return again(400, 'Tick at least one newsletter to sign up for.');
    let ids: number[];
    try {
      ids = listIds(chosen);
      await c.subscribers.resolveLists(ids);
    } catch (error) {
      if (error instanceof NewsletterError) return again(error.status, error.message);
      throw error;
    }
    const wait = waitFor(c.throttle, reply, checked.normalised, request.ip);
    if (wait) return again(429, wait);
    const user = await c.currentUser(request);
    await c.subscribers.signUp({
      email: checked.normalised,
      listIds: ids,
      // Linked to the account only when it is the account's own address.
      userId: user && user.email.toLowerCase() === checked.normalised ? user.id : null,
      legal: await c.legalVersions(),
    });
    c.throttle.recordFailure(checked.normalised, request.ip);
    return html(reply, 200, checkInboxPage(await c.frame()));
  });

  app.get('/newsletter/confirm', async (request, reply) => {
    const token = queryValue(request, 'token');
    if (!(await c.subscribers.confirmable(token))) return linkPage(reply, 410, linkGonePage(await c.frame(), 'This confirmation link has expired or was already used.'));
    return linkPage(reply, 200, confirmPage(await c.frame(), token));
  });

  app.post('/newsletter/confirm', async (request, reply) => {
    try {
      const { subscriber, lists } = await c.subscribers.confirm(fields(request.body, ['token']).token);
      return linkPage(reply, 200, confirmedPage(await c.frame(), lists, manageUrl(subscriber.token)));
    } catch (error) {
      if (error instanceof NewsletterError) return linkPage(reply, error.status, linkGonePage(await c.frame(), error.message));
      throw error;
    }
  });

  /** The subscriber and (optional) list a link names; null when either is not ours: a 404, nothing changed. */
  async function target(request: FastifyRequest): Promise<{ subscriber: Subscriber; list: NewsletterList | null } | null> {
    const subscriber = await c.subscribers.byToken(queryValue(request, 'token'));
    if (!subscriber) return null;
    const listParam = queryValue(request, 'list');
    if (listParam === '') return { subscriber, list: null };
    const list = /^[1-9][0-9]{0,8}$/u.test(listParam) ? await c.lists.get(Number(listParam)) : null;
    return list ? { subscriber, list } : null;
  }

  const unsubscribeAction = (found: { subscriber: Subscriber; list: NewsletterList | null }) =>
    `/newsletter/unsubscribe?token=${encodeURIComponent(found.subscriber.token)}${found.list ? `&list=${found.list.id}` : ''}`;

  app.get('/newsletter/unsubscribe', async (request, reply) => {
    const found = await target(request);
    if (!found) return reply.callNotFound();
    return linkPage(reply, 200, unsubscribePage(await c.frame(), unsubscribeAction(found), found.list));
  });

  // Mail providers may send the one-click body as multipart/form-data; its content is not needed
  // (the URL says who and what), so in this scope such a body is read and ignored.
  await app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/newsletter/unsubscribe', async (request, reply) => {
      const found = await target(request);
      if (!found) return reply.callNotFound();
      await c.subscribers.unsubscribe(found.subscriber.id, found.list?.id ?? null);
      return linkPage(reply, 200, unsubscribedPage(await c.frame(), found.list, manageUrl(found.subscriber.token)));
    });
  });

  app.get('/newsletters/manage', async (request, reply) => {
    const subscriber = await c.subscribers.byToken(queryValue(request, 'token'));
    if (!subscriber) return reply.callNotFound();
    return linkPage(reply, 200, managePage(await c.frame(), manageUrl(subscriber.token), subscriber.email, await c.subscribers.subscriptionsOf(subscriber.id)));
  });

  app.post('/newsletters/manage', async (request, reply) => {
    const subscriber = await c.subscribers.byToken(queryValue(request, 'token'));
    if (!subscriber) return reply.callNotFound();
    try {
      await c.subscribers.choose(subscriber.id, listIds(many(request.body, 'lists')));
    } catch (error) {
      if (!(error instanceof NewsletterError)) throw error;
      return linkPage(reply, error.status, managePage(await c.frame(), manageUrl(subscriber.token), subscriber.email, await c.subscribers.subscriptionsOf(subscriber.id), { problem: error.message }));
    }
    return linkPage(reply, 200, managePage(await c.frame(), manageUrl(subscriber.token), subscriber.email, await c.subscribers.subscriptionsOf(subscriber.id), { notice: 'Your choice is saved.' }));
  });
}
