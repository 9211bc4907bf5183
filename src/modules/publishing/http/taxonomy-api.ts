/** Admin API for sections, tags and authors (/api/admin/sections|tags|authors). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../accounts/index.js';
import type { TaxonomyService } from '../taxonomy.js';
import { actor, apiFail, errorResponses, IdParams, notFoundJson } from './taxonomy-http.js';

const SlugField = Type.String({ maxLength: 100, description: 'Lower-case letters, digits and single hyphens; unique.' });
const Count = Type.Integer({ description: 'Articles (any status) filed under it.' });

const SectionSchema = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), description: Type.String(), position: Type.Integer(), articleCount: Count });
const NewSection = Type.Object(
  {
    slug: SlugField,
    name: Type.String({ maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    position: Type.Optional(Type.Integer({ minimum: -100_000, maximum: 100_000, description: 'Order in the navigation, lowest first.' })),
  },
  { additionalProperties: false },
);
const SectionPatch = Type.Partial(NewSection, { additionalProperties: false, minProperties: 1 });

const TagSchema = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), articleCount: Count });
const NewTag = Type.Object({ slug: SlugField, name: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
const TagPatch = Type.Partial(NewTag, { additionalProperties: false, minProperties: 1 });

const Link = Type.Object({ label: Type.String({ maxLength: 100 }), url: Type.String({ maxLength: 2048, description: 'An http:// or https:// address.' }) }, { additionalProperties: false });
const AuthorSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  title: Type.String(),
  bio: Type.String(),
  photoMediaId: Type.Union([Type.Integer(), Type.Null()]),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  userId: Type.Union([Type.Integer(), Type.Null()], { description: 'The staff user this author is, if any.' }),
  articleCount: Count,
});
const NewAuthor = Type.Object(
  {
    slug: SlugField,
    name: Type.String({ maxLength: 200 }),
    title: Type.Optional(Type.String({ maxLength: 200, description: 'Job title, e.g. "Health correspondent".' })),
    bio: Type.Optional(Type.String({ maxLength: 5000 })),
    photoMediaId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'An image in the media library.' })),
    links: Type.Optional(Type.Array(Link, { maxItems: 20 })),
    userId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Link a staff user (at most one author per user).' })),
  },
  { additionalProperties: false },
);
const AuthorPatch = Type.Partial(NewAuthor, { additionalProperties: false, minProperties: 1 });

type Id = Static<typeof IdParams>;

export function registerTaxonomyApi(app: FastifyInstance, taxonomy: TaxonomyService): void {
  // Any staff member may read these: the article editor offers them as pickers.
  const read = requireStaff();
  const manage = requireStaff('taxonomy.manage');
  const errors = errorResponses;

  // ---- Sections ----
  app.get('/api/admin/sections', { preHandler: read, schema: { tags: ['sections'], summary: 'List sections in navigation order', response: { 200: Type.Object({ items: Type.Array(SectionSchema) }), ...errors } } }, async () => ({
    items: await taxonomy.sections(),
  }));
  app.post<{ Body: Static<typeof NewSection> }>(
    '/api/admin/sections',
    { preHandler: manage, schema: { tags: ['sections'], summary: 'Create a section', body: NewSection, response: { 201: SectionSchema, ...errors } } },
    async (request, reply) => {
      try {
        return reply.code(201).send(await taxonomy.createSection(actor(request), request.body));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.get<{ Params: Id }>(
    '/api/admin/sections/:id',
    { preHandler: read, schema: { tags: ['sections'], summary: 'One section', params: IdParams, response: { 200: SectionSchema, ...errors } } },
    async (request, reply) => (await taxonomy.section(request.params.id)) ?? notFoundJson(reply, 'section'),
  );
  app.patch<{ Params: Id; Body: Static<typeof SectionPatch> }>(
    '/api/admin/sections/:id',
    {
      preHandler: manage,
      schema: {
        tags: ['sections'],
        summary: 'Change a section',
        description: 'A new slug leaves a 301 redirect from the old address; every cached page is purged (all show the navigation).',
        params: IdParams,
        body: SectionPatch,
        response: { 200: SectionSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        return await taxonomy.updateSection(actor(request), request.params.id, request.body);
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.delete<{ Params: Id }>(
    '/api/admin/sections/:id',
    { preHandler: manage, schema: { tags: ['sections'], summary: 'Delete an empty section', description: '409 while articles are filed under it.', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      try {
        await taxonomy.deleteSection(actor(request), request.params.id);
        return reply.code(204).send();
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );

  // ---- Tags ----
  app.get('/api/admin/tags', { preHandler: read, schema: { tags: ['tags'], summary: 'List tags by name', response: { 200: Type.Object({ items: Type.Array(TagSchema) }), ...errors } } }, async () => ({
    items: await taxonomy.tags(),
  }));
  app.post<{ Body: Static<typeof NewTag> }>(
    '/api/admin/tags',
    { preHandler: manage, schema: { tags: ['tags'], summary: 'Create a tag', body: NewTag, response: { 201: TagSchema, ...errors } } },
    async (request, reply) => {
      try {
        return reply.code(201).send(await taxonomy.createTag(actor(request), request.body));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.get<{ Params: Id }>(
    '/api/admin/tags/:id',
    { preHandler: read, schema: { tags: ['tags'], summary: 'One tag', params: IdParams, response: { 200: TagSchema, ...errors } } },
    async (request, reply) => (await taxonomy.tag(request.params.id)) ?? notFoundJson(reply, 'tag'),
  );
  app.patch<{ Params: Id; Body: Static<typeof TagPatch> }>(
    '/api/admin/tags/:id',
    { preHandler: manage, schema: { tags: ['tags'], summary: 'Rename a tag', description: 'A new slug leaves a 301 redirect from /tag/<old>.', params: IdParams, body: TagPatch, response: { 200: TagSchema, ...errors } } },
    async (request, reply) => {
      try {
        return await taxonomy.updateTag(actor(request), request.params.id, request.body);
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.delete<{ Params: Id }>(
    '/api/admin/tags/:id',
    { preHandler: manage, schema: { tags: ['tags'], summary: 'Delete a tag', description: 'The tag is taken off its articles.', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      try {
        await taxonomy.deleteTag(actor(request), request.params.id);
        return reply.code(204).send();
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );

  // ---- Authors ----
  app.get('/api/admin/authors', { preHandler: read, schema: { tags: ['authors'], summary: 'List authors by name', response: { 200: Type.Object({ items: Type.Array(AuthorSchema) }), ...errors } } }, async () => ({
    items: await taxonomy.authors(),
  }));
  app.post<{ Body: Static<typeof NewAuthor> }>(
    '/api/admin/authors',
    { preHandler: manage, schema: { tags: ['authors'], summary: 'Create an author profile', body: NewAuthor, response: { 201: AuthorSchema, ...errors } } },
    async (request, reply) => {
      try {
        return reply.code(201).send(await taxonomy.createAuthor(actor(request), request.body));
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.get<{ Params: Id }>(
    '/api/admin/authors/:id',
    { preHandler: read, schema: { tags: ['authors'], summary: 'One author', params: IdParams, response: { 200: AuthorSchema, ...errors } } },
    async (request, reply) => (await taxonomy.author(request.params.id)) ?? notFoundJson(reply, 'author'),
  );
  app.patch<{ Params: Id; Body: Static<typeof AuthorPatch> }>(
    '/api/admin/authors/:id',
    {
      preHandler: manage,
      schema: { tags: ['authors'], summary: 'Change an author profile', description: 'A new slug leaves a 301 redirect from /author/<old>.', params: IdParams, body: AuthorPatch, response: { 200: AuthorSchema, ...errors } },
    },
    async (request, reply) => {
      try {
        return await taxonomy.updateAuthor(actor(request), request.params.id, request.body);
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
  app.delete<{ Params: Id }>(
    '/api/admin/authors/:id',
    { preHandler: manage, schema: { tags: ['authors'], summary: 'Delete an author no article credits', description: '409 while any article credits them.', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      try {
        await taxonomy.deleteAuthor(actor(request), request.params.id);
        return reply.code(204).send();
      } catch (error) {
        return apiFail(reply, error);
      }
    },
  );
}
