/**
 * The media library over HTTP: the Admin API (multipart upload, search, read, edit, delete) and
 * the /admin/media pages. Anyone with media.upload may upload and edit their own uploads;
 * media.manage is needed for other people's.
 */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, can, requireStaff, type Staff } from '../../accounts/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { libraryPage } from '../admin/library-page.js';
import { createMediaLibrary, CursorError, type MediaRecord } from '../library.js';
import { defaultMediaLimits, MediaError, type MediaPatch } from '../service.js';
import { focalField, multipartLimits, readUpload } from './upload.js';

const MAX_BYTES = defaultMediaLimits.maxBytes;

const Focal = Type.Object({ x: Type.Number(), y: Type.Number() });
const RecordSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.String(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  focal: Focal,
  mime: Type.String(),
  filename: Type.String(),
  bytes: Type.Integer(),
  uploadedBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.Integer(),
  needsAlt: Type.Boolean(),
});
const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const PatchBody = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: 1000 })),
    caption: Type.Optional(Type.String({ maxLength: 1000 })),
    credit: Type.Optional(Type.String({ maxLength: 300 })),
    focal: Type.Optional(Type.Object({ x: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), y: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export async function registerMediaAdmin(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const library = createMediaLibrary(deps.db, deps.media);
  const focalScript = deps.assets.load('media-focal.js');
  const staffOf = (request: FastifyRequest): Staff => request.staff as Staff;
  const mayChange = (staff: Staff, record: MediaRecord) => can(staff.role, 'media.manage') || (staff.id !== null && record.uploadedBy === staff.id);

  async function ingest(request: FastifyRequest): Promise<MediaRecord> {
    const staff = staffOf(request);
    const upload = await readUpload(request, MAX_BYTES);
    const item = await deps.media.ingest({
      data: upload.data,
      originalName: upload.filename,
      declaredType: upload.mimetype,
      alt: upload.fields.alt?.trim(),
      caption: upload.fields.caption?.trim(),
      credit: upload.fields.credit?.trim().slice(0, 300),
      focalX: focalField(upload.fields.focalX, 'focalX'),
      focalY: focalField(upload.fields.focalY, 'focalY'),
      uploadedBy: staff.via === 'session' ? staff.id : null,
    });
    await deps.audit.record(actorOf(staff), 'media.upload', { type: 'media', id: item.id }, { filename: upload.filename.slice(0, 300), bytes: upload.data.length });
    const record = await library.record(item.id);
    if (!record) throw new Error('uploaded media vanished');
    return record;
  }

  /** Applies a patch after the ownership check; null when there is no such image. */
  async function change(staff: Staff, id: number, patch: MediaPatch): Promise<MediaRecord | 'forbidden' | null> {
    const record = await library.record(id);
    if (!record) return null;
    if (!mayChange(staff, record)) return 'forbidden';
    await deps.media.update(id, patch);
    await deps.audit.record(actorOf(staff), 'media.update', { type: 'media', id }, { ...patch });
    // Cached article pages show this image's texts and crops.
    const articles = await library.articlesUsing(id);
    if (articles.length > 0) deps.purge(articles.map((a) => `article:${a}`));
    return library.record(id);
  }

  async function remove(staff: Staff, id: number): Promise<{ status: 204 | 403 | 404 | 409; message?: string }> {
    const record = await library.record(id);
    if (!record) return { status: 404, message: 'There is no such image.' };
    if (!mayChange(staff, record)) return { status: 403, message: 'Your role allows deleting only the images you uploaded.' };
    const usage = await library.usage(id);
    if (usage.length > 0) return { status: 409, message: `This image is still used as ${usage.join('; ')}. Remove it there first.` };
    await deps.media.remove(id);
    await deps.audit.record(actorOf(staff), 'media.delete', { type: 'media', id }, { filename: record.filename });
    return { status: 204 };
  }

  const guard = requireStaff('media.upload');

  // ---- Uploads (multipart is registered only in this scope) ----
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: multipartLimits(MAX_BYTES), throwFileSizeLimit: true });

    scope.post(
      '/api/admin/media',
      {
        preHandler: guard,
        schema: {
          tags: ['media'],
          summary: 'Upload an image (multipart/form-data: one file field, and optional alt, caption, credit, focalX, focalY fields)',
          consumes: ['multipart/form-data'],
          response: { 201: RecordSchema, 400: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema },
        },
      },
      async (request, reply) => {
        try {
          return reply.code(201).send(await ingest(request));
        } catch (error) {
          if (error instanceof MediaError) return reply.code(error.status as 400).send({ error: error.message });
          throw error;
        }
      },
    );

    scope.post('/admin/media', { preHandler: guard }, async (request, reply) => {
      try {
        const record = await ingest(request);
        return reply.redirect(`/admin/media?uploaded=${record.id}`, 303);
      } catch (error) {
        if (error instanceof MediaError) return page(request, reply, { status: error.status, problem: error.message });
        throw error;
      }
    });
  });

  // ---- Admin API ----
  app.get(
    '/api/admin/media',
    {
      preHandler: guard,
      schema: {
        tags: ['media'],
        summary: 'Search the media library (newest first, keyset cursor)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 20 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(RecordSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { q, cursor, limit } = request.query as { q?: string; cursor?: string; limit?: number };
      try {
        return await library.list({ q, cursor, limit: limit ?? 30 });
      } catch (error) {
        if (error instanceof CursorError) return reply.code(400).send({ error: error.message, field: 'cursor' });
        throw error;
      }
    },
  );

  app.get(
    '/api/admin/media/:id',
    { preHandler: guard, schema: { tags: ['media'], summary: 'One image', params: IdParams, response: { 200: RecordSchema, 404: ErrorSchema } } },
    async (request, reply) => {
      const record = await library.record((request.params as { id: number }).id);
      return record ?? reply.code(404).send({ error: 'There is no such image.' });
    },
  );

  app.patch(
    '/api/admin/media/:id',
    {
      preHandler: guard,
      schema: { tags: ['media'], summary: "Change an image's alt text, caption, credit or focal point", params: IdParams, body: PatchBody, response: { 200: RecordSchema, 403: ErrorSchema, 404: ErrorSchema } },
    },
    async (request, reply) => {
      const body = request.body as { alt?: string; caption?: string; credit?: string; focal?: { x?: number; y?: number } };
      const result = await change(staffOf(request), (request.params as { id: number }).id, { alt: body.alt, caption: body.caption, credit: body.credit, focalX: body.focal?.x, focalY: body.focal?.y });
      if (result === null) return reply.code(404).send({ error: 'There is no such image.' });
      if (result === 'forbidden') return reply.code(403).send({ error: 'Your role allows changing only the images you uploaded.' });
      return result;
    },
  );

  app.delete(
    '/api/admin/media/:id',
    {
      preHandler: guard,
      schema: { tags: ['media'], summary: 'Delete an image (refused with 409 while an article, author or page uses it)', params: IdParams, response: { 204: Type.Null(), 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } },
    },
    async (request, reply) => {
      const result = await remove(staffOf(request), (request.params as { id: number }).id);
      if (result.status === 204) return reply.code(204).send();
      return reply.code(result.status).send({ error: result.message ?? '' });
    },
  );

  // ---- Admin pages ----
  async function page(request: FastifyRequest, reply: FastifyReply, extra: { status?: number; problem?: string; notice?: string } = {}) {
    const staff = staffOf(request);
    const query = request.query as { q?: unknown; cursor?: unknown; uploaded?: unknown };
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const cursor = typeof query.cursor === 'string' && /^\d{1,15}$/u.test(query.cursor) ? query.cursor : undefined;
    const result = await library.list({ q, cursor, limit: 48 });
    const notice = extra.notice ?? (typeof query.uploaded === 'string' ? 'The image was uploaded.' : undefined);
    const body = libraryPage({
      look: await deps.look(),
      staff,
      items: result.items,
      q,
      nextCursor: result.nextCursor,
      editable: new Set(result.items.filter((item) => mayChange(staff, item)).map((item) => item.id)),
      maxMb: Math.round(MAX_BYTES / 1024 / 1024),
      script: focalScript,
      problem: extra.problem,
      notice,
    });
    return reply.code(extra.status ?? 200).type('text/html; charset=utf-8').send(body);
  }
  const formString = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id);
    return Number.isInteger(id) && id > 0 ? id : null;
  };

  app.get('/admin/media', { preHandler: guard }, async (request, reply) => page(request, reply));

  app.post('/admin/media/:id', { preHandler: guard }, async (request, reply) => {
    const id = idOf(request);
    const form = (request.body ?? {}) as Record<string, unknown>;
    try {
      const patch: MediaPatch = {
        alt: formString(form, 'alt')?.slice(0, 1000),
        caption: formString(form, 'caption')?.slice(0, 1000),
        credit: formString(form, 'credit')?.slice(0, 300),
        focalX: focalField(formString(form, 'focalX'), 'focal point (across)'),
        focalY: focalField(formString(form, 'focalY'), 'focal point (down)'),
      };
      const result = id === null ? null : await change(staffOf(request), id, patch);
      if (result === null) return page(request, reply, { status: 404, problem: 'There is no such image.' });
      if (result === 'forbidden') return page(request, reply, { status: 403, problem: 'Your role allows changing only the images you uploaded.' });
      return reply.redirect(`/admin/media#media-${id}`, 303);
    } catch (error) {
      if (error instanceof MediaError) return page(request, reply, { status: error.status, problem: error.message });
      throw error;
    }
  });

  app.post('/admin/media/:id/delete', { preHandler: guard }, async (request, reply) => {
    const id = idOf(request);
    const result = id === null ? { status: 404 as const, message: 'There is no such image.' } : await remove(staffOf(request), id);
    if (result.status === 204) return reply.redirect('/admin/media', 303);
    return page(request, reply, { status: result.status, problem: result.message });
  });
}
