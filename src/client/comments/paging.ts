/**
 * "Load more comments" and "N more replies", fetched in place: the server's links (which work
 * without JavaScript) become buttons that ask the JSON API for the next page.
 */
import type { RepliesPage, ThreadEntry, ThreadPage } from '../../modules/comments/types.js';
import { call } from './api.js';
import { all, busy, el, focusOn, one, plural } from './dom.js';
import { addEntry, inThread, placeReply, type Thread } from './thread.js';

/** Turns a link into a button with the same words, keeping its data-* (cursors). */
function buttonFor(link: HTMLElement): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'comments-more-button' }, link.textContent ?? '');
  Object.assign(button.dataset, link.dataset);
  link.replaceWith(button);
  return button;
}

/** Shows a top-level comment with its first replies; its "more replies" becomes a button. */
export function showEntry(t: Thread, entry: ThreadEntry, atTop: boolean): HTMLElement {
  const article = addEntry(t, entry, atTop);
  const more = article.parentElement && one(article.parentElement, ':scope > .comment-more-replies');
  if (more) moreReplies(t, more);
  return article;
}

function failed(t: Thread, button: HTMLButtonElement, error: string): void {
  busy(button, false);
  t.say(error);
  let note = button.nextElementSibling;
  if (!note?.matches('.comment-note')) button.after((note = el('span', { class: 'comment-note comment-note-error', role: 'alert' })));
  note.textContent = error;
}

function done(button: HTMLButtonElement): void {
  busy(button, false);
  const note = button.nextElementSibling;
  if (note?.matches('.comment-note')) note.remove();
}

export function loadMore(t: Thread): void {
  const link = one(t.section, ':scope > .comments-more [data-cursor]');
  if (!link) return;
  const button = buttonFor(link);
  button.addEventListener('click', async () => {
    if (!busy(button, true)) return;
    const params = new URLSearchParams({ story: String(t.story), sort: t.sort, cursor: button.dataset.cursor ?? '' });
    const answer = await call<ThreadPage>('GET', `/api/comments?${params}`);
    if (!answer.data) return failed(t, button, answer.error);
    done(button);
    const fresh = answer.data.entries.filter((e) => !inThread(t, e.comment.id));
    const shown = fresh.map((entry) => showEntry(t, entry, false));
    await t.learnLiked(fresh.flatMap((e) => [e.comment.id, ...e.replies.map((r) => r.id)]));
    if (answer.data.nextCursor) button.dataset.cursor = answer.data.nextCursor;
    else button.parentElement?.remove();
    t.say(`${plural(shown.length, 'more comment', 'more comments')} shown.`);
    // Reading goes on at the first new comment; the button (if still there) is next after them.
    if (shown[0]) focusOn(shown[0]);
  });
}

export function moreReplies(t: Thread, paragraph: HTMLElement): void {
  const link = one(paragraph, 'a[data-replies-cursor]');
  if (!link) return;
  const entry = paragraph.closest<HTMLElement>('li.comment-entry');
  const rootId = Number(entry?.dataset.root);
  const button = buttonFor(link);
  button.dataset.more = (link.textContent ?? '').replace(/\D/gu, '') || '0';
  button.addEventListener('click', async () => {
    if (!busy(button, true)) return;
    const answer = await call<RepliesPage>('GET', `/api/comments/${rootId}/replies?cursor=${encodeURIComponent(button.dataset.repliesCursor ?? '')}`);
    if (!answer.data) return failed(t, button, answer.error);
    done(button);
    const fresh = answer.data.items.filter((r) => !inThread(t, r.id));
    // Placed before the button goes, so they land in the list rather than wait behind it.
    const shown = fresh.map((reply) => placeReply(t, reply, false)).filter((a): a is HTMLElement => a !== null);
    await t.learnLiked(fresh.map((r) => r.id));
    if (answer.data.nextCursor) {
      button.dataset.repliesCursor = answer.data.nextCursor;
      const left = Math.max(0, Number(button.dataset.more) - fresh.length);
      button.dataset.more = String(left);
      button.textContent = left > 0 ? plural(left, 'more reply', 'more replies') : 'More replies';
    } else {
      paragraph.remove();
    }
    t.say(`${plural(shown.length, 'more reply', 'more replies')} shown.`);
    if (shown[0]) focusOn(shown[0]);
  });
}

/** Every paging link on the page, now and for comments added later by `showEntry`. */
export function enhancePaging(t: Thread): void {
  loadMore(t);
  for (const paragraph of all(t.section, '.comment-more-replies')) moreReplies(t, paragraph);
}
