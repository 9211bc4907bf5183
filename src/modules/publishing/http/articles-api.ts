/**
 * Admin API for articles (/api/admin/articles…): create, list, read, edit, delete, the workflow by
 * PATCH status, revisions with diffs and restore, edit locks, corrections and preview links.
 * Each route reads as validate (schema) → authorize (requireStaff, then ownership in the workflow)
 * → command → presenter. Workflow errors become `{ error, field? }` JSON with their status.
 */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireStaff, type Staff } from '../../accounts/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { docText } from '../body-schema.js';
import { signPreview, PREVIEW_TTL_MS } from '../preview.js';
import { wordDiff } from '../revisions.js';
import { defineArticleJobs } from '../scheduler.js';
import { createArticleWorkflow, LockedError, type ArticleWorkflow } from '../workflow.js';
import { PublishingError } from '../write.js';
import {
  ArticleViewSchema,
  CreateBody,
  CreatedSchema,
  ErrorSchema,
  IdParams,
  ListQuery,
  ListResponse,
  LockBody,
  LockedSchema,
  LockSchema,
  NoteBody,
  NoteSchema,
  PatchBody,
  PublishWorkingCopyBody,
  PreviewLinkSchema,
  RevisionDetail,
  RevisionList,
  RevisionParams,
} from './articles-schemas.js';
import { registerPreviewPage } from './preview-page.js';

const tags = ['articles'];
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
/** Bodies may carry a large document; html itself is capped at 1 MB by the workflow (413). */
const BODY_LIMIT = 4 * 1024 * 1024;

type Id = Static<typeof IdParams>;

const staffOf = (request: FastifyRequest): Staff => {
  if (!request.staff) throw new PublishingError('Sign in or send an API key.', undefined, 401);
  return request.staff;
};

