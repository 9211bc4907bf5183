/**
 * Posting and editing: check who and where, render the text, run the moderation pipeline, and
 * store the comment as approved or pending, or refuse with the pipeline's reason (400, 403, or 429
 * with Retry-After). Counters move in the same transaction as the status they count.
 */
import { askAhead, moderate } from './moderation/pipeline.js';
import type { CommentCandidate, Decision, ModerationHistory, PhaseContext } from './moderation/types.js';
import { CommentsError, noSuchComment } from './errors.js';
import { isSupporter } from './badges.js';
import { statusChanged } from './counters.js';
import { toView } from './listing.js';
import { storeNewComment, type NewComment } from './new-comment.js';
import { COMMENTS_QUEUED } from './events.js';
import { queueNotice } from './notice-jobs.js';
import { moderationHistory } from './history.js';
import { countApproval, readerRecord, type ReaderRecord } from './standing.js';
import { publishedArticle, publishedArticleWithStory, storyById, storyForArticle, storyView, type StoryRow } from './stories.js';
import { addressHash, renderCommentText, type RenderedText } from './text.js';
import type { Commenter, Shared } from './deps.js';
import type { CommentView } from './types.js';

export interface PostInput {
  /** The discussion: a story id, or an article id (its story is made if it has none yet). */
  storyId?: number;
  articleId?: number;
  parentId?: number | null;
  text: unknown;
}

export interface PostResult {
  comment: CommentView;
  /** 'pending': held for a moderator; the reader is told so. */
  status: 'approved' | 'pending';
  message: string;
  /** A moderator's warning to this reader, shown with the answer (their comments still post). */
  warning: string | null;
}

const HELD_MESSAGE = 'Thanks! Your comment will appear once a moderator has approved it.';
const POSTED_MESSAGE = 'Your comment is posted.';

/** Readers must have confirmed their address before they write; staff are vouched for. */
export function ensureMayWrite(who: Commenter | null): asserts who is Commenter {
  if (!who) throw new CommentsError(401, 'Sign in to comment.');
  if (who.role === 'reader' && who.emailVerifiedAt === null) {
    throw new CommentsError(403, 'Confirm your email address first: follow the link in the message we sent when you signed up.');
  }
}

/** Who writes what, from where and when: the part of the pipeline's context known before any read. */
interface Draft {
  who: Commenter;
  rendered: RenderedText;
  address: string;
  now: number;
  history: ModerationHistory;
}

function context(shared: Shared, draft: Draft, story: CommentCandidate['story'], record: ReaderRecord): PhaseContext {
  const { who, rendered, address, now, history } = draft;
  return {
    comment: {
      text: rendered.text,
      links: rendered.links,
      // Staff are vouched for by the newsroom that made their accounts: never held as new readers.
      reader: { id: who.id, createdAt: who.createdAt, approvedCount: record.approvedCount, standing: record.standing, staff: who.role !== 'reader' },
      story,
      addressHash: address,
      now,
    },
    settings: shared.settings().moderation,
    history,
  };
}

/** What the post does not know until its reads return is assumed plain: an open story, a reader in good standing. */
const PROVISIONAL_STORY: CommentCandidate['story'] = { id: 0, open: true, closedReason: null, premoderated: false };
const PROVISIONAL_RECORD: ReaderRecord = { standing: { kind: 'good' }, approvedCount: 0 };

function draftOf(shared: Shared, who: Commenter, text: unknown, address: string, excludeId: number | null): Draft {
  return { who, rendered: renderCommentText(text), address: addressHash(address, shared.deps.secret), now: shared.deps.now(), history: moderationHistory(shared.k, excludeId) };
}

async function judge(shared: Shared, draft: Draft, story: StoryRow, record: ReaderRecord): Promise<{ decision: Decision; warning: string | null }> {
  const view = storyView(story, draft.now);
  const warning = record.standing.kind === 'warned' ? record.standing.message || 'A moderator has warned you about your comments.' : null;
  const decision = await moderate(shared.phases, context(shared, draft, { id: story.id, open: view.open, closedReason: view.closedReason, premoderated: view.premoderated }, record));
  return { decision, warning };
}

function refuse(decision: Decision): never {
  const verdict = decision.verdict;
  if (verdict.action !== 'reject') throw new Error('refuse() called for a verdict that is not a rejection');
  const headers: Record<string, string> = verdict.status === 429 ? { 'retry-after': String(Math.max(1, Math.ceil(verdict.retryAfterSeconds ?? 60))) } : {};
  throw new CommentsError(verdict.status, verdict.reason, headers);
}

