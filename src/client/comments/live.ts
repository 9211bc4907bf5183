/**
 * New comments as they are approved, over Server-Sent Events (/comments/stream). They are not
 * pushed into the text under the reader's eyes: a "3 new comments" button gathers them, and a
 * click puts them in place. Edits, deletions, featuring and like counts change in place at once.
 */
import type { CommentView, ThreadPage } from '../../modules/comments/types.js';
import { call } from './api.js';
import { all, el, focusOn, one, plural } from './dom.js';
import { showEntry } from './paging.js';
import { addFeatured, bumpCount, copiesOf, entryOf, inThread, placeReply, removeComment, removeFeatured, setLikes, updateComment, type Thread } from './thread.js';

export function startLive(t: Thread): void {
  if (typeof EventSource !== 'function') return;
  const waiting = new Map<number, CommentView>();
  const button = el('button', { type: 'button', class: 'button comments-new', hidden: '' });
  const bar = el('div', { class: 'comments-live', role: 'status' }, button);
  // Beside the "N comments" line (see comments.css).
  t.section.insertBefore(bar, one(t.section, ':scope > .comments-count') ?? t.section.firstElementChild?.nextElementSibling ?? null);

  const update = () => {
    button.hidden = waiting.size === 0;
    button.textContent = plural(waiting.size, 'new comment', 'new comments');
  };
  t.seen = (id) => {
    if (waiting.delete(id)) update();
  };

  /** Waits for the reader's click, if the reader would see it: top-level, or under a comment shown here. */
  const arrived = (v: CommentView) => {
    if (inThread(t, v.id) || (v.parentId !== null && !entryOf(t, v.rootId ?? v.parentId))) return;
    waiting.set(v.id, v);
    update();
  };

  button.addEventListener('click', () => {
    const list = [...waiting.values()].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    waiting.clear();
    update();
    const shown: HTMLElement[] = [];
    for (const v of list) {
      if (inThread(t, v.id)) continue;
      // Newest first puts each at the top; the other orders add them at the end of what is loaded.
      const article = v.parentId === null ? showEntry(t, { comment: v, replies: [], moreReplies: 0, repliesCursor: null }, t.sort === 'newest') : placeReply(t, v, true);
      if (article) {
        article.classList.add('comment-arrived');
        shown.push(article);
      }
    }
    void t.learnLiked(shown.map((a) => Number(a.dataset.comment)));
    bumpCount(t, list.length);
    setTimeout(() => shown.forEach((a) => a.classList.remove('comment-arrived')), 2500);
    t.say(`${plural(list.length, 'new comment', 'new comments')} shown.`);
    const first = shown.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    if (first) focusOn(first);
  });

  /** After a gap the server could not fill: whatever is newer than the newest comment here. */
  async function catchUp(): Promise<void> {
    const newest = Math.max(0, ...all(t.section, 'article[data-created]').map((a) => Number(a.dataset.created)));
    const answer = await call<ThreadPage>('GET', `/api/comments?story=${t.story}`);
    for (const entry of answer.data?.entries ?? []) {
      for (const v of [entry.comment, ...entry.replies]) if (v.status === 'approved' && v.createdAt > newest) arrived(v);
    }
  }

  let source: EventSource | null = null;
  const on = <T>(name: string, act: (data: T) => void) =>
    source?.addEventListener(name, (event) => {
      try {
        act(JSON.parse((event as MessageEvent<string>).data) as T);
      } catch {
        // Not ours to show: ignore.
      }
    });
  const connect = () => {
    source = new EventSource(`/comments/stream?story=${t.story}`);
    on<{ comment: CommentView }>('approved', ({ comment }) => arrived(comment));
    on<{ comment: CommentView }>('edited', ({ comment }) => {
      if (waiting.has(comment.id)) waiting.set(comment.id, comment);
      updateComment(t, comment);
    });
    on<{ commentId: number; comment: CommentView | null }>('deleted', ({ commentId, comment }) => {
      t.seen(commentId);
      if (copiesOf(t, commentId).length > 0 && removeComment(t, commentId, comment !== null)) bumpCount(t, -1);
    });
    on<{ comment: CommentView }>('featured', ({ comment }) => addFeatured(t, comment));
    on<{ commentId: number }>('unfeatured', ({ commentId }) => removeFeatured(t, commentId));
    on<{ commentId: number; likeCount: number }>('likes', ({ commentId, likeCount }) => setLikes(t, commentId, likeCount));
    on('resync', () => void catchUp());
  };
  connect();
  // An open stream keeps a page out of the back/forward cache: close it on the way out, reopen on return.
  addEventListener('pagehide', () => source?.close());
  addEventListener('pageshow', (event) => {
    if (event.persisted) {
      connect();
      void catchUp();
    }
  });
}
