/**
 * /admin/ads for 'ads.manage' (admins): GET list and new form, POST create; GET/POST /admin/ads/:id
 * edit; POST …/pause, …/resume, …/delete; GET /admin/ads/report?from=…&to=… (UTC days).
 * Bad input answers 400 with the form again and one plain sentence; nothing is stored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fields, html, queryValue, seeOther } from '../../../http/form-pages.js';
import { actorOf, requireStaff, type Staff } from '../../accounts/index.js';
import type { AuditLog } from '../../audit/index.js';
import type { Look } from '../../newsroom/shell.js';
import type { Notice } from '../../newsroom/notices.js';
import { AdInputError, CREATIVE_FIELDS, readCreativeForm, type Creative, type CreativeForm, type CreativeInput, type CreativeStore } from '../creatives.js';
import { statsReport, utcDay } from '../stats.js';
import { blankForm, editPage, formOf, listPage, reportPage, type Choice, type FormChoices } from '../views/admin.js';

export interface AdsAdminDeps {
  store: CreativeStore;
  db: Parameters<typeof statsReport>[0];
  now: () => number;
  publicUrl: string;
  look: () => Promise<Look | null>;
  audit: AuditLog;
  sections: () => Promise<Choice[]>;
  media: () => Promise<Choice[]>;
  mediaExists: (id: number) => Promise<boolean>;
  /** Each creative's image address (for the list's previews); none when its image is gone. */
  images: (creatives: Creative[]) => Promise<Map<number, string>>;
  /** After every change: reload the inventory everywhere (and purge pages whose slots change). */
  changed: () => Promise<void>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const MAX_REPORT_DAYS = 366;

function formBody(body: unknown): CreativeForm {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const form = { sections: [] as string[] } as unknown as CreativeForm;
  for (const name of CREATIVE_FIELDS) {
    const value = source[name];
    form[name] = typeof value === 'string' ? value.slice(0, 2048) : '';
  }
  const sections = source.sections;
  form.sections = (Array.isArray(sections) ? sections : [sections]).filter((s): s is string => typeof s === 'string').slice(0, 200);
  return form;
}

