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
 *   window writes the audit log or sends article.updated, so webhooks are not fired every few
 *   seconds while someone types in a live article.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { actorOf, can, type Staff } from '../accounts/index.js';
import { systemActor, type Actor, type AuditLog } from '../audit/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { MediaService } from '../media/service.js';
import { cursors, CursorError } from '../api/cursor.js';
import { checkDoc, wordCount, type Block, type Doc } from './body-schema.js';
import type { ArticleEvents, ArticleEventType } from './events.js';
import { htmlToDoc, MAX_HTML_LENGTH } from './html-to-doc.js';
import { createEditLocks, type EditLocks, type LockHolder } from './locks.js';
import { mediaIdsIn } from './render-body.js';
import { createRevisions, type Revisions, type Snapshot } from './revisions.js';
import type { ArticleStatus, NoteKind, PublishingTables } from './tables.js';
import { articlePath, type ArticleListItem, type ArticleView, type LockView, type NoteView } from './types.js';
import { PublishingError, type ArticleInput, type PublishingCommands } from './write.js';

export type AuthorRef = string | { slug: string; role?: string | null };
export type TimeInput = string | number | null;

/** The fields of POST /api/admin/articles; PATCH takes any subset. */
export interface ArticleFields {
  headline?: string;
  standfirst?: string;
  slug?: string;
  html?: string;
  body?: unknown;
  section?: string;
  tags?: string[];
  authors?: AuthorRef[];
  dateline?: string | null;
  heroImage?: number | null;
  status?: ArticleStatus;
  publishAt?: TimeInput;
  unpublishAt?: TimeInput;
  embargoUntil?: TimeInput;
  seoTitle?: string | null;
  seoDescription?: string | null;
  socialTitle?: string | null;
  socialDescription?: string | null;
}

export interface PatchFields extends ArticleFields {
  expectedModifiedAt?: number;
  autosave?: boolean;
}

export interface ListQuery {
  status?: ArticleStatus;
  section?: string;
  author?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** 423: someone else holds the edit lock. */
export class LockedError extends PublishingError {
  constructor(readonly holder: LockHolder) {
    super(`${holder.name} is editing this article.`, undefined, 423);
  }
}

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
  lock(staff: Staff, id: number, takeOver: boolean): Promise<LockView>;
  unlock(staff: Staff, id: number): Promise<void>;
  /** Throws 404 unless the staff member may see the article (preview links, and the like). */
  assertVisible(staff: Staff, id: number): Promise<void>;
  /** The scheduler's entry points (jobs article.publish and article.unpublish); idempotent. */
  publishScheduled(payload: { articleId: number; publishAt: number }): Promise<void>;
  unpublishScheduled(payload: { articleId: number; unpublishAt: number }): Promise<void>;
}

type Row = Selectable<PublishingTables['articles']>;

const LIVE: ArticleStatus[] = ['scheduled', 'published', 'unpublished'];
const NEXT: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['draft', 'review', 'scheduled', 'published'],
  review: ['draft', 'review', 'scheduled', 'published'],
  scheduled: ['draft', 'review', 'scheduled', 'published'],
  published: ['published', 'unpublished'],
  unpublished: ['unpublished', 'draft', 'review', 'scheduled', 'published'],
};

const fail = (message: string, field?: string, status = 400): never => {
  throw new PublishingError(message, field, status);
};
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/iu;

/** ISO 8601 with an offset, or epoch ms; null clears; undefined leaves as is. */
export function parseTime(value: TimeInput | undefined, field: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail(`${field}: must be an ISO 8601 time or milliseconds since 1970.`, field);
    return value;
  }
  if (!ISO_WITH_OFFSET.test(value.trim())) fail(`${field}: must be an ISO 8601 time with a time zone offset, such as 2026-12-01T09:00:00+01:00.`, field);
  const ms = Date.parse(value.trim());
  if (!Number.isFinite(ms)) fail(`${field}: is not a real date.`, field);
  return ms;
}

const rawHtmlBlocks = (doc: Doc) => JSON.stringify(doc.content.filter((b) => b.type === 'rawHtml'));
const readingMinutes = (words: number) => (words === 0 ? 0 : Math.max(1, Math.round(words / 230)));