async function resolveStory(shared: Shared, input: PostInput): Promise<StoryRow> {
  const { k, deps } = shared;
  if (input.articleId !== undefined) {
    if (!Number.isSafeInteger(input.articleId)) throw new CommentsError(404, 'There is no published article to comment on here.');
    const found = await publishedArticleWithStory(k, input.articleId);
    if (!found) throw new CommentsError(404, 'There is no published article to comment on here.');
    return storyForArticle(k, found.article, `${deps.publicUrl}${found.article.path}`, shared.settings(), deps.now(), found.story);
  }
  if (input.storyId === undefined || !Number.isSafeInteger(input.storyId)) throw new CommentsError(400, 'Say which discussion the comment is for (storyId or articleId).');
  const story = await storyById(k, input.storyId);
  // A story whose article was unpublished takes no comments: its page is gone.
  if (!story || (story.article_id !== null && !(await publishedArticle(k, story.article_id)))) throw new CommentsError(404, 'There is no such discussion.');
  return story;
}

/** The comment replied to, with its author's name (the reply shows "replying to <name>"); read beside the story. */
async function parentRow(shared: Shared, parentId: number | null | undefined) {
  if (parentId === undefined || parentId === null) return null;
  if (!Number.isSafeInteger(parentId)) return undefined;
  return shared.k
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.story_id', 'c.root_id', 'c.depth', 'c.user_id', 'c.status', 'u.name as author_name'])
    .where('c.id', '=', parentId)
    .executeTakeFirst();
}

type ParentRow = NonNullable<Awaited<ReturnType<typeof parentRow>>>;

function checkParent(story: StoryRow, parent: ParentRow | null | undefined): ParentRow | null {
  if (parent === null) return null;
  if (!parent || parent.story_id !== story.id) throw new CommentsError(400, 'The comment you are replying to is not part of this discussion.');
  if (parent.status === 'deleted') throw new CommentsError(400, 'The comment you are replying to was deleted, so it cannot take replies.');
  if (parent.status !== 'approved') throw new CommentsError(400, 'The comment you are replying to is not published, so it cannot take replies.');
  return parent;
}

export async function post(shared: Shared, who: Commenter | null, input: PostInput, meta: { address: string }): Promise<PostResult> {
  ensureMayWrite(who);
  const { k, deps } = shared;
  const draft = draftOf(shared, who, input.text, meta.address, null);
  // Everything a post needs to know is read at once, the moderation's questions included: one
  // wait instead of several on PostgreSQL.
  askAhead(shared.phases, context(shared, draft, PROVISIONAL_STORY, PROVISIONAL_RECORD));
  const [story, record, found, supporter] = await Promise.all([
    resolveStory(shared, input),
    readerRecord(k, who.id),
    parentRow(shared, input.parentId),
    isSupporter(deps.supporters, who.id),
  ]);
  const parent = checkParent(story, found);
  const { rendered, address } = draft;
  const { decision, warning } = await judge(shared, draft, story, record);
  if (decision.verdict.action === 'reject') refuse(decision);
  const status = decision.verdict.action === 'hold' ? 'pending' : 'approved';
  const values: NewComment = {
    story_id: story.id,
    parent_id: parent?.id ?? null,
    root_id: parent ? (parent.root_id ?? parent.id) : null,
    depth: parent ? parent.depth + 1 : 0,
    reply_to_user_id: parent?.user_id ?? null,
    user_id: who.id,
    body_text: rendered.text,
    body_html: rendered.html,
    text_hash: rendered.hash,
    address_hash: address,
    status,
    moderation_reasons: JSON.stringify(decision.reasons),
    created_at: draft.now,
  };
  const { id, countChanged } = await storeNewComment(shared, values);
  if (status === 'approved') shared.announce.changed(story, { storyId: story.id, commentId: id, kind: 'approved' }, countChanged);
  else shared.announce.tell(COMMENTS_QUEUED, { storyId: story.id, commentId: id });
  // The view is built from what was just written rather than read back: two round trips fewer.
  const comment = toView({ ...values, id, author_name: who.name, reply_to_name: parent?.author_name ?? null, featured_at: null, like_count: 0, reply_count: 0, edited_at: null });
  if (supporter && comment.author) comment.author.supporter = true;
  return { comment, status, message: status === 'approved' ? POSTED_MESSAGE : HELD_MESSAGE, warning };
}

/** The reader's own comment, or 404 whether it is someone else's or does not exist (nothing leaks). */
async function ownComment(shared: Shared, who: Commenter, commentId: number) {
  if (!Number.isSafeInteger(commentId)) throw noSuchComment();
  const row = await shared.k.selectFrom('comments').selectAll().where('id', '=', commentId).where('user_id', '=', who.id).executeTakeFirst();
  if (!row || row.status === 'deleted') throw noSuchComment();
  return row;
}