export async function registerArticleApi(app: FastifyInstance, deps: NewsroomDeps): Promise<ArticleWorkflow> {
  const workflow = createArticleWorkflow(deps);
  defineArticleJobs(deps.jobs, workflow);

  await app.register(async (api) => {
    // Workflow errors answer as the API's JSON errors; anything else goes on to the app's handler.
    api.setErrorHandler((error, _request, reply) => {
      if (error instanceof LockedError) return reply.code(423).header('cache-control', 'no-store').send({ error: error.message, holder: lockJson(error.holder) });
      if (error instanceof PublishingError) {
        return reply.code(error.status).header('cache-control', 'no-store').send({ error: error.message, ...(error.field ? { field: error.field } : {}) });
      }
      throw error;
    });

    api.post<{ Body: Static<typeof CreateBody> }>(
      '/api/admin/articles',
      {
        preHandler: requireStaff('article.create'),
        bodyLimit: BODY_LIMIT,
        schema: { tags, summary: 'Create an article (draft, review, scheduled or published)', body: CreateBody, response: { 201: CreatedSchema, ...errors, 409: ErrorSchema, 413: ErrorSchema } },
      },
      async (request, reply) => {
        const created = await workflow.create(staffOf(request), request.body);
        return reply.code(201).header('location', `/api/admin/articles/${created.id}`).send(created);
      },
    );

    api.get<{ Querystring: Static<typeof ListQuery> }>(
      '/api/admin/articles',
      {
        preHandler: requireStaff('article.create'),
        schema: { tags, summary: 'Articles, newest modified first (contributors and authors see their own)', querystring: ListQuery, response: { 200: ListResponse, ...errors } },
      },
      async (request) => workflow.list(staffOf(request), request.query),
    );

    api.get<{ Params: Id }>(
      '/api/admin/articles/:id',
      { preHandler: requireStaff('article.create'), schema: { tags, summary: 'One article, as the editor sees it', params: IdParams, response: { 200: ArticleViewSchema, ...errors } } },
      async (request) => workflow.get(staffOf(request), request.params.id),
    );

    api.patch<{ Params: Id; Body: Static<typeof PatchBody> }>(
      '/api/admin/articles/:id',
      {
        preHandler: requireStaff('article.create'),
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary: 'Edit an article; change status to move it through the workflow',
          params: IdParams,
          body: PatchBody,
          response: { 200: ArticleViewSchema, ...errors, 409: ErrorSchema, 413: ErrorSchema, 423: LockedSchema },
        },
      },
      async (request) => workflow.update(staffOf(request), request.params.id, request.body),
    );

    api.delete<{ Params: Id }>(
      '/api/admin/articles/:id',
      { preHandler: requireStaff('article.delete'), schema: { tags, summary: 'Delete an article (unpublishes it first if live)', params: IdParams, response: { ...errors, 423: LockedSchema } } },
      async (request, reply) => {
        await workflow.remove(staffOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    api.get<{ Params: Id }>(
      '/api/admin/articles/:id/revisions',
      { preHandler: requireStaff('article.create'), schema: { tags, summary: 'Revision history, newest first', params: IdParams, response: { 200: RevisionList, ...errors } } },
      async (request) => workflow.revisions(staffOf(request), request.params.id),
    );

    api.get<{ Params: Static<typeof RevisionParams> }>(
      '/api/admin/articles/:id/revisions/:rid',
      { preHandler: requireStaff('article.create'), schema: { tags, summary: 'One revision, with a word diff against the current text', params: RevisionParams, response: { 200: RevisionDetail, ...errors } } },
      async (request) => {
        const { revision, current } = await workflow.revision(staffOf(request), request.params.id, request.params.rid);
        return {
          id: revision.id,
          at: new Date(revision.at).toISOString(),
          actor: revision.actor,
          autosave: revision.autosave,
          headline: revision.headline,
          standfirst: revision.standfirst,
          body: revision.body,
          diff: wordDiff(docText(revision.body), docText(current.body)),
          headlineDiff: wordDiff(revision.headline, current.headline),
          standfirstDiff: wordDiff(revision.standfirst, current.standfirst),
        };
      },
    );

    api.post<{ Params: Static<typeof RevisionParams> }>(
      '/api/admin/articles/:id/revisions/:rid/restore',
      {
        preHandler: requireStaff('article.create'),
        schema: { tags, summary: 'Restore a revision (saved as a new revision; the current text stays in the history)', params: RevisionParams, response: { 200: ArticleViewSchema, ...errors, 423: LockedSchema } },
      },
      async (request) => workflow.restore(staffOf(request), request.params.id, request.params.rid),
    );

    api.post<{ Params: Id; Body: Static<typeof PublishWorkingCopyBody> | undefined }>(
      '/api/admin/articles/:id/working-copy/publish',
      {
        preHandler: requireStaff('article.create'),
        schema: {
          tags,
          summary: "Update: publish a live article's working copy (all the checks of a live save apply)",
          params: IdParams,
          body: PublishWorkingCopyBody,
          response: { 200: ArticleViewSchema, ...errors, 409: ErrorSchema, 423: LockedSchema },
        },
      },
      async (request) => workflow.publishWorkingCopy(staffOf(request), request.params.id, request.body?.expectedModifiedAt),
    );

    api.delete<{ Params: Id }>(
      '/api/admin/articles/:id/working-copy',
      {
        preHandler: requireStaff('article.create'),
        schema: { tags, summary: "Discard a live article's unpublished changes (they stay in the revision history)", params: IdParams, response: { 200: ArticleViewSchema, ...errors, 423: LockedSchema } },
      },
      async (request) => workflow.discardWorkingCopy(staffOf(request), request.params.id),
    );

    api.post<{ Params: Id; Body: Static<typeof LockBody> | undefined }>(
      '/api/admin/articles/:id/lock',
      {
        preHandler: requireStaff('article.create'),
        schema: { tags, summary: 'Take or renew the edit lock (call every 20 s; it lasts 60 s)', params: IdParams, body: LockBody, response: { 200: LockSchema, ...errors, 423: LockedSchema } },
      },
      async (request) => workflow.lock(staffOf(request), request.params.id, request.body?.takeOver === true),
    );

    api.delete<{ Params: Id }>(
      '/api/admin/articles/:id/lock',
      { preHandler: requireStaff('article.create'), schema: { tags, summary: 'Release your edit lock', params: IdParams, response: errors } },
      async (request, reply) => {
        await workflow.unlock(staffOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    api.post<{ Params: Id; Body: Static<typeof NoteBody> }>(
      '/api/admin/articles/:id/notes',
      { preHandler: requireStaff('article.correct'), schema: { tags, summary: 'Add a dated correction, clarification or update', params: IdParams, body: NoteBody, response: { 201: NoteSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await workflow.addNote(staffOf(request), request.params.id, request.body)),
    );

    api.post<{ Params: Id }>(
      '/api/admin/articles/:id/preview-link',
      { preHandler: requireStaff('article.create'), schema: { tags, summary: 'A signed link showing the article as readers would see it (48 hours)', params: IdParams, response: { 200: PreviewLinkSchema, ...errors } } },
      async (request) => {
        await workflow.assertVisible(staffOf(request), request.params.id);
        const expiresAt = deps.now() + PREVIEW_TTL_MS;
        return { url: `${deps.publicUrl}/preview/${signPreview(deps.secret, request.params.id, expiresAt)}`, expiresAt: new Date(expiresAt).toISOString() };
      },
    );
  });

  await registerPreviewPage(app, deps);
  return workflow;
}

function lockJson(holder: { userId: number; name: string; expiresAt: number }) {
  return { userId: holder.userId, name: holder.name, expiresAt: new Date(holder.expiresAt).toISOString() };
}
