/**
 * The comments service: one object with everything other parts of the app do with comments —
 * the article page and the JSON API read threads, readers post, edit, delete, like and report,
 * moderators decide. Each group lives in its own file; this one wires them to shared state.
 */
import type { Actor } from '../audit/index.js';
import { commentSettings } from './config.js';
import { CommentsError } from './errors.js';
import type { CommentsDeps, Commenter, Shared } from './deps.js';
import { createAnnouncer } from './events.js';
import { createListing } from './listing.js';
import { approve, changeStanding, reject, setFeatured, updateStory, type StoryPatch } from './moderator.js';
import type { ReaderStanding } from './moderation/types.js';
import { phases as pipelinePhases } from './moderation/phases/index.js';
import type { SectionQuery } from './page-query.js';
import { edit, post, remove, type PostInput, type PostResult } from './posting.js';
import { commentsPersonalData } from './personal-data.js';
import { withSupporterBadges } from './badges.js';
import { embedStoryPath } from './embed.js';
import type { PersonalDataSource } from '../privacy/personal-data.js';
import { like, likedAmong, report, unlike } from './reactions.js';
import { readerRecord, type ReaderRecord } from './standing.js';
import { publishedArticle, publishedArticleWithStory, storyById, storyForArticle, storyForPage, storyView, type ArticleRef, type StoryRow, type StoryView } from './stories.js';
import type { CommentView, RepliesPage, Sort, ThreadListing, ThreadPage } from './types.js';

export interface ThreadOptions {
  sort?: Sort;
  /** nextCursor of the previous page. */
  cursor?: string;
}

/** Everything the article page's comments section shows. */
export interface SectionData {
  articlePath: string;
  query: SectionQuery;
  page: ThreadPage;
  /** ?comment=<id>: that comment's thread, shown first. */
  focus: RepliesPage | null;
  /** ?comment=<id> named a comment that is not (or no longer) visible here. */
  focusMissing: boolean;
  /** ?reply=<id>: the comment the form answers. */
  replyTo: CommentView | null;
}

export interface CommentsService {
  // Reading (public).
  thread(storyId: number, options?: ThreadOptions): Promise<ThreadPage | null>;
  threadForArticle(article: ArticleRef, options?: ThreadOptions): Promise<ThreadPage>;
  /** By article id: null unless the article is published. */
  threadForArticleId(articleId: number, options?: ThreadOptions): Promise<ThreadPage | null>;
  replies(rootId: number, cursor?: string): Promise<RepliesPage | null>;
  /** A comment readers may see (approved, or a "[deleted]" placeholder), else null. */
  comment(id: number): Promise<CommentView | null>;
  story(storyId: number): Promise<StoryView | null>;
  /** Where a discussion is read: its article's path, or its embed frame's; null if gone. */
  storyPath(storyId: number): Promise<string | null>;
  /** The article's story, made with the publication's defaults if it has none yet. */
  storyForArticle(article: ArticleRef): Promise<StoryView>;
  /** The story of a page elsewhere (embeds), by canonical URL; the caller checks the origin is allowed. */
  storyForPage(page: { url: string; title: string }): Promise<StoryView>;
  /** Approved comments per article (articles without a story are left out: zero). */
  counts(articleIds: number[]): Promise<Map<number, number>>;
  /** Where a comment lives: its article's path with #comment-<id> (and ?comment=<id> to show its thread first). */
  permalink(id: number): Promise<string | null>;
  section(article: ArticleRef, query: SectionQuery): Promise<SectionData>;

  // Readers.
  post(who: Commenter | null, input: PostInput, meta: { address: string }): Promise<PostResult>;
  edit(who: Commenter | null, id: number, text: unknown, meta: { address: string }): Promise<PostResult>;
  remove(who: Commenter | null, id: number): Promise<{ outcome: 'placeholder' | 'removed' }>;
  /** The reader's comments, likes and reports, for data export and account deletion. */
  readonly personalData: PersonalDataSource;
  like(who: Commenter | null, id: number): Promise<{ liked: true; likeCount: number }>;
  unlike(who: Commenter | null, id: number): Promise<{ liked: false; likeCount: number }>;
  liked(who: Commenter, ids: number[]): Promise<number[]>;
  report(who: Commenter | null, id: number, input: { reason: unknown; detail?: unknown }): Promise<{ reported: true }>;

  // Moderators (the admin queues); every decision is audited.
  approve(actor: Actor, id: number): Promise<{ changed: boolean }>;
  reject(actor: Actor, id: number, note?: string): Promise<{ changed: boolean }>;
  feature(actor: Actor, id: number): Promise<void>;
  unfeature(actor: Actor, id: number): Promise<void>;
  standing(userId: number): Promise<ReaderRecord>;
  setStanding(actor: Actor, userId: number, standing: ReaderStanding): Promise<void>;
  updateStory(actor: Actor, storyId: number, patch: StoryPatch): Promise<StoryView>;
}

const isVisible = (c: CommentView | null): c is CommentView => c !== null && (c.status === 'approved' || c.status === 'deleted');