export async function edit(shared: Shared, who: Commenter | null, commentId: number, text: unknown, meta: { address: string }): Promise<PostResult> {
  ensureMayWrite(who);
  const { k, deps } = shared;
  const row = await ownComment(shared, who, commentId);
  if (row.status === 'rejected') throw new CommentsError(403, 'A moderator removed this comment, so it can no longer be edited.');
  const windowMinutes = shared.settings().editWindowMinutes;
  if (deps.now() - row.created_at > windowMinutes * 60_000) {
    throw new CommentsError(403, `Comments can be edited for ${windowMinutes} minutes after posting; this one can no longer be changed.`);
  }
  const story = await storyById(k, row.story_id);
  if (!story) throw noSuchComment();
  const draft = draftOf(shared, who, text, meta.address, row.id);
  const { rendered } = draft;
  const { decision, warning } = await judge(shared, draft, story, await readerRecord(k, who.id));
  if (decision.verdict.action === 'reject') refuse(decision);
  const status = decision.verdict.action === 'hold' ? 'pending' : 'approved';
  const at = deps.now();
  const changed = await k.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('comments')
      .set({ body_text: rendered.text, body_html: rendered.html, text_hash: rendered.hash, status, moderation_reasons: JSON.stringify(decision.reasons), edited_at: at })
      // Only from the status read above: a moderator's decision in between wins.
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new CommentsError(409, 'This comment changed while you were editing it. Reload the page and try again.');
    if (row.status !== 'approved' && status === 'approved') {
      await countApproval(trx, who.id, 1, at);
      // A held reply the edit made publishable: its author learns of it now.
      if (row.parent_id !== null) await queueNotice(deps.jobs, trx, 'reply', row.id);
    }
    return statusChanged(trx, row, row.status, status);
  });
  if (row.status === 'approved' || status === 'approved') {
    shared.announce.changed(story, { storyId: story.id, commentId: row.id, kind: 'edited' }, changed.countChanged);
  }
  if (status === 'pending' && row.status !== 'pending') shared.announce.tell(COMMENTS_QUEUED, { storyId: story.id, commentId: row.id });
  const comment = await shared.listing.comment(row.id);
  if (!comment) throw noSuchComment();
  return { comment, status, message: status === 'approved' ? 'Your comment is updated.' : HELD_MESSAGE, warning };
}

/**
 * Deleting one's own comment: it becomes "[deleted]" when it has replies (they keep their place),
 * and is removed otherwise, together with any placeholders left with nothing under them.
 */
export async function remove(shared: Shared, who: Commenter | null, commentId: number): Promise<{ outcome: 'placeholder' | 'removed' }> {
  if (!who) throw new CommentsError(401, 'Sign in to manage your comments.');
  const row = await ownComment(shared, who, commentId);
  // A removed comment stays as the moderators left it: it is part of the reader's history.
  if (row.status === 'rejected') throw new CommentsError(403, 'A moderator removed this comment already.');
  return removeRow(shared, row);
}

type CommentRow = Awaited<ReturnType<typeof ownComment>>;

/** Removes a comment whoever asks (its author, or the erasure of their account); see `remove`. */
export async function removeRow(shared: Shared, row: CommentRow): Promise<{ outcome: 'placeholder' | 'removed' }> {
  const { k, deps } = shared;
  const at = deps.now();
  const result = await k.transaction().execute(async (trx) => {
    const hasReplies = await trx.selectFrom('comments').select('id').where('parent_id', '=', row.id).limit(1).executeTakeFirst();
    if (hasReplies) {
      await trx.deleteFrom('comment_reactions').where('comment_id', '=', row.id).execute();
      await trx
        .updateTable('comments')
        .set({ status: 'deleted', body_text: '', body_html: '', deleted_at: at, featured_at: null, like_count: 0 })
        .where('id', '=', row.id)
        .execute();
      const counted = await statusChanged(trx, row, row.status, 'deleted');
      return { outcome: 'placeholder' as const, countChanged: counted.countChanged };
    }
    await trx.deleteFrom('comments').where('id', '=', row.id).execute();
    const counted = await statusChanged(trx, row, row.status, 'none');
    // A "[deleted]" parent kept only for this reply goes too (and so on up the thread).
    let parentId = row.parent_id;
    while (parentId !== null) {
      const parent = await trx.selectFrom('comments').select(['id', 'story_id', 'root_id', 'parent_id', 'status']).where('id', '=', parentId).executeTakeFirst();
      if (!parent || parent.status !== 'deleted') break;
      const others = await trx.selectFrom('comments').select('id').where('parent_id', '=', parent.id).limit(1).executeTakeFirst();
      if (others) break;
      await trx.deleteFrom('comments').where('id', '=', parent.id).execute();
      await statusChanged(trx, parent, 'deleted', 'none');
      parentId = parent.parent_id;
    }
    return { outcome: 'removed' as const, countChanged: counted.countChanged };
  });
  if (row.status === 'approved' || result.outcome === 'placeholder') {
    const story = await storyById(k, row.story_id);
    if (story) shared.announce.changed(story, { storyId: story.id, commentId: row.id, kind: 'deleted' }, result.countChanged);
  }
  return { outcome: result.outcome };
}