export function createArticleWorkflow(deps: WorkflowDeps): ArticleWorkflow {
  const k = deps.db.kysely;
  const locks: EditLocks = createEditLocks(deps.db);
  const history: Revisions = createRevisions(deps.db);
  const listCursors = cursors(deps.secret, 'admin.articles');

  async function load(id: number): Promise<Row | undefined> {
    return k.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function isOwn(staff: Staff, row: Row): Promise<boolean> {
    if (staff.via === 'key') return staff.keyId !== null && row.created_by_key === staff.keyId;
    if (staff.id !== null && row.created_by_user === staff.id) return true;
    if (staff.id === null) return false;
    const byline = await k
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select('aa.author_id')
      .where('aa.article_id', '=', row.id)
      .where('au.user_id', '=', staff.id)
      .executeTakeFirst();
    return byline !== undefined;
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

  function toDoc(input: ArticleFields): Doc | undefined {
    if (input.html !== undefined && input.body !== undefined) fail('Send the body as html or as body (block JSON), not both.', 'body');
    if (input.html !== undefined) {
      if (input.html.length > MAX_HTML_LENGTH) fail('html: is larger than 1 MB.', 'html', 413);
      return htmlToDoc(input.html, { publicUrl: deps.publicUrl });
    }
    if (input.body !== undefined) {
      const problem = checkDoc(input.body)[0];
      if (problem) fail(`body: does not fit the block schema at ${problem.path}: ${problem.message}.`, 'body');
      return input.body as Doc;
    }
    return undefined;
  }

  function checkRawHtml(staff: Staff, doc: Doc | undefined, stored: Doc | null): void {
    if (!doc || can(staff.role, 'article.raw-html')) return;
    const before = stored ? rawHtmlBlocks(stored) : '[]';
    if (rawHtmlBlocks(doc) !== before) fail('Only editors may add or change raw HTML blocks.', 'body', 403);
  }

  async function checkMedia(doc: Doc | undefined, hero: number | null | undefined): Promise<void> {
    const ids = [...(doc ? mediaIdsIn(doc) : []), ...(hero ? [hero] : [])];
    if (ids.length === 0) return;
    const found = await deps.media.getMany([...new Set(ids)]);
    if (hero && !found.has(hero)) fail(`heroImage: there is no media item ${hero}.`, 'heroImage');
    for (const id of ids) if (!found.has(id)) fail(`body: there is no media item ${id} (an image block refers to it).`, 'body');
  }

  /** Every picture readers see needs a text alternative before it goes live. */
  async function checkAltText(doc: Doc, hero: number | null): Promise<void> {
    const images = doc.content.flatMap((block, index) => (block.type === 'image' ? [{ block, index }] : []));
    const media = await deps.media.getMany([...new Set([...images.map((i) => i.block.attrs.mediaId), ...(hero ? [hero] : [])])]);
    if (hero) {
      const item = media.get(hero);
      if (!item) fail(`heroImage: there is no media item ${hero}.`, 'heroImage');
      else if (!item.alt.trim()) fail(`The hero image (media ${hero}) needs alt text before publishing: add it in the media library.`, 'heroImage');
    }
    for (const { block, index } of images) {
      const item = media.get(block.attrs.mediaId);
      const alt = block.attrs.alt?.trim() || item?.alt.trim();
      if (!alt) {
        const name = block.attrs.caption?.trim() ? `"${block.attrs.caption.trim().slice(0, 60)}"` : `media ${block.attrs.mediaId}`;
        fail(`The image ${name} (block ${index + 1}) needs alt text before publishing.`, 'body');
      }
    }
  }

  interface Plan {
    target: ArticleStatus;
    statusChanged: boolean;
    publishAt: number | null;
    publishAtChanged: boolean;
    unpublishAt: number | null;
    unpublishAtChanged: boolean;
    embargoUntil: number | null;
    embargoChanged: boolean;
    body: Doc;
    hero: number | null;
  }

  async function checkPlan(plan: Plan, now: number): Promise<void> {
    const { target, embargoUntil } = plan;
    if (target === 'scheduled') {
      if (plan.publishAt === null) fail('publishAt: scheduling needs a publishAt time.', 'publishAt');
      else {
        if ((plan.statusChanged || plan.publishAtChanged) && plan.publishAt <= now) fail('publishAt: must be in the future to schedule.', 'publishAt');
        if (embargoUntil !== null && plan.publishAt < embargoUntil) fail(`publishAt: the article is embargoed until ${iso(embargoUntil)}.`, 'publishAt');
      }
    }
    if (target === 'published' && (plan.statusChanged || plan.embargoChanged) && embargoUntil !== null && now < embargoUntil) {
      fail(`The article is embargoed until ${iso(embargoUntil)}.`, 'embargoUntil');
    }
    if ((target === 'scheduled' || target === 'published') && plan.unpublishAtChanged && plan.unpublishAt !== null) {
      const start = target === 'scheduled' ? (plan.publishAt ?? now) : now;
      if (plan.unpublishAt <= start) fail('unpublishAt: must be after the article goes live.', 'unpublishAt');
    }
    if (target === 'scheduled' || target === 'published') await checkAltText(plan.body, plan.hero);
  }

  function authorsOf(refs: AuthorRef[]): ArticleInput['authors'] {
    return refs.map((a) => (typeof a === 'string' ? { slug: a } : { slug: a.slug, role: a.role ?? null }));
  }

  async function sectionSlugOf(row: Row): Promise<{ slug: string; name: string }> {
    return k.selectFrom('sections').select(['slug', 'name']).where('id', '=', row.section_id).executeTakeFirstOrThrow();
  }

  async function urlOf(row: Row): Promise<string> {
    return `${deps.publicUrl}${articlePath((await sectionSlugOf(row)).slug, row.slug)}`;
  }

  function snapshot(row: Row): Snapshot {
    return {
      headline: row.headline,
      standfirst: row.standfirst,
      body: JSON.parse(row.body) as Doc,
      metadata: {
        slug: row.slug,
        status: row.status,
        dateline: row.dateline,
        heroImage: row.hero_media_id,
        seoTitle: row.seo_title,
        seoDescription: row.seo_description,
        socialTitle: row.social_title,
        socialDescription: row.social_description,
      },
    };
  }

  /** Keeps the publish/unpublish jobs in step with the article's schedule. */
  async function syncJobs(before: Row | null, after: Row): Promise<void> {
    const publishKey = `article.publish:${after.id}`;
    const unpublishKey = `article.unpublish:${after.id}`;
    if (after.status === 'scheduled' && after.publish_at !== null) {
      if (!before || before.status !== 'scheduled' || before.publish_at !== after.publish_at) {
        await deps.jobs.enqueue('article.publish', { articleId: after.id, publishAt: after.publish_at }, { runAt: after.publish_at, key: publishKey });
      }
    } else if (before?.status === 'scheduled') await deps.jobs.cancel(publishKey);
    const wantsUnpublish = (after.status === 'scheduled' || after.status === 'published') && after.unpublish_at !== null;
    const hadUnpublish = before !== null && (before.status === 'scheduled' || before.status === 'published') && before.unpublish_at !== null;
    if (wantsUnpublish && after.unpublish_at !== null) {
      if (!hadUnpublish || before?.unpublish_at !== after.unpublish_at) {
        await deps.jobs.enqueue('article.unpublish', { articleId: after.id, unpublishAt: after.unpublish_at }, { runAt: after.unpublish_at, key: unpublishKey });
      }
    } else if (hadUnpublish) await deps.jobs.cancel(unpublishKey);
  }

  async function emit(type: ArticleEventType, row: Row): Promise<void> {
    await deps.articleEvents.emit({ type, articleId: row.id, slug: row.slug, headline: row.headline, url: await urlOf(row), at: deps.now() });
  }

  /** The event a status change means for the outside world, if any. */
  function eventFor(before: ArticleStatus | null, after: ArticleStatus): ArticleEventType | null {
    if (after === 'published') return before === 'published' ? 'article.updated' : 'article.published';
    if (before === 'published') return 'article.unpublished';
    return null;
  }

  function actionFor(before: ArticleStatus | null, after: ArticleStatus): string {
    if (before === after) return 'article.update';
    if (after === 'published') return 'article.publish';
    if (after === 'scheduled') return 'article.schedule';
    if (after === 'unpublished' || before === 'published') return 'article.unpublish';
    return 'article.update';
  }

  async function view(row: Row): Promise<ArticleView> {
    const now = deps.now();
    const [section, authors, tags, notes, lock, creator] = await Promise.all([
      sectionSlugOf(row),
      k
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['au.slug', 'au.name', 'aa.role_label'])
        .where('aa.article_id', '=', row.id)
        .orderBy('aa.position')
        .execute(),
      k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.slug').where('at.article_id', '=', row.id).orderBy('t.slug').execute(),
      k.selectFrom('article_notes').select(['id', 'kind', 'body', 'created_at']).where('article_id', '=', row.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
      locks.current(row.id, now),
      row.created_by_user !== null
        ? k.selectFrom('users').select('name').where('id', '=', row.created_by_user).executeTakeFirst()
        : row.created_by_key !== null
          ? k.selectFrom('api_keys').select('name').where('id', '=', row.created_by_key).executeTakeFirst().then((r) => (r ? { name: `API key "${r.name}"` } : undefined))
          : Promise.resolve(undefined),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      status: row.status,
      section,
      authors: authors.map((a) => ({ slug: a.slug, name: a.name, role: a.role_label })),
      tags: tags.map((t) => t.slug),
      dateline: row.dateline,
      heroImage: row.hero_media_id,
      body: JSON.parse(row.body) as Doc,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      socialTitle: row.social_title,
      socialDescription: row.social_description,
      publishAt: iso(row.publish_at),
      unpublishAt: iso(row.unpublish_at),
      embargoUntil: iso(row.embargo_until),
      publishedAt: iso(row.published_at),
      updatedAt: iso(row.updated_at),
      modifiedAt: row.modified_at,
      wordCount: row.word_count,
      readingMinutes: readingMinutes(row.word_count),
      url: row.status === 'published' ? `${deps.publicUrl}${articlePath(section.slug, row.slug)}` : null,
      createdBy: creator ? { name: creator.name } : null,
      notes: notes.map(noteView),
      lock: lockView(lock),
    };
  }

  const noteView = (n: { id: number; kind: NoteKind; body: string; created_at: number }): NoteView => ({ id: n.id, kind: n.kind, body: n.body, at: new Date(n.created_at).toISOString() });
  const lockView = (l: LockHolder | null | undefined): LockView | null => (l ? { userId: l.userId, name: l.name, expiresAt: new Date(l.expiresAt).toISOString() } : null);

  async function checkLock(staff: Staff, id: number, now: number): Promise<void> {
    const holder = await locks.current(id, now);
    if (holder && (staff.via === 'key' || holder.userId !== staff.id)) throw new LockedError(holder);
  }

  /** The shared save path of PATCH and restore. */
  async function save(staff: Staff, id: number, patch: PatchFields, action?: string): Promise<ArticleView> {
    const { row: before, own } = await visible(staff, id);
    const now = deps.now();
    await checkLock(staff, id, now);
    const target = patch.status ?? before.status;
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

  return {
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

    async list(staff, query) {
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      let q = k
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.slug', 'a.headline', 'a.status', 'a.publish_at', 'a.published_at', 'a.modified_at', 'a.word_count', 's.slug as section_slug', 's.name as section_name']);
      if (query.status) q = q.where('a.status', '=', query.status);
      if (query.section) q = q.where('s.slug', '=', query.section);
      if (query.author) {
        const slug = query.author;
        q = q.where((eb) =>
          eb.exists(eb.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('au.slug', '=', slug)),
        );
      }
      if (query.q?.trim()) {
        const pattern = `%${query.q.trim().toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
        q = q.where(sql<boolean>`lower(a.headline) like ${pattern} escape '\\'`);
      }
      if (!can(staff.role, 'article.edit.any')) {
        if (staff.via === 'key') q = q.where('a.created_by_key', '=', staff.keyId ?? -1);
        else {
          const userId = staff.id ?? -1;
          q = q.where((eb) =>
            eb.or([
              eb('a.created_by_user', '=', userId),
              eb.exists(eb.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('au.user_id', '=', userId)),
            ]),
          );
        }
      }
      if (query.cursor) {
        let key: (string | number)[];
        try {
          key = listCursors.decode(query.cursor, ['number', 'number']);
        } catch (error) {
          if (error instanceof CursorError) return fail(error.message, 'cursor');
          throw error;
        }
        const [modifiedAt, lastId] = key as [number, number];
        q = q.where((eb) => eb.or([eb('a.modified_at', '<', modifiedAt), eb.and([eb('a.modified_at', '=', modifiedAt), eb('a.id', '<', lastId)])]));
      }
      const rows = await q.orderBy('a.modified_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const ids = page.map((r) => r.id);
      const [bylines, held] = await Promise.all([
        ids.length
          ? k
              .selectFrom('article_authors as aa')
              .innerJoin('authors as au', 'au.id', 'aa.author_id')
              .select(['aa.article_id', 'au.slug', 'au.name', 'aa.role_label'])
              .where('aa.article_id', 'in', ids)
              .orderBy('aa.position')
              .execute()
          : Promise.resolve([]),
        locks.currentMany(ids, deps.now()),
      ]);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => ({
          id: r.id,
          slug: r.slug,
          headline: r.headline,
          status: r.status,
          section: { slug: r.section_slug, name: r.section_name },
          authors: bylines.filter((b) => b.article_id === r.id).map((b) => ({ slug: b.slug, name: b.name, role: b.role_label })),
          publishAt: iso(r.publish_at),
          publishedAt: iso(r.published_at),
          modifiedAt: r.modified_at,
          wordCount: r.word_count,
          lock: lockView(held.get(r.id)),
        })),
        nextCursor: rows.length > limit && last ? listCursors.encode([last.modified_at, last.id]) : null,
      };
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
        },
        'article.restore',
      );
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
