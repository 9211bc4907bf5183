/**
 * The newsletters admin, for roles allowed 'newsletters.manage' (editors and admins):
 *
 *   GET  /admin/newsletters                    lists, counts, latest sends
 *   POST /admin/newsletters                    create a list
 *   POST /admin/newsletters/:id                rename / describe
 *   POST /admin/newsletters/:id/archive|restore
 *   GET  /admin/newsletters/briefing           today's briefing, HTML (framed: …/preview.html) and text
 *   POST /admin/newsletters/briefing/send      send it now (once a day at most)
 *   GET  /admin/newsletters/:id/compose        write to a list sent by hand (breaking news)
 *   POST /admin/newsletters/:id/send
 *
 * Every change is written to the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fields, html, queryValue, seeOther } from '../../../http/form-pages.js';
import { actorOf, requireStaff, type Staff } from '../../accounts/index.js';
import type { AuditLog } from '../../audit/index.js';
import type { Look } from '../../newsroom/shell.js';
import type { SettingsService } from '../../settings/service.js';
import type { Briefings } from '../briefing.js';
import { NewsletterError } from '../errors.js';
import { isListKind, type Lists } from '../lists.js';
import type { Sending } from '../sending.js';
import { briefingEmailPreview, briefingPage, composePage, listsPage, type ListsView } from '../views/admin.js';
import { composeIssue } from '../compose.js';

export interface AdminRouteContext {
  lists: Lists;
  sending: Sending;
  briefings: Briefings;
  settings: SettingsService;
  audit: AuditLog;
  look: () => Promise<Look | null>;
}

const DONE: Record<string, string> = {
  created: 'The list was created.',
  saved: 'The list was saved.',
  archived: 'The list was archived: it takes no new subscribers and is not sent.',
  restored: 'The list was restored.',
  sent: 'The newsletter is being sent. Progress shows under "Latest sends".',
};

export function registerAdminRoutes(app: FastifyInstance, c: AdminRouteContext): void {
  const guard = { preHandler: requireStaff('newsletters.manage') };
  const staffOf = (request: FastifyRequest) => request.staff as Staff;

  async function listsAnswer(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<ListsView> = {}) {
    const { newsletters, timeZone } = c.settings.get();
    const view: ListsView = {
      lists: await c.lists.all(),
      sends: await c.sending.recent(),
      briefingHour: newsletters.briefingHour,
      timeZone,
      notice: DONE[queryValue(request, 'done')] ?? null,
      ...extra,
    };
    return html(reply, status, listsPage(await c.look(), staffOf(request), view));
  }

  /** The list id in the path, or null for anything that is not a positive integer. */
  const listId = (request: FastifyRequest) => {
    const raw = (request.params as { id: string }).id;
    return /^[1-9][0-9]{0,8}$/u.test(raw) ? Number(raw) : null;
  };

  app.get('/admin/newsletters', guard, async (request, reply) => listsAnswer(request, reply, 200));

  app.post('/admin/newsletters', guard, async (request, reply) => {
    const form = fields(request.body, ['name', 'description', 'kind']);
    try {
      if (!isListKind(form.kind)) throw new NewsletterError('Choose the kind of list: a daily briefing or one sent by hand.');
      const list = await c.lists.create(form, form.kind);
      await c.audit.record(actorOf(staffOf(request)), 'newsletter.list.create', { type: 'newsletter_list', id: list.id }, { name: list.name, kind: list.kind });
      return seeOther(reply, '/admin/newsletters?done=created');
    } catch (error) {
      if (error instanceof NewsletterError) return listsAnswer(request, reply, error.status, { notice: null, problem: error.message, values: form });
      throw error;
    }
  });

  app.post('/admin/newsletters/:id', guard, async (request, reply) => {
    const id = listId(request);
    if (id === null) return reply.callNotFound();
    const form = fields(request.body, ['name', 'description']);
    try {
      const before = await c.lists.get(id);
      const list = await c.lists.update(id, form);
      await c.audit.record(actorOf(staffOf(request)), 'newsletter.list.update', { type: 'newsletter_list', id }, { from: { name: before?.name, description: before?.description }, to: { name: list.name, description: list.description } });
      return seeOther(reply, '/admin/newsletters?done=saved');
    } catch (error) {
      if (error instanceof NewsletterError) return listsAnswer(request, reply, error.status, { notice: null, problem: error.message });
      throw error;
    }
  });

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(`/admin/newsletters/:id/${action}`, guard, async (request, reply) => {
      const id = listId(request);
      if (id === null) return reply.callNotFound();
      try {
        const list = await c.lists.setArchived(id, archived);
        await c.audit.record(actorOf(staffOf(request)), `newsletter.list.${action}`, { type: 'newsletter_list', id }, { name: list.name });
        return seeOther(reply, `/admin/newsletters?done=${archived ? 'archived' : 'restored'}`);
      } catch (error) {
        if (error instanceof NewsletterError) return listsAnswer(request, reply, error.status, { notice: null, problem: error.message });
        throw error;
      }
    });
  }

  /** A list that can be written to by hand: open and not the briefing (which is built from articles). */
  async function writable(request: FastifyRequest) {
    const id = listId(request);
    const list = id === null ? null : await c.lists.get(id);
    return list && list.kind === 'manual' && !list.archived ? list : null;
  }

  app.get('/admin/newsletters/:id/compose', guard, async (request, reply) => {
    const list = await writable(request);
    if (!list) return reply.callNotFound();
    return html(reply, 200, composePage(await c.look(), staffOf(request), list, { subject: '', message: '' }));
  });

  app.post('/admin/newsletters/:id/send', guard, async (request, reply) => {
    const list = await writable(request);
    if (!list) return reply.callNotFound();
    const form = fields(request.body, ['subject', 'message']);
    const message = typeof (request.body as Record<string, unknown> | null)?.message === 'string' ? String((request.body as Record<string, unknown>).message) : '';
    try {
      const issue = composeIssue({ subject: form.subject, message }, c.settings.get().name);
      const sendId = await c.sending.start(list.id, issue, { edition: null, startedBy: actorOf(staffOf(request)).label });
      await c.audit.record(actorOf(staffOf(request)), 'newsletter.send', { type: 'newsletter_send', id: sendId }, { list: list.name, subject: issue.subject });
      return seeOther(reply, '/admin/newsletters?done=sent');
    } catch (error) {
      if (error instanceof NewsletterError) return html(reply, error.status, composePage(await c.look(), staffOf(request), list, { subject: form.subject, message, problem: error.message }));
      throw error;
    }
  });

  app.get('/admin/newsletters/briefing', guard, async (request, reply) => {
    return html(reply, 200, briefingPage(await c.look(), staffOf(request), await c.briefings.build()));
  });

  // Only styles, no scripts, nothing loaded from elsewhere: the frame shows the email and does nothing else.
  app.get('/admin/newsletters/briefing/preview.html', guard, async (_request, reply) => {
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; sandbox");
    return html(reply, 200, briefingEmailPreview(await c.briefings.build()));
  });

  app.post('/admin/newsletters/briefing/send', guard, async (request, reply) => {
    const today = await c.briefings.build();
    const { day } = fields(request.body, ['day']);
    try {
      // The button sends the day it previewed: after midnight, a stale page must not send the new day unseen.
      if (day !== today.day) throw new NewsletterError('The day has changed since this preview was opened. Check the new preview before sending.', 409);
      const { sendId, briefing } = await c.briefings.send(today.day, actorOf(staffOf(request)).label);
      await c.audit.record(actorOf(staffOf(request)), 'newsletter.send', { type: 'newsletter_send', id: sendId }, { edition: briefing.day, articles: briefing.items.length });
      return seeOther(reply, '/admin/newsletters?done=sent');
    } catch (error) {
      if (error instanceof NewsletterError) return html(reply, error.status, briefingPage(await c.look(), staffOf(request), today, { problem: error.message }));
      throw error;
    }
  });
}
