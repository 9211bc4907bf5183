/**
 * The comments section on the page: what the server told us about it (data-* attributes), and
 * how comments are drawn and put in their place — the same markup as the server's view
 * (src/modules/comments/views/section.tsx), so a comment added here looks like one rendered there.
 */
import type { CommentView, ThreadEntry } from '../../modules/comments/types.js';
import { all, el, one, plural } from './dom.js';

export interface Reader {
  id: number;
  name: string;
}

export interface Thread {
  section: HTMLElement;
  story: number;
  sort: string;
  open: boolean;
  path: string;
  editMinutes: number;
  zone: string;
  locale: string;
  reader: Reader | null;
  liked: Set<number>;
  /** Adds the buttons (like, reply, edit …) to a comment; set once the reader is known. */
  enhance(article: HTMLElement): void;
  /** Learns which of these comments the reader liked, and marks them. */
  learnLiked(ids: number[]): Promise<void>;
  /** A comment is on the page now (the reader's own): it no longer waits behind the "new comments" button. */
  seen(id: number): void;
  /** Tells screen-reader users what happened (a visually hidden live region). */
  say(message: string): void;
}

const MAX_INDENT = 3;

export function createThread(section: HTMLElement): Thread {
  const data = section.dataset;
  const region = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  section.append(region);
  return {
    section,
    story: Number(data.story),
    sort: data.sort ?? 'newest',
    open: data.open === '1',
    path: data.path ?? location.pathname,
    editMinutes: Number(data.editMinutes ?? 10),
    zone: data.zone ?? 'UTC',
    locale: data.locale ?? 'en-US',
    reader: null,
    liked: new Set(),
    enhance: () => {},
    learnLiked: async () => {},
    seen: () => {},
    say(message) {
      // Cleared first, so the same sentence twice is announced twice.
      region.textContent = '';
      setTimeout(() => (region.textContent = message), 50);
    },
  };
}

/** "November 28, 2026 at 3:04 PM UTC", as the server writes it. */
function when(t: Thread, ms: number): string {
  const date = new Date(ms);
  try {
    const text = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: t.zone }).format(date);
    const zone = new Intl.DateTimeFormat(t.locale, { timeZone: t.zone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
    return zone ? `${text} ${zone}` : text;
  } catch {
    return date.toLocaleString();
  }
}

export function commentEl(t: Thread, v: CommentView, anchor: boolean, replyingTo: string | null): HTMLElement {
  const article = el('article', {
    class: v.featured ? 'comment comment-featured' : 'comment',
    id: anchor ? `comment-${v.id}` : undefined,
    'data-comment': String(v.id),
    'data-parent': v.parentId === null ? undefined : String(v.parentId),
    'data-author': v.author ? String(v.author.id) : undefined,
    'data-created': String(v.createdAt),
  });
  const head = el('header', { class: 'comment-head' }, el('span', { class: 'comment-author' }, v.author?.name ?? '[deleted]'));
  if (v.status !== 'deleted' && v.author?.supporter) head.append(' ', el('span', { class: 'comment-badge' }, 'Supporter'));
  if (replyingTo) head.append(el('span', { class: 'comment-replying' }, ` replying to ${replyingTo}`));
  const time = el('time', { datetime: new Date(v.createdAt).toISOString() }, when(t, v.createdAt));
  head.append(' ', el('a', { class: 'comment-time', href: `${t.path}?comment=${v.rootId ?? v.id}#comment-${v.id}` }, time));
  article.append(head);
  if (v.status === 'deleted' || !v.author) {
    article.append(el('p', { class: 'comment-body comment-deleted' }, 'This comment was deleted.'));
    return article;
  }
  if (v.editedAt !== null) head.append(el('span', { class: 'comment-edited' }, ' (edited)'));
  const body = el('div', { class: 'comment-body' });
  // Sanitized on write against a five-tag allow-list (src/modules/comments/text.ts), as on the server's page.
  body.innerHTML = v.html;
  const actions = el('footer', { class: 'comment-actions' }, el('span', { class: 'comment-likes', 'data-likes': String(v.likeCount) }, plural(v.likeCount, 'like', 'likes')));
  if (t.open) actions.append(el('a', { class: 'comment-reply-link', rel: 'nofollow', href: `${t.path}?reply=${v.id}#comment-form` }, 'Reply'));
  article.append(body, actions);
  return article;
}

