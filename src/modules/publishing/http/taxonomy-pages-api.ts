/** Admin API for static pages and their versions (/api/admin/pages). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../accounts/index.js';
import type { Doc } from '../body-schema.js';
import { htmlToDoc, MAX_HTML_LENGTH } from '../html-to-doc.js';
import type { PageRecord, PagesService } from '../pages.js';
import { PublishingError } from '../write.js';
import { actor, apiFail, errorResponses, IdParams, notFoundJson } from './taxonomy-http.js';

const Timestamp = Type.String({ format: 'date-time' });
const DocBody = Type.Object(
  { type: Type.Literal('doc'), content: Type.Array(Type.Unknown(), { maxItems: 5000 }) },
  { description: 'A block-schema document (the same as an article body); checked block by block.' },
);
const PageSummarySchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  version: Type.Integer({ description: 'Counts up on every save; consent records name the version a reader accepted.' }),
  updatedAt: Timestamp,
});
const PageSchema = Type.Object({ ...PageSummarySchema.properties, body: Type.Unknown({ description: 'The block-schema document.' }) });
const Html = Type.String({ maxLength: MAX_HTML_LENGTH, description: 'Instead of `body`: HTML, sanitized and converted to the block schema.' });
const NewPage = Type.Object(
  {
    slug: Type.String({ maxLength: 100, description: 'The page lives at /<slug>; it may not be a section slug.' }),
    title: Type.String({ maxLength: 300 }),
    body: Type.Optional(DocBody),
    html: Type.Optional(Html),
  },
  { additionalProperties: false, description: 'Give `body` or `html`.' },
);
const PagePatch = Type.Partial(NewPage, { additionalProperties: false, minProperties: 1 });
const VersionSummary = Type.Object({ version: Type.Integer(), slug: Type.String(), title: Type.String(), savedAt: Timestamp, savedBy: Type.String() });
const VersionSchema = Type.Object({ ...VersionSummary.properties, body: Type.Unknown() });
const VersionParams = Type.Object({ id: IdParams.properties.id, vid: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The version number.' }) });

type Id = Static<typeof IdParams>;
type VersionId = Static<typeof VersionParams>;

const iso = (ms: number) => new Date(ms).toISOString();

/** `html` becomes `body` (sanitized by the converter); both at once is ambiguous. */
function withBody<T extends { body?: unknown; html?: string }>(input: T, required: boolean, publicUrl: string): Omit<T, 'html'> & { body?: Doc } {
  const { html, ...rest } = input;
  if (html !== undefined && rest.body !== undefined) throw new PublishingError('Send either body or html, not both.', 'html');
  if (html !== undefined) return { ...rest, body: htmlToDoc(html, { publicUrl }) };
  if (required && rest.body === undefined) throw new PublishingError('The page needs a body (block JSON) or html.', 'body');
  return rest as Omit<T, 'html'> & { body?: Doc };
}
const pageJson = (p: PageRecord) => ({ id: p.id, slug: p.slug, title: p.title, version: p.version, updatedAt: iso(p.updatedAt), body: p.body });

export function registerPagesApi(app: FastifyInstance, pages: PagesService, publicUrl: string): void {
  const read = requireStaff();
  const manage = requireStaff('pages.manage');
  const errors = errorResponses;
  const tags = ['pages'];

  app.get('/api/admin/pages', { preHandler: read, schema: { tags, summary: 'List static pages', response: { 200: Type.Object({ items: Type.Array(PageSummarySchema) }), ...errors } } }, async () => ({
    items: (await pages.list()).map((p) => ({ ...p, updatedAt: iso(p.updatedAt) })),
  }));
  app.post<{ Body: Static<typeof NewPage> }>(
    '/api/admin/pages',
    { preHandler: manage, schema: { tags, summary: 'Create a static page (version 1)', body: NewPage, response: { 201: PageSchema, ...errors } } },
    async (request, reply) => {
      try {
        return reply.code(201).send(pageJson(await pages.create(actor(request), withBody(request.body, true, publicUrl) as Parameters<PagesService['create']>[1])));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.get<{ Params: Id }>('/api/admin/pages/:id', { preHandler: read, schema: { tags, summary: 'One page with its body', params: IdParams, response: { 200: PageSchema, ...errors } } }, async (request, reply) => {
    const page = await pages.get(request.params.id);
    return page ? pageJson(page) : notFoundJson(reply, 'page');
  });
  app.patch<{ Params: Id; Body: Static<typeof PagePatch> }>(
    '/api/admin/pages/:id',
    {
      preHandler: manage,
      schema: {
        tags,
        summary: 'Save a page as a new version',
        description: 'Every save increments `version` and keeps the text in the version history; a new slug leaves a 301 redirect.',
        params: IdParams,
        body: PagePatch,
        response: { 200: PageSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        return pageJson(await pages.update(actor(request), request.params.id, withBody(request.body, false, publicUrl)));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.delete<{ Params: Id }>('/api/admin/pages/:id', { preHandler: manage, schema: { tags, summary: 'Delete a page and its history', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    try {
      await pages.remove(actor(request), request.params.id);
      return reply.code(204).send();
    } catch (error) {
      return apiFail(reply, error);
    }
  });
  app.get<{ Params: Id }>(
    '/api/admin/pages/:id/versions',
    { preHandler: read, schema: { tags, summary: 'The version history of a page, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(VersionSummary) }), ...errors } } },
    async (request, reply) => {
      const list = await pages.versions(request.params.id);
      return list ? { items: list.map((v) => ({ ...v, savedAt: iso(v.savedAt) })) } : notFoundJson(reply, 'page');
    },
  );
  app.get<{ Params: VersionId }>(
    '/api/admin/pages/:id/versions/:vid',
    { preHandler: read, schema: { tags, summary: 'One version of a page', params: VersionParams, response: { 200: VersionSchema, ...errors } } },
    async (request, reply) => {
      const found = await pages.version(request.params.id, request.params.vid);
      if (!found) return notFoundJson(reply, 'version of this page');
      return { version: found.version, slug: found.slug, title: found.title, savedAt: iso(found.savedAt), savedBy: found.savedBy, body: found.body };
    },
  );
  app.post<{ Params: VersionId }>(
    '/api/admin/pages/:id/versions/:vid/restore',
    {
      preHandler: manage,
      schema: {
        tags,
        summary: 'Restore an old version',
        description: 'Saves its title and body as a new version (the slug stays) and answers 201 with the page at that new version.',
        params: VersionParams,
        response: { 201: PageSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(pageJson(await pages.restore(actor(request), request.params.id, request.params.vid)));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
}