export function registerAdsAdmin(app: FastifyInstance, deps: AdsAdminDeps): void {
  const guard = { preHandler: requireStaff('ads.manage') };
  const staffOf = (request: FastifyRequest) => request.staff as Staff;

  async function choices(): Promise<FormChoices> {
    const [sections, media] = await Promise.all([deps.sections(), deps.media()]);
    return { sections, media };
  }

  async function showList(request: FastifyRequest, reply: FastifyReply, status: number, form: CreativeForm, notice: Notice) {
    const [creatives, formChoices] = await Promise.all([deps.store.list(), choices()]);
    const sectionNames = new Map(formChoices.sections.map((s) => [s.id, s.label]));
    const images = await deps.images(creatives);
    return html(reply, status, listPage(await deps.look(), staffOf(request), { creatives, images, now: deps.now(), form, choices: formChoices, notice, sectionNames }));
  }

  /** The checked creative, or the problem to show with the form (answered 400). */
  async function check(form: CreativeForm): Promise<{ input: CreativeInput } | { problem: Notice }> {
    try {
      const sectionIds = new Set((await deps.sections()).map((s) => s.id));
      const input = readCreativeForm(form, { publicUrl: deps.publicUrl, sectionIds });
      if (input.mediaId !== null && !(await deps.mediaExists(input.mediaId))) throw new AdInputError('That image is no longer in the media library. Choose another.', 'mediaId');
      return { input };
    } catch (error) {
      if (error instanceof AdInputError) return { problem: { problem: error.message, field: error.field } };
      throw error;
    }
  }

  const idOf = (request: FastifyRequest<{ Params: { id: string } }>) => (/^\d{1,9}$/u.test(request.params.id) ? Number(request.params.id) : null);

  app.get('/admin/ads', guard, async (request, reply) => {
    const done = queryValue(request, 'done');
    return showList(request, reply, 200, blankForm(deps.now()), done ? { done: done.slice(0, 200) } : {});
  });

  app.post('/admin/ads', guard, async (request, reply) => {
    const form = formBody(request.body);
    const checked = await check(form);
    if ('problem' in checked) return showList(request, reply, 400, form, checked.problem);
    const { input } = checked;
    const id = await deps.store.create(input);
    await deps.audit.record(actorOf(staffOf(request)), 'ads.create', { type: 'ad', id }, { name: input.name });
    await deps.changed();
    return seeOther(reply, `/admin/ads?done=${encodeURIComponent(`Added “${input.name}”.`)}`);
  });

  app.get<{ Params: { id: string } }>('/admin/ads/:id', guard, async (request, reply) => {
    const id = idOf(request);
    const creative = id === null ? null : await deps.store.get(id);
    if (!creative) return reply.callNotFound();
    const done = queryValue(request, 'done');
    return html(reply, 200, editPage(await deps.look(), staffOf(request), { creative, form: formOf(creative), choices: await choices(), notice: done ? { done: done.slice(0, 200) } : {} }));
  });

  app.post<{ Params: { id: string } }>('/admin/ads/:id', guard, async (request, reply) => {
    const id = idOf(request);
    const creative = id === null ? null : await deps.store.get(id);
    if (!creative || id === null) return reply.callNotFound();
    const form = formBody(request.body);
    const checked = await check(form);
    if ('problem' in checked) return html(reply, 400, editPage(await deps.look(), staffOf(request), { creative, form, choices: await choices(), notice: checked.problem }));
    const { input } = checked;
    await deps.store.update(id, input);
    await deps.audit.record(actorOf(staffOf(request)), 'ads.update', { type: 'ad', id }, { name: input.name });
    await deps.changed();
    return seeOther(reply, `/admin/ads/${id}?done=${encodeURIComponent('Saved.')}`);
  });

  for (const [verb, active] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/admin/ads/:id/${verb}`, guard, async (request, reply) => {
      const id = idOf(request);
      if (id === null || !(await deps.store.setActive(id, active))) return reply.callNotFound();
      await deps.audit.record(actorOf(staffOf(request)), `ads.${verb}`, { type: 'ad', id });
      await deps.changed();
      return seeOther(reply, `/admin/ads/${id}?done=${encodeURIComponent(active ? 'Running again.' : 'Paused.')}`);
    });
  }

  app.post<{ Params: { id: string } }>('/admin/ads/:id/delete', guard, async (request, reply) => {
    const id = idOf(request);
    const creative = id === null ? null : await deps.store.get(id);
    if (!creative || id === null) return reply.callNotFound();
    if (fields(request.body, ['confirm']).confirm !== '1') {
      return html(reply, 400, editPage(await deps.look(), staffOf(request), { creative, form: formOf(creative), choices: await choices(), notice: { problem: 'Tick the box to confirm the deletion.' } }));
    }
    await deps.store.remove(id);
    await deps.audit.record(actorOf(staffOf(request)), 'ads.delete', { type: 'ad', id }, { name: creative.name });
    await deps.changed();
    return seeOther(reply, `/admin/ads?done=${encodeURIComponent(`Deleted “${creative.name}”.`)}`);
  });

  app.get('/admin/ads/report', guard, async (request, reply) => {
    const today = utcDay(deps.now());
    const from = queryValue(request, 'from') || utcDay(deps.now() - 29 * 86_400_000);
    const to = queryValue(request, 'to') || today;
    const look = await deps.look();
    const refuse = (problem: string) => html(reply, 400, reportPage(look, staffOf(request), { from, to, rows: [], notice: { problem } }));
    if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return refuse('Give both days as dates, such as 2026-11-01.');
    if (to < from) return refuse('The last day must not be before the first.');
    if (Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * 86_400_000) return refuse(`Choose at most ${MAX_REPORT_DAYS} days.`);
    return html(reply, 200, reportPage(look, staffOf(request), { from, to, rows: await statsReport(deps.db, from, to), notice: {} }));
  });
}