/** Every copy of a comment on the page (the thread's, and the featured list's). */
export const copiesOf = (t: Thread, id: number) => all(t.section, `article[data-comment="${id}"]`);

/** The comment in the discussion itself (not its copy among the featured ones). */
export const inThread = (t: Thread, id: number) => copiesOf(t, id).find((a) => !a.closest('.comments-featured')) ?? null;

export const entryOf = (t: Thread, rootId: number) => one<HTMLLIElement>(t.section, `li.comment-entry[data-root="${rootId}"]`);

/** The section's own list of top-level comments, made when the first comment arrives. */
function threadList(t: Thread): HTMLOListElement {
  const found = all<HTMLOListElement>(t.section, ':scope > ol.comment-thread')[0];
  if (found) return found;
  const list = el('ol', { class: 'comment-thread' });
  one(t.section, ':scope > .comments-empty')?.remove();
  const before = one(t.section, ':scope > .comments-more') ?? one(t.section, ':scope > .comments-powered');
  t.section.insertBefore(list, before);
  return list;
}

/** A top-level comment with the replies that came with it; returns its comment element. */
export function addEntry(t: Thread, entry: ThreadEntry, atTop: boolean): HTMLElement {
  const article = commentEl(t, entry.comment, true, null);
  const li = el('li', { class: 'comment-entry', 'data-root': String(entry.comment.id), 'data-reply-count': String(entry.comment.replyCount) }, article);
  const list = threadList(t);
  if (atTop) list.prepend(li);
  else list.append(li);
  t.enhance(article);
  for (const reply of entry.replies) placeReply(t, reply, false);
  if (entry.moreReplies > 0 && entry.repliesCursor) {
    li.append(el('p', { class: 'comment-more-replies' }, el('a', { href: `${t.path}?comment=${entry.comment.id}#comment-${entry.comment.id}`, 'data-replies-cursor': entry.repliesCursor }, plural(entry.moreReplies, 'more reply', 'more replies'))));
  }
  return article;
}

const parentOf = (li: Element) => Number(li.querySelector('article')?.dataset.parent ?? 0);

/** Is `li` in the subtree of comment `ancestor`, following parents within this list? */
function under(list: HTMLOListElement, li: Element, ancestor: number): boolean {
  for (let parent = parentOf(li), hops = 0; parent && hops < 50; hops++) {
    if (parent === ancestor) return true;
    const next = list.querySelector(`:scope > li > article[data-comment="${parent}"]`)?.parentElement;
    if (!next) return false;
    parent = parentOf(next);
  }
  return false;
}

/**
 * A reply, under its top-level comment: after its parent's replies so far (they come in time
 * order), indented to depth 3 at most, with "replying to <name>" when indentation cannot say it.
 * `live`: it arrived while the reader was here, and if the thread's earlier replies are still
 * behind its "N more replies" link, it waits there too (so replies stay in order).
 * Returns the element, or null when its thread is not on the page.
 */
export function placeReply(t: Thread, v: CommentView, live: boolean): HTMLElement | null {
  const rootId = v.rootId ?? v.parentId ?? 0;
  const entry = entryOf(t, rootId);
  if (!entry) return null;
  const more = one(entry, ':scope > .comment-more-replies');
  if (live && more) {
    const link = one(more, '[data-more]');
    if (link) {
      const n = Number(link.dataset.more) + 1;
      link.dataset.more = String(n);
      link.textContent = plural(n, 'more reply', 'more replies');
    }
    return null;
  }
  let list = one<HTMLOListElement>(entry, ':scope > ol.comment-replies');
  if (!list) {
    list = el('ol', { class: 'comment-replies' });
    entry.insertBefore(list, more);
  }
  const parentLi = v.parentId === rootId ? null : (list.querySelector(`:scope > li > article[data-comment="${v.parentId}"]`)?.parentElement ?? null);
  const indented = v.depth <= MAX_INDENT && (v.parentId === rootId || parentLi !== null);
  const article = commentEl(t, v, true, indented ? null : (v.replyTo?.name ?? null));
  const li = el('li', { class: `comment-depth-${Math.min(Math.max(v.depth, 1), MAX_INDENT)}` }, article);
  if (parentLi) {
    let after: Element = parentLi;
    while (after.nextElementSibling && under(list, after.nextElementSibling, v.parentId ?? 0)) after = after.nextElementSibling;
    after.after(li);
  } else {
    list.append(li);
  }
  t.enhance(article);
  return article;
}

