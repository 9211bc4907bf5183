/**
 * The publishing workflow behind the Admin API (and the scheduler): who may do what to which
 * article, the status rules (draft → review → scheduled → published → unpublished), embargoes,
 * alt text before publishing, revisions, edit locks, and the side effects of every change — jobs,
 * audit entries, cache purges (through the write commands) and article events after commit.
 *
 * Rules, in one place:
 * - Contributors create drafts, edit their own drafts and submit them for review. Once in review
 *   the article belongs to the desk: a contributor can no longer change it (an editor can send it
 *   back to draft).
 * - Authors do everything to their own articles: schedule, publish, edit while live, unpublish.
 * - Editors do everything to every article; deleting, corrections and raw HTML are theirs alone.
 * - "Own" is: created by this person (or this API key), or bylined to an author linked to them.
 *   Someone else's article answers 404 for people who cannot see it, so ids cannot be probed.
 * - Autosaves coalesce into one revision per person per 5 minutes; only the first autosave of a
 *   window writes the audit log or sends article.updated.
 * - A save of a published article with `workingCopy: true` (the editor's autosaves and "Save
 *   changes") goes to its working copy, off the site; Update takes it live (working-copy.ts).
 */
import type { Database } from '../../db/database.js';
import { actorOf, can, type Staff } from '../accounts/index.js';
import { systemActor, type Actor, type AuditLog } from '../audit/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { MediaService } from '../media/service.js';
import { createArticleList } from './article-list.js';
import { createArticleViews, lockView, noteView, snapshot, type ArticleRow as Row } from './article-views.js';
import type { Block, Doc } from './body-schema.js';
import type { ArticleEvents, ArticleEventType } from './events.js';
import { createEditLocks, LockedError, type EditLocks } from './locks.js';

export { LockedError };
import { syncArticleJobs } from './scheduler.js';
import { createWorkflowChecks, type Plan } from './workflow-checks.js';
import { createRevisions, type Revisions, type Snapshot } from './revisions.js';
import type { ArticleStatus, NoteKind } from './tables.js';
import type { ArticleListItem, ArticleView, LockView, NoteView } from './types.js';
import { actionFor, authorsOf, eventFor, fail, iso, LIVE, NEXT, parseTime, type ArticleFields, type ListQuery, type PatchFields } from './workflow-rules.js';
import { createWorkingCopies, workingCopyFieldsOf, workingCopySnapshot, type WorkingCopies } from './working-copy.js';
import { PublishingError, validateArticleInput, type ArticleInput, type PublishingCommands } from './write.js';

export interface WorkflowDeps {
  db: Database;
  publicUrl: string;
  now: () => number;
  /** Signs list cursors. */
  secret: string;
  audit: AuditLog;
  jobs: JobQueue;
  media: MediaService;
  publishing: PublishingCommands;
  articleEvents: ArticleEvents;
}

export interface ArticleWorkflow {
  create(staff: Staff, input: ArticleFields): Promise<{ id: number; slug: string; status: ArticleStatus; url: string | null }>;
  get(staff: Staff, id: number): Promise<ArticleView>;
  list(staff: Staff, query: ListQuery): Promise<{ items: ArticleListItem[]; nextCursor: string | null }>;
  update(staff: Staff, id: number, patch: PatchFields): Promise<ArticleView>;
  remove(staff: Staff, id: number): Promise<void>;
  addNote(staff: Staff, id: number, note: { kind: NoteKind; body: string }): Promise<NoteView>;
  revisions(staff: Staff, id: number): Promise<{ items: { id: number; at: string; actor: string; autosave: boolean; headline: string }[] }>;
  revision(staff: Staff, id: number, revisionId: number): Promise<{ revision: Awaited<ReturnType<Revisions['get']>> & object; current: Snapshot }>;
  restore(staff: Staff, id: number, revisionId: number): Promise<ArticleView>;
  /** Update: takes a published article's working copy live (409 when the live version moved on). */
  publishWorkingCopy(staff: Staff, id: number, expectedModifiedAt?: number): Promise<ArticleView>;
  discardWorkingCopy(staff: Staff, id: number): Promise<ArticleView>;
  lock(staff: Staff, id: number, takeOver: boolean): Promise<LockView>;
  unlock(staff: Staff, id: number): Promise<void>;
  /** Throws 404 unless the staff member may see the article (preview links, and the like). */
  assertVisible(staff: Staff, id: number): Promise<void>;
  /** The scheduler's entry points (jobs article.publish and article.unpublish); idempotent. */
  publishScheduled(payload: { articleId: number; publishAt: number }): Promise<void>;
  unpublishScheduled(payload: { articleId: number; unpublishAt: number }): Promise<void>;
}