export function createCommentsService(deps: CommentsDeps): CommentsService {
  const k = deps.db.kysely;
  const settings = () => commentSettings(deps.settings.get());
  const shared: Shared = {
    k,
    deps,
    settings,
    listing: withSupporterBadges(createListing(deps.db, deps.secret), deps.supporters),
    announce: createAnnouncer(deps.purge, deps.publish),
    phases: deps.phases ?? pipelinePhases,
  };
  const { listing } = shared;
  const articleStory = (article: ArticleRef, known?: StoryRow | null) => storyForArticle(k, article, `${deps.publicUrl}${article.path}`, settings(), deps.now(), known);
  const withStory = (story: StoryRow, listed: ThreadListing): ThreadPage => ({ story: storyView(story, deps.now()), ...listed });
  const threadOf = async (story: StoryRow, options: { sort?: Sort; cursor?: string }) => withStory(story, await listing.thread(story.id, options.sort ?? 'newest', options.cursor));
  const visible = async (id: number) => {
    const found = Number.isSafeInteger(id) ? await listing.comment(id) : null;
    return isVisible(found) ? found : null;
  };

  return {
    async thread(storyId, options = {}) {
      if (!Number.isSafeInteger(storyId)) return null;
      // The story and its first page are read together (the page needs only the id).
      const [story, listed] = await Promise.all([storyById(k, storyId), listing.thread(storyId, options.sort ?? 'newest', options.cursor)]);
      return story ? withStory(story, listed) : null;
    },
    async threadForArticle(article, options = {}) {
      return threadOf(await articleStory(article), options);
    },
    async threadForArticleId(articleId, options = {}) {
      if (!Number.isSafeInteger(articleId)) return null;
      const found = await publishedArticleWithStory(k, articleId);
      return found ? threadOf(await articleStory(found.article, found.story), options) : null;
    },
    replies: (rootId, cursor) => (Number.isSafeInteger(rootId) ? listing.replies(rootId, cursor) : Promise.resolve(null)),
    comment: visible,
    async story(storyId) {
      const row = Number.isSafeInteger(storyId) ? await storyById(k, storyId) : null;
      return row ? storyView(row, deps.now()) : null;
    },
    async storyPath(storyId) {
      const story = Number.isSafeInteger(storyId) ? await storyById(k, storyId) : null;
      if (!story) return null;
      // A discussion framed on another site lives at its frame's address.
      if (story.article_id === null) return embedStoryPath(story.id);
      return (await publishedArticle(k, story.article_id))?.path ?? null;
    },
    storyForArticle: async (article) => storyView(await articleStory(article), deps.now()),
    async storyForPage(page) {
      if (page.url.length > 2048 || !/^https?:\/\/[^/\s]+/u.test(page.url)) throw new CommentsError(400, 'The page address must be an http(s) URL of at most 2048 characters.');
      return storyView(await storyForPage(k, page, settings(), deps.now()), deps.now());
    },
    async counts(articleIds) {
      const ids = [...new Set(articleIds)];
      if (ids.length === 0) return new Map();
      const rows = await k.selectFrom('comment_stories').select(['article_id', 'comment_count']).where('article_id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.article_id ?? 0, r.comment_count]));
    },
    async permalink(id) {
      const comment = await visible(id);
      if (!comment) return null;
      const story = await storyById(k, comment.storyId);
      if (!story) return null;
      const article = story.article_id === null ? null : await publishedArticle(k, story.article_id);
      if (story.article_id !== null && !article) return null;
      const base = article ? article.path : story.url.replace(/#.*$/u, '');
      const separator = base.includes('?') ? '&' : '?';
      return `${base}${separator}comment=${comment.id}#comment-${comment.id}`;
    },
    async section(article, query) {
      const story = await articleStory(article);
      const page = withStory(story, await listing.thread(story.id, query.sort, query.cursor));
      let focus: RepliesPage | null = null;
      let focusMissing = false;
      if (query.focus !== undefined) {
        const target = await visible(query.focus);
        focus = target && target.storyId === story.id ? await listing.replies(target.rootId ?? target.id, query.repliesCursor) : null;
        focusMissing = focus === null;
      }
      const parentId = query.form?.parentId ?? query.replyTo;
      const replyTarget = parentId === undefined || parentId === null ? null : await visible(parentId);
      const replyTo = replyTarget && replyTarget.storyId === story.id && replyTarget.status === 'approved' ? replyTarget : null;
      return { articlePath: article.path, query, page, focus, focusMissing, replyTo };
    },

    post: (who, input, meta) => post(shared, who, input, meta),
    edit: (who, id, text, meta) => edit(shared, who, id, text, meta),
    remove: (who, id) => remove(shared, who, id),
    like: (who, id) => like(shared, who, id),
    unlike: (who, id) => unlike(shared, who, id),
    liked: (who, ids) => likedAmong(shared, who, ids),
    report: (who, id, input) => report(shared, who, id, input),

    approve: (actor, id) => approve(shared, actor, id),
    reject: (actor, id, note) => reject(shared, actor, id, note),
    feature: (actor, id) => setFeatured(shared, actor, id, true),
    unfeature: (actor, id) => setFeatured(shared, actor, id, false),
    standing: (userId) => readerRecord(k, userId),
    setStanding: (actor, userId, standing) => changeStanding(shared, actor, userId, standing),
    updateStory: (actor, storyId, patch) => updateStory(shared, actor, storyId, patch),
    personalData: commentsPersonalData(shared),
  };
}
