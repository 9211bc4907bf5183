/**
 * The admin pages' routes, one pattern for every resource (POST-redirect-GET):
 *   GET  /admin/<key>             list + "new" form          POST /admin/<key>             create → 303 to its edit page
 *   GET  /admin/<key>/:id         edit form                  POST /admin/<key>/:id         save → 303 back
 *   GET  /admin/<key>/:id/delete  "are you sure?"            POST /admin/<key>/:id/delete  delete → 303 to the list
 * A refusal re-renders the form with what was typed and the message, at the refusal's status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { requireStaff, type Action } from '../../accounts/index.js';
import type { Actor } from '../../audit/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import type { Notice } from '../../newsroom/notices.js';
import { confirmDeletePage, editPage, listPage, type FieldDef, type FormValues, type ResourceView } from '../admin/taxonomy-views.js';
import { PublishingError } from '../write.js';
import { actor, formOf, idOf, staffOf } from './taxonomy-http.js';

export interface ResourceAdmin<R> extends ResourceView<R> {
  action: Action;
  fields(): Promise<FieldDef[]>;
  list(): Promise<R[]>;
  get(id: number): Promise<R | null>;
  /** The edit form's values for a stored record. */
  values(record: R): FormValues;
  /** The "new" form's starting values. */
  blank?: FormValues;
  create(actor: Actor, form: FormValues): Promise<R>;
  update(actor: Actor, id: number, form: FormValues): Promise<unknown>;
  remove(actor: Actor, id: number): Promise<void>;
  /** Shown under the edit form (the page editor's version history). */
  extra?(record: R): Promise<ComponentChildren>;
  /** What deleting takes with it, said on the confirm page. */
  consequence?(record: R): string | undefined;
}

const DONE: Record<string, string> = { created: 'Created.', saved: 'Saved. The public pages show it now.', deleted: 'Deleted.', restored: 'Restored as a new version.' };

export function registerResourceAdmin<R>(app: FastifyInstance, deps: NewsroomDeps, admin: ResourceAdmin<R>): void {
  const guard = { preHandler: requireStaff(admin.action) };
  const base = `/admin/${admin.key}`;
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const back = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);
  const doneOf = (request: FastifyRequest): Notice => {
    const done = (request.query as Record<string, unknown>).done;
    return typeof done === 'string' && DONE[done] ? { done: DONE[done] } : {};
  };
  /** A service refusal as a notice (and its status); anything else is a real failure. */
  const refusal = (error: unknown): { status: number; notice: Notice } => {
    if (error instanceof PublishingError) return { status: error.status, notice: { problem: error.message, field: error.field } };
    throw error;
  };

  const renderList = async (request: FastifyRequest, reply: FastifyReply, status: number, values: FormValues, notice: Notice) =>
    html(reply, status, listPage({ look: await deps.look(), staff: staffOf(request), view: admin, records: await admin.list(), fields: await admin.fields(), values, notice }));
  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, status: number, record: R, values: FormValues, notice: Notice) =>
    html(
      reply,
      status,
      editPage({ look: await deps.look(), staff: staffOf(request), view: admin, record, fields: await admin.fields(), values, notice, extra: admin.extra ? await admin.extra(record) : undefined }),
    );
  /** The record named by :id, or the site's 404. */
  const load = async (request: FastifyRequest<{ Params: { id: string } }>): Promise<R | null> => {
    const id = idOf(request.params.id);
    return id === null ? null : admin.get(id);
  };

  app.get(base, guard, async (request, reply) => renderList(request, reply, 200, admin.blank ?? {}, doneOf(request)));

  app.post(base, guard, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const created = await admin.create(actor(request), form);
      return back(reply, `${base}/${admin.idOf(created)}?done=created`);
    } catch (error) {
      const { status, notice } = refusal(error);
      return renderList(request, reply, status, form, notice);
    }
  });

  app.get<{ Params: { id: string } }>(`${base}/:id`, guard, async (request, reply) => {
    const record = await load(request);
    if (!record) return reply.callNotFound();
    return renderEdit(request, reply, 200, record, admin.values(record), doneOf(request));
  });

  app.post<{ Params: { id: string } }>(`${base}/:id`, guard, async (request, reply) => {
    const record = await load(request);
    if (!record) return reply.callNotFound();
    const form = formOf(request.body);
    try {
      await admin.update(actor(request), admin.idOf(record), form);
      return back(reply, `${base}/${admin.idOf(record)}?done=saved`);
    } catch (error) {
      const { status, notice } = refusal(error);
      return renderEdit(request, reply, status, record, { ...admin.values(record), ...form }, notice);
    }
  });

  app.get<{ Params: { id: string } }>(`${base}/:id/delete`, guard, async (request, reply) => {
    const record = await load(request);
    if (!record) return reply.callNotFound();
    return html(reply, 200, confirmDeletePage({ look: await deps.look(), staff: staffOf(request), view: admin, record, notice: {}, consequence: admin.consequence?.(record) }));
  });

  app.post<{ Params: { id: string } }>(`${base}/:id/delete`, guard, async (request, reply) => {
    const record = await load(request);
    if (!record) return reply.callNotFound();
    // The confirm page's form says yes; a bare POST (a stray button elsewhere) only asks.
    if (formOf(request.body).confirm !== 'yes') return back(reply, `${base}/${admin.idOf(record)}/delete`);
    try {
      await admin.remove(actor(request), admin.idOf(record));
      return back(reply, `${base}?done=deleted`);
    } catch (error) {
      const { status, notice } = refusal(error);
      return html(reply, status, confirmDeletePage({ look: await deps.look(), staff: staffOf(request), view: admin, record, notice, consequence: admin.consequence?.(record) }));
    }
  });
}
