/** Admin API for redirects (/api/admin/redirects). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../accounts/index.js';
import type { Redirect, RedirectsService } from '../redirects.js';
import { actor, apiFail, errorResponses, IdParams, notFoundJson } from './taxonomy-http.js';

const Status = Type.Union([Type.Literal(301), Type.Literal(302)], { description: '301 permanent (default) or 302 temporary.' });
const RedirectSchema = Type.Object({
  id: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  status: Status,
  hits: Type.Integer({ description: 'How many times it was followed.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const NewRedirect = Type.Object(
  {
    from: Type.String({ maxLength: 500, description: 'A path on this site starting with / (no scheme, host or query).' }),
    to: Type.String({ maxLength: 2000, description: 'A path starting with / or an absolute http(s) URL.' }),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);
const RedirectPatch = Type.Partial(NewRedirect, { additionalProperties: false, minProperties: 1 });
type Id = Static<typeof IdParams>;

const json = (r: Redirect) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() });

export function registerRedirectsApi(app: FastifyInstance, redirects: RedirectsService): void {
  const read = requireStaff();
  const manage = requireStaff('redirects.manage');
  const errors = errorResponses;
  const tags = ['redirects'];

  app.get('/api/admin/redirects', { preHandler: read, schema: { tags, summary: 'List redirects by old address', response: { 200: Type.Object({ items: Type.Array(RedirectSchema) }), ...errors } } }, async () => ({
    items: (await redirects.list()).map(json),
  }));
  app.post<{ Body: Static<typeof NewRedirect> }>(
    '/api/admin/redirects',
    {
      preHandler: manage,
      schema: { tags, summary: 'Create a redirect', description: 'Refused (400) when it would loop, (409) when the old address is a live page or already redirected.', body: NewRedirect, response: { 201: RedirectSchema, ...errors } },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(json(await redirects.create(actor(request), request.body)));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.get<{ Params: Id }>('/api/admin/redirects/:id', { preHandler: read, schema: { tags, summary: 'One redirect', params: IdParams, response: { 200: RedirectSchema, ...errors } } }, async (request, reply) => {
    const found = await redirects.get(request.params.id);
    return found ? json(found) : notFoundJson(reply, 'redirect');
  });
  app.patch<{ Params: Id; Body: Static<typeof RedirectPatch> }>(
    '/api/admin/redirects/:id',
    { preHandler: manage, schema: { tags, summary: 'Change a redirect', params: IdParams, body: RedirectPatch, response: { 200: RedirectSchema, ...errors } } },
    async (request, reply) => {
      try {
        return json(await redirects.update(actor(request), request.params.id, request.body));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.delete<{ Params: Id }>('/api/admin/redirects/:id', { preHandler: manage, schema: { tags, summary: 'Delete a redirect', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    try {
      await redirects.remove(actor(request), request.params.id);
      return reply.code(204).send();
    } catch (error) {
      return apiFail(reply, error);
    }
  });
}