/** "[deleted]" in place, where a removed comment still has replies under it. */
export function toPlaceholder(article: HTMLElement): void {
  const author = one(article, '.comment-author');
  if (author) author.textContent = '[deleted]';
  for (const node of all(article, '.comment-edited, .comment-actions, .comment-note, form')) node.remove();
  one(article, '.comment-body')?.replaceWith(el('p', { class: 'comment-body comment-deleted' }, 'This comment was deleted.'));
  article.classList.remove('comment-featured');
  delete article.dataset.author;
  const next = article.nextElementSibling;
  if (next?.matches('form')) next.remove();
}

/** A comment that is gone: removed, or "[deleted]" when replies hang under it. */
export function removeComment(t: Thread, id: number, placeholder: boolean): boolean {
  let counted = false;
  for (const article of copiesOf(t, id)) {
    const li = article.parentElement;
    if (article.closest('.comments-featured')) {
      li?.remove();
      continue;
    }
    counted ||= !article.querySelector('.comment-deleted');
    const list = li?.parentElement;
    const hasReplies = li?.classList.contains('comment-entry')
      ? Boolean(li.querySelector('ol.comment-replies > li'))
      : Boolean(list instanceof HTMLOListElement && li?.nextElementSibling && under(list, li.nextElementSibling, id));
    if (placeholder || hasReplies) toPlaceholder(article);
    else li?.remove();
  }
  tidyFeatured(t);
  return counted;
}

/** New text (an edit) in every copy. */
export function updateComment(t: Thread, v: CommentView): void {
  for (const article of copiesOf(t, v.id)) {
    const body = one(article, '.comment-body:not(.comment-deleted)');
    if (!body) continue;
    body.innerHTML = v.html;
    const head = one(article, '.comment-head');
    if (v.editedAt !== null && head && !one(head, '.comment-edited')) head.append(el('span', { class: 'comment-edited' }, ' (edited)'));
  }
}

export function setLikes(t: Thread, id: number, count: number): void {
  for (const span of all(t.section, `article[data-comment="${id}"] .comment-likes`)) {
    span.dataset.likes = String(count);
    span.textContent = plural(count, 'like', 'likes');
  }
}

/** The "N comments" line above the form. */
export function bumpCount(t: Thread, by: number): void {
  const line = one(t.section, '.comments-count');
  if (!line || by === 0) return;
  const n = Math.max(0, Number(line.dataset.count ?? 0) + by);
  line.dataset.count = String(n);
  line.textContent = n === 0 ? 'No comments yet' : plural(n, 'comment', 'comments');
}

export function addFeatured(t: Thread, v: CommentView): void {
  for (const article of copiesOf(t, v.id)) article.classList.add('comment-featured');
  let list = one<HTMLOListElement>(t.section, '.comments-featured ol');
  if (!list) {
    list = el('ol', { class: 'comment-list' });
    const box = el('section', { class: 'comments-featured', 'aria-labelledby': 'comments-featured-heading' }, el('h3', { id: 'comments-featured-heading' }, 'Featured comments'), list);
    const before = one(t.section, ':scope > ol.comment-thread') ?? one(t.section, ':scope > .comments-empty') ?? one(t.section, ':scope > .comments-more') ?? one(t.section, ':scope > .comments-powered');
    t.section.insertBefore(box, before);
  }
  if (one(list, `article[data-comment="${v.id}"]`)) return;
  const article = commentEl(t, v, false, null);
  list.prepend(el('li', {}, article));
  t.enhance(article);
}

export function removeFeatured(t: Thread, id: number): void {
  for (const article of copiesOf(t, id)) {
    if (article.closest('.comments-featured')) article.parentElement?.remove();
    else article.classList.remove('comment-featured');
  }
  tidyFeatured(t);
}

function tidyFeatured(t: Thread): void {
  const box = one(t.section, '.comments-featured');
  if (box && !one(box, 'li')) box.remove();
}