export function createArticleWorkflow(deps: WorkflowDeps): ArticleWorkflow {
  const k = deps.db.kysely;
  const locks: EditLocks = createEditLocks(deps.db);
  const history: Revisions = createRevisions(deps.db);
  const copies: WorkingCopies = createWorkingCopies(deps.db);
  const { view, urlOf } = createArticleViews({ db: deps.db, publicUrl: deps.publicUrl, now: deps.now, locks, copies });
  const list = createArticleList({ db: deps.db, now: deps.now, secret: deps.secret, locks });

  async function load(id: number): Promise<Row | undefined> {
    return k.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The article, if this person may see it; 404 otherwise (never 403: ids must not be probeable). */
  async function visible(staff: Staff, id: number): Promise<{ row: Row; own: boolean }> {
    const row = await load(id);
    if (!row) return fail('There is no such article.', undefined, 404);
    const own = await isOwn(staff, row);
    if (!own && !can(staff.role, 'article.edit.any')) fail('There is no such article.', undefined, 404);
    return { row, own };
  }

  const mayPublish = (staff: Staff, own: boolean) => can(staff.role, 'article.publish.any') || (own && can(staff.role, 'article.publish.own'));

  const { toDoc, checkRawHtml, checkMedia, checkAltText, checkPlan, checkReferences, isOwn } = createWorkflowChecks({ db: deps.db, media: deps.media, publicUrl: deps.publicUrl });
  const syncJobs = (before: Row | null, after: Row) => syncArticleJobs(deps.jobs, before, after);

  async function emit(type: ArticleEventType, row: Row): Promise<void> {
    await deps.articleEvents.emit({ type, articleId: row.id, slug: row.slug, headline: row.headline, url: await urlOf(row), at: deps.now() });
  }

  async function checkLock(staff: Staff, id: number, now: number): Promise<void> {
    const holder = await locks.current(id, now);
    if (holder && (staff.via === 'key' || holder.userId !== staff.id)) throw new LockedError(holder);
  }

  /**
   * The shared save path of PATCH, restore and Update. A working copy is folded into a direct
   * save when the article is not (or stops being) live, or when Update applies it.
   */
  async function save(staff: Staff, id: number, request: PatchFields, action?: string, applyWorkingCopy = false): Promise<ArticleView> {
    const { row: before, own } = await visible(staff, id);
    const now = deps.now();
    await checkLock(staff, id, now);
    const target = request.status ?? before.status;
    const statusChanged = target !== before.status;
    if (!NEXT[before.status].includes(target)) {
      fail(before.status === 'published' ? 'status: a published article is unpublished first.' : `status: cannot go from ${before.status} to ${target}.`, 'status');
    }
    // Contributors: their own drafts only, and only as far as review.
    if (!can(staff.role, 'article.edit.any') && !can(staff.role, 'article.publish.own')) {
      if (before.status !== 'draft') fail('This article is with the editors now; only an editor can change it.', undefined, 403);
    }
    const touchesLive = LIVE.includes(target) || LIVE.includes(before.status);
    if (touchesLive && !mayPublish(staff, own)) fail('Your role does not allow scheduling, publishing or changing published articles.', 'status', 403);
    if (before.status === 'published' && target === 'published' && request.workingCopy === true && !applyWorkingCopy) {
      return saveWorkingCopy(staff, before, request, action, now);
    }
    const copy = await copies.get(id);
    const fold = copy !== null && (applyWorkingCopy || before.status !== 'published' || target !== 'published');
    if (applyWorkingCopy && !copy) fail('This article has no unpublished changes to publish.', undefined, 404);
    const patch: PatchFields = fold && copy ? { ...copy.fields, ...(request.html !== undefined ? { body: undefined } : {}), ...request } : request;

    const storedBody = JSON.parse(before.body) as Doc;
    const body = toDoc(patch);
    checkRawHtml(staff, body, storedBody);
    const publishAt = parseTime(patch.publishAt, 'publishAt');
    const unpublishAt = parseTime(patch.unpublishAt, 'unpublishAt');
    const embargoUntil = parseTime(patch.embargoUntil, 'embargoUntil');
    await checkMedia(body, patch.heroImage);
    const plan: Plan = {
      target,
      statusChanged,
      publishAt: publishAt === undefined ? before.publish_at : publishAt,
      publishAtChanged: publishAt !== undefined && publishAt !== before.publish_at,
      unpublishAt: unpublishAt === undefined ? before.unpublish_at : unpublishAt,
      unpublishAtChanged: unpublishAt !== undefined && unpublishAt !== before.unpublish_at,
      embargoUntil: embargoUntil === undefined ? before.embargo_until : embargoUntil,
      embargoChanged: embargoUntil !== undefined && embargoUntil !== before.embargo_until,
      body: body ?? storedBody,
      hero: patch.heroImage === undefined ? before.hero_media_id : patch.heroImage,
    };
    await checkPlan(plan, now);

    const input: Partial<ArticleInput> = {
      ...(patch.headline !== undefined ? { headline: patch.headline } : {}),
      ...(patch.standfirst !== undefined ? { standfirst: patch.standfirst } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(body ? { body } : {}),
      ...(patch.section !== undefined ? { sectionSlug: patch.section } : {}),
      ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
      ...(patch.authors !== undefined ? { authors: authorsOf(patch.authors) } : {}),
      ...(patch.dateline !== undefined ? { dateline: patch.dateline } : {}),
      ...(patch.heroImage !== undefined ? { heroMediaId: patch.heroImage } : {}),
      ...(patch.seoTitle !== undefined ? { seoTitle: patch.seoTitle } : {}),
      ...(patch.seoDescription !== undefined ? { seoDescription: patch.seoDescription } : {}),
      ...(patch.socialTitle !== undefined ? { socialTitle: patch.socialTitle } : {}),
      ...(patch.socialDescription !== undefined ? { socialDescription: patch.socialDescription } : {}),
      ...(publishAt !== undefined ? { publishAt } : {}),
      ...(unpublishAt !== undefined ? { unpublishAt } : {}),
      ...(embargoUntil !== undefined ? { embargoUntil } : {}),
      ...(statusChanged ? { status: target } : {}),
    };
    await deps.publishing.updateArticle(id, input, { now, ...(patch.expectedModifiedAt !== undefined ? { expectedModifiedAt: patch.expectedModifiedAt } : {}) });
    if (fold) await copies.clear(id);
    const after = (await load(id)) as Row;
    const actor = actorOf(staff);
    const autosave = patch.autosave === true && !action;
    const newRevision = await history.record(id, actor, snapshot(after), { autosave, at: now });
    await syncJobs(before, after);
    if (!autosave || newRevision) {
      await deps.audit.record(actor, action ?? actionFor(before.status, after.status), { type: 'article', id }, { status: after.status, ...(statusChanged ? { from: before.status } : {}) });
      const event = eventFor(before.status, after.status);
      if (event) await emit(event, after);
    }
    return view(after);
  }

  /** Edits to a live article that stay off the site until Update: checked like any save, then stored aside. */
  async function saveWorkingCopy(staff: Staff, before: Row, patch: PatchFields, action: string | undefined, now: number): Promise<ArticleView> {
    if (patch.expectedModifiedAt !== undefined && patch.expectedModifiedAt !== before.modified_at) {
      fail('Someone else saved this article since you opened it; reload to see their changes.', 'expectedModifiedAt', 409);
    }
    const body = toDoc(patch);
    checkRawHtml(staff, body, JSON.parse(before.body) as Doc);
    for (const name of ['publishAt', 'unpublishAt', 'embargoUntil'] as const) parseTime(patch[name], name);
    validateArticleInput({
      ...(patch.headline !== undefined ? { headline: patch.headline } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(body ? { body } : {}),
    });
    await checkMedia(body, patch.heroImage);
    await checkReferences(patch);
    const actor = actorOf(staff);
    const copy = await copies.save(before.id, workingCopyFieldsOf(patch, body), actor, now);
    const autosave = patch.autosave === true && !action;
    await history.record(before.id, actor, workingCopySnapshot(snapshot(before), copy.fields), { autosave, at: now });
    if (!autosave) await deps.audit.record(actor, action ?? 'article.working-copy.save', { type: 'article', id: before.id }, { status: before.status });
    return view(before);
  }

  return {
    list,

    async create(staff, input) {
      const now = deps.now();
      const status = input.status ?? 'draft';
      if (!(['draft', 'review', 'scheduled', 'published'] as ArticleStatus[]).includes(status)) fail('status: a new article is draft, review, scheduled or published.', 'status');
      if (LIVE.includes(status) && !mayPublish(staff, true)) fail('Your role does not allow scheduling or publishing; save a draft or send it for review.', 'status', 403);
      if (input.headline === undefined) fail('headline: is required', 'headline');
      if (input.section === undefined) fail('section: is required', 'section');
      if (!input.authors?.length) fail('authors: an article needs at least one author.', 'authors');
      const body = toDoc(input) ?? { type: 'doc', content: [] as Block[] };
      checkRawHtml(staff, body, null);
      const publishAt = parseTime(input.publishAt, 'publishAt') ?? null;
      const unpublishAt = parseTime(input.unpublishAt, 'unpublishAt') ?? null;
      const embargoUntil = parseTime(input.embargoUntil, 'embargoUntil') ?? null;
      await checkMedia(body, input.heroImage);
      await checkPlan(
        { target: status, statusChanged: true, publishAt, publishAtChanged: true, unpublishAt, unpublishAtChanged: true, embargoUntil, embargoChanged: true, body, hero: input.heroImage ?? null },
        now,
      );
      const created = await deps.publishing.createArticle({
        headline: input.headline as string,
        standfirst: input.standfirst,
        slug: input.slug,
        sectionSlug: input.section as string,
        body,
        authors: authorsOf(input.authors ?? []),
        tags: input.tags,
        dateline: input.dateline,
        heroMediaId: input.heroImage ?? null,
        status,
        seoTitle: input.seoTitle,
        seoDescription: input.seoDescription,
        socialTitle: input.socialTitle,
        socialDescription: input.socialDescription,
        publishAt,
        unpublishAt,
        embargoUntil,
        createdByUser: staff.via === 'session' ? staff.id : null,
        createdByKey: staff.via === 'key' ? staff.keyId : null,
      });
      const row = (await load(created.id)) as Row;
      const actor = actorOf(staff);
      await history.record(row.id, actor, snapshot(row), { autosave: false, at: now });
      await syncJobs(null, row);
      await deps.audit.record(actor, 'article.create', { type: 'article', id: row.id }, { slug: row.slug, status });
      if (status === 'published' || status === 'scheduled') await deps.audit.record(actor, actionFor(null, status), { type: 'article', id: row.id }, { status });
      const url = status === 'published' ? await urlOf(row) : null;
      if (status === 'published') await emit('article.published', row);
      return { id: row.id, slug: row.slug, status, url };
    },

    async get(staff, id) {
      return view((await visible(staff, id)).row);
    },

    update: (staff, id, patch) => save(staff, id, patch),

    async remove(staff, id) {
      const { row } = await visible(staff, id);
      await checkLock(staff, id, deps.now());
      const url = await urlOf(row);
      await deps.jobs.cancel(`article.publish:${id}`);
      await deps.jobs.cancel(`article.unpublish:${id}`);
      await deps.publishing.deleteArticle(id);
      await deps.audit.record(actorOf(staff), 'article.delete', { type: 'article', id }, { slug: row.slug, headline: row.headline, status: row.status });
      if (row.status === 'published') await deps.articleEvents.emit({ type: 'article.unpublished', articleId: id, slug: row.slug, headline: row.headline, url, at: deps.now() });
    },

    async addNote(staff, id, note) {
      const { row } = await visible(staff, id);
      await deps.publishing.addNote(id, { kind: note.kind, body: note.body, at: deps.now() });
      const created = await k.selectFrom('article_notes').select(['id', 'kind', 'body', 'created_at']).where('article_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      await deps.audit.record(actorOf(staff), 'article.note', { type: 'article', id }, { kind: note.kind, noteId: created.id });
      if (row.status === 'published') await emit('article.updated', (await load(id)) as Row);
      return noteView(created);
    },

    async revisions(staff, id) {
      await visible(staff, id);
      const items = await history.list(id);
      return { items: items.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
    },

    async revision(staff, id, revisionId) {
      const { row } = await visible(staff, id);
      const revision = await history.get(id, revisionId);
      if (!revision) return fail('There is no such revision of this article.', undefined, 404);
      return { revision, current: snapshot(row) };
    },

    async restore(staff, id, revisionId) {
      await visible(staff, id);
      const revision = await history.get(id, revisionId);
      if (!revision) return fail('There is no such revision of this article.', undefined, 404);
      const m = revision.metadata;
      return save(
        staff,
        id,
        {
          headline: revision.headline,
          standfirst: revision.standfirst,
          body: revision.body,
          dateline: m.dateline,
          heroImage: m.heroImage,
          seoTitle: m.seoTitle,
          seoDescription: m.seoDescription,
          socialTitle: m.socialTitle,
          socialDescription: m.socialDescription,
          // A live article gets the old version as its working copy: readers see it after Update.
          workingCopy: true,
        },
        'article.restore',
      );
    },

    publishWorkingCopy: (staff, id, expectedModifiedAt) => save(staff, id, expectedModifiedAt === undefined ? {} : { expectedModifiedAt }, 'article.update', true),

    async discardWorkingCopy(staff, id) {
      const { row, own } = await visible(staff, id);
      await checkLock(staff, id, deps.now());
      if (!mayPublish(staff, own)) fail('Your role does not allow changing published articles.', undefined, 403);
      if (!(await copies.clear(id))) fail('This article has no unpublished changes to discard.', undefined, 404);
      await deps.audit.record(actorOf(staff), 'article.working-copy.discard', { type: 'article', id });
      return view(row);
    },

    async lock(staff, id, takeOver) {
      await visible(staff, id);
      if (staff.via === 'key' || staff.id === null) return fail('Edit locks belong to people signed in to the editor; API keys cannot hold them.', undefined, 403);
      const result = await locks.acquire(id, { id: staff.id, name: staff.name || staff.email || `user ${staff.id}` }, deps.now(), takeOver);
      if ('refused' in result) throw new LockedError(result.refused);
      if (result.tookOver) await deps.audit.record(actorOf(staff), 'article.lock.takeover', { type: 'article', id });
      return lockView(result.held) as LockView;
    },

    async unlock(staff, id) {
      await visible(staff, id);
      if (staff.id !== null && staff.via === 'session') await locks.release(id, staff.id);
    },

    async assertVisible(staff, id) {
      await visible(staff, id);
    },

    async publishScheduled({ articleId, publishAt }) {
      const before = await load(articleId);
      // Idempotent: a re-scheduled, published, unscheduled or deleted article is left alone.
      if (!before || before.status !== 'scheduled' || before.publish_at !== publishAt) return;
      const now = deps.now();
      if (before.embargo_until !== null && now < before.embargo_until) throw new Error(`article ${articleId} is embargoed until ${iso(before.embargo_until)}`);
      await checkAltText(JSON.parse(before.body) as Doc, before.hero_media_id);
      await deps.publishing.updateArticle(articleId, { status: 'published' }, { now, expectedModifiedAt: before.modified_at });
      const after = (await load(articleId)) as Row;
      const actor: Actor = systemActor();
      await history.record(articleId, actor, snapshot(after), { autosave: false, at: now });
      await syncJobs(before, after);
      await deps.audit.record(actor, 'article.publish', { type: 'article', id: articleId }, { status: 'published', from: 'scheduled', scheduledFor: iso(publishAt) });
      await emit('article.published', after);
    },

    async unpublishScheduled({ articleId, unpublishAt }) {
      const before = await load(articleId);
      if (!before || before.unpublish_at !== unpublishAt || (before.status !== 'published' && before.status !== 'scheduled')) return;
      const now = deps.now();
      await deps.publishing.updateArticle(articleId, { status: 'unpublished' }, { now, expectedModifiedAt: before.modified_at });
      const after = (await load(articleId)) as Row;
      const actor: Actor = systemActor();
      await history.record(articleId, actor, snapshot(after), { autosave: false, at: now });
      await syncJobs(before, after);
      await deps.audit.record(actor, 'article.unpublish', { type: 'article', id: articleId }, { status: 'unpublished', from: before.status });
      if (before.status === 'published') await emit('article.unpublished', after);
    },
  };
}
