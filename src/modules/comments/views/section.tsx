/**
 * The comments section under an article, complete without JavaScript: the count, sort links,
 * featured comments, the thread (each top-level comment with its first replies and a link to the
 * rest), a plain link to the next page, and a form that posts to /comments. The page is cached
 * and shared, so it is the same for everyone; the browser script (when it runs) adds inline
 * replies, likes and live arrivals on top of it, keyed by the data-* attributes below.
 */
import type { SiteContext } from '../../site/context.js';
import { displayDateTime, isoInZone } from '../../site/time.js';
import { arrangeReplies } from '../arrange.js';
import { commentSettings } from '../config.js';
import { sectionHref, type Notice } from '../page-query.js';
import type { SectionData } from '../service.js';
import type { CommentView, Sort, ThreadEntry } from '../types.js';

const SORT_LABELS: Record<Sort, string> = { newest: 'Newest', oldest: 'Oldest', liked: 'Most liked' };

const NOTICES: Record<Notice, string> = {
  approved: 'Thanks! Your comment is posted.',
  pending: 'Thanks! Your comment will appear once a moderator has approved it.',
  deleted: 'Your comment was deleted.',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function CommentsSection({ ctx, data, signInPath }: { ctx: SiteContext; data: SectionData; signInPath: string }) {
  const { page, query, articlePath } = data;
  const story = page.story;
  const href = (state: Parameters<typeof sectionHref>[1], anchor?: string) => sectionHref(articlePath, { sort: query.sort, ...state }, anchor);
  // The linked thread is shown first, so it is left out below (one element per comment id).
  const entries = data.focus ? page.entries.filter((e) => e.comment.id !== data.focus?.root.id) : page.entries;
  return (
    <section
      class="comments"
      id="comments"
      aria-labelledby="comments-heading"
      data-story={story.id}
      data-sort={page.sort}
      data-open={story.open ? '1' : '0'}
      data-path={articlePath}
      data-edit-minutes={commentSettings(ctx.settings).editWindowMinutes}
      data-zone={ctx.settings.timeZone}
      data-locale={ctx.settings.locale}
    >
      <h2 id="comments-heading">Comments</h2>
      <p class="comments-count" data-count={story.commentCount}>
        {story.commentCount === 0 ? 'No comments yet' : plural(story.commentCount, 'comment', 'comments')}
      </p>
      {query.notice ? (
        <p class="comments-notice" role="status">
          {NOTICES[query.notice]}
        </p>
      ) : null}
      {story.open ? (
        <CommentForm data={data} signInPath={signInPath} signedIn={ctx.visitor.signedIn} />
      ) : (
        <p class="comments-closed">{story.closedReason}</p>
      )}
      {story.commentCount > 0 || page.entries.length > 0 ? (
        <nav class="comments-sort" aria-label="Sort comments">
          {(Object.keys(SORT_LABELS) as Sort[]).map((sort) => (
            <a href={sectionHref(articlePath, { sort })} aria-current={sort === page.sort ? 'true' : undefined}>
              {SORT_LABELS[sort]}
            </a>
          ))}
        </nav>
      ) : null}
      {data.focusMissing ? <p class="comments-notice">That comment is no longer available.</p> : null}
      {data.focus ? (
        <section class="comments-focus" aria-label="The linked comment and its replies">
          <ol class="comment-thread">
            <Entry
              ctx={ctx}
              data={data}
              entry={{ comment: data.focus.root, replies: data.focus.items, moreReplies: 0, repliesCursor: null }}
              more={data.focus.nextCursor ? { href: href({ focus: data.focus.root.id, repliesCursor: data.focus.nextCursor }, `comment-${data.focus.root.id}`), label: 'More replies' } : null}
            />
          </ol>
          <p>
            <a href={href({})}>Show all comments</a>
          </p>
        </section>
      ) : null}
      {page.featured.length > 0 ? (
        <section class="comments-featured" aria-labelledby="comments-featured-heading">
          <h3 id="comments-featured-heading">Featured comments</h3>
          <ol class="comment-list">
            {page.featured.map((comment) => (
              <li>
                <Comment ctx={ctx} data={data} comment={comment} anchor={false} replyingTo={null} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {entries.length > 0 ? (
        <ol class="comment-thread">
          {entries.map((entry) => (
            <Entry
              ctx={ctx}
              data={data}
              entry={entry}
              more={entry.moreReplies > 0 ? { href: href({ focus: entry.comment.id }, `comment-${entry.comment.id}`), label: plural(entry.moreReplies, 'more reply', 'more replies') } : null}
            />
          ))}
        </ol>
      ) : story.commentCount === 0 && story.open ? (
        <p class="comments-empty">Start the conversation.</p>
      ) : null}
      {page.nextCursor ? (
        <p class="comments-more">
          <a rel="next" href={href({ cursor: page.nextCursor })} data-cursor={page.nextCursor}>
            Load more comments
          </a>
        </p>
      ) : null}
      <p class="comments-powered">Powered by StructureCMS Comments</p>
    </section>
  );
}

function Entry({ ctx, data, entry, more }: { ctx: SiteContext; data: SectionData; entry: ThreadEntry; more: { href: string; label: string } | null }) {
  const replies = arrangeReplies(entry.comment.id, entry.replies);
  return (
    <li class="comment-entry" data-root={entry.comment.id} data-reply-count={entry.comment.replyCount}>
      <Comment ctx={ctx} data={data} comment={entry.comment} anchor replyingTo={null} />
      {replies.length > 0 ? (
        <ol class="comment-replies">
          {replies.map((reply) => (
            <li class={`comment-depth-${reply.displayDepth}`}>
              <Comment ctx={ctx} data={data} comment={reply.comment} anchor replyingTo={reply.replyingTo} />
            </li>
          ))}
        </ol>
      ) : null}
      {more ? (
        <p class="comment-more-replies">
          <a href={more.href} data-replies-cursor={entry.repliesCursor ?? undefined}>
            {more.label}
          </a>
        </p>
      ) : null}
    </li>
  );
}

function Comment({ ctx, data, comment, anchor, replyingTo }: { ctx: SiteContext; data: SectionData; comment: CommentView; anchor: boolean; replyingTo: string | null }) {
  const { timeZone, locale } = ctx.settings;
  const deleted = comment.status === 'deleted' || comment.author === null;
  return (
    <article class={`comment${comment.featured ? ' comment-featured' : ''}`} id={anchor ? `comment-${comment.id}` : undefined} data-comment={comment.id} data-parent={comment.parentId ?? undefined} data-author={comment.author?.id} data-created={comment.createdAt}>
      <header class="comment-head">
        <span class="comment-author">{deleted ? '[deleted]' : comment.author?.name}</span>
        {!deleted && comment.author?.supporter ? <span class="comment-badge">Supporter</span> : null}
        {replyingTo ? <span class="comment-replying"> replying to {replyingTo}</span> : null}{' '}
        <a class="comment-time" href={sectionHref(data.articlePath, { focus: comment.rootId ?? comment.id }, `comment-${comment.id}`)}>
          <time datetime={isoInZone(comment.createdAt, timeZone)}>{displayDateTime(comment.createdAt, timeZone, locale)}</time>
        </a>
        {comment.editedAt !== null && !deleted ? <span class="comment-edited"> (edited)</span> : null}
      </header>
      {deleted ? (
        <p class="comment-body comment-deleted">This comment was deleted.</p>
      ) : (
        // Sanitized on write against a five-tag allow-list (text.ts).
        <div class="comment-body" dangerouslySetInnerHTML={{ __html: comment.html }} />
      )}
      {deleted ? null : (
        <footer class="comment-actions">
          <span class="comment-likes" data-likes={comment.likeCount}>
            {plural(comment.likeCount, 'like', 'likes')}
          </span>
          {data.page.story.open ? (
            <a class="comment-reply-link" rel="nofollow" href={sectionHref(data.articlePath, { sort: data.query.sort, replyTo: comment.id }, 'comment-form')}>
              Reply
            </a>
          ) : null}
        </footer>
      )}
    </article>
  );
}

/** `signedIn`: the page variant for signed-in visitors, which leaves out the sign-in button (no name: the page is shared by every signed-in reader). */
function CommentForm({ data, signInPath, signedIn }: { data: SectionData; signInPath: string; signedIn: boolean }) {
  const { replyTo, query, articlePath } = data;
  const form = query.form;
  const returnTo = replyTo ? sectionHref(articlePath, { replyTo: replyTo.id }, 'comment-form') : `${articlePath}#comments`;
  return (
    <>
      <form class="comment-form" id="comment-form" method="post" action="/comments">
        <input type="hidden" name="story" value={String(data.page.story.id)} />
        {query.sort !== 'newest' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {replyTo ? (
          <>
            <input type="hidden" name="parent" value={String(replyTo.id)} />
            <p class="comment-form-replying">
              Replying to {replyTo.author?.name ?? 'a comment'} · <a href={`${articlePath}#comment-form`}>Cancel</a>
            </p>
          </>
        ) : null}
        <label for="comment-text">{replyTo ? 'Your reply' : 'Join the discussion'}</label>
        <textarea id="comment-text" name="text" rows={4} required aria-describedby={form ? 'comment-form-error comment-form-hint' : 'comment-form-hint'}>
          {form?.text ?? ''}
        </textarea>
        {form ? (
          <p class="comment-form-error" id="comment-form-error" role="alert">
            {form.error}
          </p>
        ) : null}
        <p class="comment-form-hint" id="comment-form-hint">
          Plain text; *italics*, **bold**, [links](https://…) and &gt; quotes work.
        </p>
        <button class="button" type="submit">
          Post
        </button>
      </form>
      {signedIn ? null : (
        <p class="comments-signin">
          <a class="button button-secondary" href={`${signInPath}?return=${encodeURIComponent(returnTo)}`}>
            Sign in to comment
          </a>
        </p>
      )}
    </>
  );
}
