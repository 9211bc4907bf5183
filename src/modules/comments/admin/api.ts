/**
 * The moderation queues in the Admin API, for editors and admins (comments.moderate); the same
 * reads and decisions as the /admin/comments pages:
 *
 *   GET  /api/admin/comments?queue=&cursor=&limit=
 *   POST /api/admin/comments/:id/approve | reject | feature | unfeature
 *   PUT  /api/admin/readers/:id/standing
 *   GET/PATCH /api/admin/comments/stories/:id
 *
 * Refusals are the core's CommentsErrors, answered as `{ error }` JSON by the server.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, requireStaff, type Staff } from '../../accounts/index.js';
import { CommentsError } from '../errors.js';
import type { ReaderStanding } from '../moderation/types.js';
import type { StoryView } from '../stories.js';
import { DECISIONS, type Decision, type Moderation } from './moderation.js';
import { QUEUES, type QueueItem, type ReaderHistory } from './queues.js';
import { STANDING_KINDS, standingFrom } from './standing.js';

// Null first: the validator coerces types inside unions in order, and would turn null into 0 or "".
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Iso = Type.String({ format: 'date-time' });
const tags = ['comments'];

const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const QueueName = Type.Union(QUEUES.map((q) => Type.Literal(q)));
const StatusName = Type.Union(['pending', 'approved', 'rejected', 'deleted'].map((s) => Type.Literal(s)));
const KindName = Type.Union(STANDING_KINDS.map((s) => Type.Literal(s)));

const StandingSchema = Type.Object({ kind: KindName, message: Type.String(), until: Nullable(Iso) });
const ReaderSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  standing: StandingSchema,
  approvedCount: Type.Integer(),
  rejectedCount: Type.Integer(),
  pendingCount: Type.Integer(),
  recent: Type.Array(Type.Object({ id: Type.Integer(), status: StatusName, createdAt: Iso, excerpt: Type.String(), storyTitle: Type.String() }), {
    description: "The reader's latest comments, newest first, any status",
  }),
});
const StorySchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  open: Type.Boolean({ description: 'The open flag (a story past closesAt keeps it but takes no comments)' }),
  takingComments: Type.Boolean(),
  premoderated: Type.Boolean(),
  closesAt: Nullable(Iso),
  commentCount: Type.Integer(),
});
const ItemSchema = Type.Object({
  id: Type.Integer(),
  status: StatusName,
  parentId: Nullable(Type.Integer()),
  html: Type.String({ description: 'Sanitized when written; safe to show as HTML' }),
  createdAt: Iso,
  editedAt: Nullable(Iso),
  featured: Type.Boolean(),
  likeCount: Type.Integer(),
  reportCount: Type.Integer(),
  permalink: Type.String(),
  author: Type.Object({ id: Type.Integer(), name: Type.String() }),
  story: Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String(), open: Type.Boolean(), premoderated: Type.Boolean() }),
  reasons: Type.Array(Type.Object({ phase: Type.String(), action: Type.String(), reason: Type.String() }), { description: "The moderation pipeline's hold and reject reasons" }),
  reports: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() }), { description: 'Open reports by reason' }),
  reportDetails: Type.Array(Type.String()),
  reader: Nullable(ReaderSchema),
});
const QueueQuery = Type.Object(
  {
    queue: Type.Optional(QueueName),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const QueueResponse = Type.Object({
  queue: QueueName,
  items: Type.Array(ItemSchema),
  nextCursor: Nullable(Type.String()),
  counts: Type.Object({ pending: Type.Integer(), reported: Type.Integer() }),
});
const DecisionResponse = Type.Object({ changed: Type.Boolean(), comment: ItemSchema });
const RejectBody = Nullable(Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000, description: 'For the audit log' })) }, { additionalProperties: false }));
const StandingBody = Type.Object(
  {
    kind: KindName,
    message: Type.Optional(Type.String({ maxLength: 1000, description: 'Emailed to the reader; required for a warning' })),
    until: Type.Optional(Type.String({ maxLength: 40, description: 'With suspended: a date (its start, UTC) or ISO 8601 date-time; must be in the future' })),
  },
  { additionalProperties: false },
);
const StoryPatchBody = Type.Object(
  {
    open: Type.Optional(Type.Boolean()),
    premoderated: Type.Optional(Type.Boolean()),
    closesAt: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'ISO 8601 (or a date); null: never close automatically' }))),
  },
  { additionalProperties: false },
);

const iso = (ms: number) => new Date(ms).toISOString();

function standingJson(standing: ReaderStanding): Static<typeof StandingSchema> {
  return { kind: standing.kind, message: 'message' in standing ? standing.message : '', until: standing.kind === 'suspended' ? iso(standing.until) : null };
}

function readerJson(reader: ReaderHistory): Static<typeof ReaderSchema> {
  return {
    id: reader.id,
    name: reader.name,
    standing: standingJson(reader.standing),
    approvedCount: reader.approvedCount,
    rejectedCount: reader.rejectedCount,
    pendingCount: reader.pendingCount,
    recent: reader.recent.map((c) => ({ id: c.id, status: c.status, createdAt: iso(c.createdAt), excerpt: c.excerpt, storyTitle: c.storyTitle })),
  };
}

function itemJson(item: QueueItem, reader: ReaderHistory | null | undefined): Static<typeof ItemSchema> {
  return {
    id: item.id,
    status: item.status,
    parentId: item.parentId,
    html: item.html,
    createdAt: iso(item.createdAt),
    editedAt: item.editedAt === null ? null : iso(item.editedAt),
    featured: item.featured,
    likeCount: item.likeCount,
    reportCount: item.reportCount,
    permalink: `/comments/${item.id}`,
    author: item.author,
    story: item.story,
    reasons: item.reasons,
    reports: item.reports,
    reportDetails: item.reportDetails,
    reader: reader ? readerJson(reader) : null,
  };
}

function storyJson(story: { view: StoryView; open: boolean }): Static<typeof StorySchema> {
  const { view } = story;
  return {
    id: view.id,
    title: view.title,
    url: view.url,
    open: story.open,
    takingComments: view.open,
    premoderated: view.premoderated,
    closesAt: view.closesAt === null ? null : iso(view.closesAt),
    commentCount: view.commentCount,
  };
}

const SUMMARIES: Record<Decision, string> = {
  approve: 'Approve a comment (it appears under its story; a reply emails the author it answers)',
  reject: 'Reject a comment (it leaves the story; its reports are resolved)',
  feature: 'Feature an approved comment (pinned above its discussion; its author is emailed)',
  unfeature: 'Stop featuring a comment',
};

export async function registerModerationApi(app: FastifyInstance, moderation: Moderation, now: () => number): Promise<void> {
  const guard = requireStaff('comments.moderate');
  const actor = (request: FastifyRequest) => actorOf(request.staff as Staff);

  async function itemWithReader(id: number): Promise<Static<typeof ItemSchema>> {
    const item = await moderation.queues.item(id);
    if (!item) throw new CommentsError(404, 'There is no such comment.');
    return itemJson(item, await moderation.queues.history(item.author.id));
  }

  app.get<{ Querystring: Static<typeof QueueQuery> }>(
    '/api/admin/comments',
    {
      preHandler: guard,
      schema: {
        tags,
        summary: 'A moderation queue, keyset-paged: pending (oldest first), reported (most reported first), rejected or approved (newest first); each comment with its author’s history',
        querystring: QueueQuery,
        response: { 200: QueueResponse, ...errors },
      },
    },
    async (request, reply) => {
      const queue = request.query.queue ?? 'pending';
      const [page, counts] = await Promise.all([moderation.queues.page(queue, request.query.cursor || undefined, request.query.limit), moderation.queues.counts()]);
      return reply.header('cache-control', 'no-store').send({ queue, items: page.items.map((item) => itemJson(item, page.readers.get(item.author.id))), nextCursor: page.nextCursor, counts });
    },
  );

  for (const decision of DECISIONS) {
    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof RejectBody> | undefined }>(
      `/api/admin/comments/:id/${decision}`,
      {
        preHandler: guard,
        schema: {
          tags,
          summary: SUMMARIES[decision],
          params: IdParams,
          ...(decision === 'reject' ? { body: RejectBody } : {}),
          response: { 200: DecisionResponse, ...errors, 409: ErrorSchema },
        },
      },
      async (request, reply) => {
        const note = decision === 'reject' ? (request.body?.note ?? undefined) : undefined;
        const { changed } = await moderation.decide(actor(request), request.params.id, decision, note);
        return reply.header('cache-control', 'no-store').send({ changed, comment: await itemWithReader(request.params.id) });
      },
    );
  }

  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof StandingBody> }>(
    '/api/admin/readers/:id/standing',
    {
      preHandler: guard,
      schema: {
        tags,
        summary: "Set a reader's standing: warned, suspended (until), banned, or good again; the reader is emailed the message",
        params: IdParams,
        body: StandingBody,
        response: { 200: ReaderSchema, ...errors },
      },
    },
    async (request, reply) => {
      await moderation.setStanding(actor(request), request.params.id, standingFrom(request.body, now()));
      const reader = await moderation.queues.history(request.params.id);
      if (!reader) throw new CommentsError(404, 'There is no such reader.');
      return reply.header('cache-control', 'no-store').send(readerJson(reader));
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/admin/comments/stories/:id',
    { preHandler: guard, schema: { tags, summary: "A discussion's settings", params: IdParams, response: { 200: StorySchema, ...errors } } },
    async (request, reply) => {
      const story = await moderation.story(request.params.id);
      if (!story) throw new CommentsError(404, 'There is no such discussion.');
      return reply.header('cache-control', 'no-store').send(storyJson(story));
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof StoryPatchBody> }>(
    '/api/admin/comments/stories/:id',
    {
      preHandler: guard,
      schema: { tags, summary: 'Open or close a discussion, turn pre-moderation on or off, set when it closes by itself', params: IdParams, body: StoryPatchBody, response: { 200: StorySchema, ...errors } },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(storyJson(await moderation.updateStory(actor(request), request.params.id, request.body))),
  );
}
