/**
 * The public privacy routes: the consent banner's answer, Do Not Sell or Share, and the Global
 * Privacy Control support file. None needs an account; a signed-in reader's opt-out is also kept
 * on the account.
 */
import type { FastifyInstance } from 'fastify';
import { updatePrefs } from '../../site/visitor.js';
import { returnPath } from '../return-to.js';
import { doNotSellPage, messagePage } from '../views/pages.js';
import { fields, FORM_RATE_LIMIT, html, queryValue, seeOther, type PrivacyRouteContext } from './context.js';

/** When this site's GPC support last changed (https://privacycg.github.io/gpc-spec/#gpc-support-resource). */
export const GPC_LAST_UPDATE = '2026-11-29';

const NOTICES: Record<string, string> = {
  out: 'Your opt-out is saved.',
  in: 'You are opted back in.',
};

export function registerPublicPrivacyRoutes(app: FastifyInstance, c: PrivacyRouteContext): void {
  app.post('/privacy/consent', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const form = fields(request.body, ['choice', 'return']);
    if (form.choice !== 'accepted' && form.choice !== 'rejected') {
      return html(reply, 400, messagePage(await c.frame(request), { title: 'Cookie choice', path: '/privacy/consent', message: 'Choose Accept or Reject.', link: { href: '/', text: 'Back to the front page' } }));
    }
    updatePrefs(request, reply, { consent: form.choice });
    return seeOther(reply, returnPath(request, form.return, c.publicUrl));
  });

  app.get('/do-not-sell', async (request, reply) => {
    const [frame, page] = await Promise.all([c.frame(request), c.queries.page('do-not-sell')]);
    const { visitor } = frame.ctx;
    const notice = NOTICES[queryValue(request, 'notice')] ?? null;
    const bodyHtml = page ? page.body.map((part) => part.html).join('\n') : null;
    return html(reply, 200, doNotSellPage(frame, { bodyHtml, optedOut: visitor.optedOut || visitor.gpc, gpc: visitor.gpc, signedIn: visitor.signedIn, notice }));
  });

  app.post('/do-not-sell', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const { choice } = fields(request.body, ['choice']);
    // One click: the button's own value, or nothing at all, means "opt out".
    if (choice !== '' && choice !== 'out' && choice !== 'in') {
      return html(reply, 400, messagePage(await c.frame(request), { title: 'Do Not Sell or Share', path: '/do-not-sell', message: 'Choose to opt out or to opt back in.', link: { href: '/do-not-sell', text: 'Back to your choice' } }));
    }
    const optOut = choice !== 'in';
    updatePrefs(request, reply, { optOut });
    const user = await c.currentUser(request);
    if (user) {
      if (optOut) await c.optOuts.record(user.id, 'form');
      else await c.optOuts.clear(user.id);
    }
    return seeOther(reply, `/do-not-sell?notice=${optOut ? 'out' : 'in'}`);
  });

  app.get('/.well-known/gpc.json', async (_request, reply) => {
    return reply.type('application/json').header('cache-control', 'public, max-age=86400').send(JSON.stringify({ gpc: true, lastUpdate: GPC_LAST_UPDATE }));
  });
}
