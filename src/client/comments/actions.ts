/**
 * What a signed-in reader does to comments without leaving the page: post (the main form and
 * inline replies), like and unlike, edit their own within the edit window, delete their own, and
 * report others'. Every answer is shown where the reader acted, in the server's own words.
 */
import type { PostResult } from '../../modules/comments/posting.js';
import { call } from './api.js';
import { actionButton, busy, el, focusOn, one } from './dom.js';
import { showEntry } from './paging.js';
import { bumpCount, copiesOf, placeReply, removeComment, setLikes, updateComment, type Thread } from './thread.js';
import { textOf } from './text.js';

const REASONS: [string, string][] = [
  ['spam', 'Spam'],
  ['abuse', 'Abusive or hateful'],
  ['off-topic', 'Off-topic'],
  ['other', 'Something else'],
];

/** A sentence under a comment (and for screen readers, in the section's live region). */
function note(t: Thread, article: HTMLElement, text: string, error = false): HTMLElement {
  let line = one(article, ':scope > .comment-note');
  if (!line) article.append((line = el('p', { class: 'comment-note' })));
  line.classList.toggle('comment-note-error', error);
  line.textContent = text;
  t.say(text);
  return line;
}

const sayResult = (result: PostResult) => (result.warning ? `${result.message} ${result.warning}` : result.message);

/** Puts the reader's new comment where it belongs; returns it when it is shown (not held). */
function placePosted(t: Thread, result: PostResult): HTMLElement | null {
  if (result.status !== 'approved') return null;
  const v = result.comment;
  const article = v.parentId === null ? showEntry(t, { comment: v, replies: [], moreReplies: 0, repliesCursor: null }, t.sort === 'newest') : placeReply(t, v, false);
  t.seen(v.id);
  bumpCount(t, 1);
  if (article) {
    article.classList.add('comment-arrived');
    setTimeout(() => article.classList.remove('comment-arrived'), 2500);
  }
  return article;
}

interface Compose {
  form: HTMLFormElement;
  field: HTMLTextAreaElement;
  fail(message: string): void;
}

/** A small form for a reply or an edit, with its error line and Cancel. */
function composeForm(id: string, label: string, submit: string, text: string, cancel: () => void): Compose {
  const field = el('textarea', { id: `${id}-text`, name: 'text', rows: '3', required: '', 'aria-describedby': `${id}-error` });
  field.value = text;
  const error = el('p', { class: 'comment-form-error', id: `${id}-error`, role: 'alert', hidden: '' });
  const cancelButton = el('button', { type: 'button', class: 'button button-secondary' }, 'Cancel');
  cancelButton.addEventListener('click', cancel);
  const form = el(
    'form',
    { class: 'comment-form comment-inline-form', id },
    el('label', { for: field.id }, label),
    field,
    error,
    el('div', { class: 'comment-form-buttons' }, el('button', { type: 'submit', class: 'button' }, submit), cancelButton),
  );
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel();
  });
  return {
    form,
    field,
    fail(message) {
      error.hidden = false;
      error.textContent = message;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    },
  };
}

const submitButton = (form: HTMLFormElement) => one<HTMLButtonElement>(form, 'button[type=submit]') as HTMLButtonElement;

function openReply(t: Thread, article: HTMLElement, opener: HTMLButtonElement): void {
  const id = Number(article.dataset.comment);
  const formId = `reply-${id}${article.id ? '' : '-featured'}`;
  const open = document.getElementById(formId);
  if (open) return void one(open, 'textarea')?.focus();
  const name = one(article, '.comment-author')?.textContent ?? 'this comment';
  const close = () => {
    compose.form.remove();
    opener.setAttribute('aria-expanded', 'false');
    focusOn(opener);
  };
  const compose = composeForm(formId, `Reply to ${name}`, 'Post reply', '', close);
  compose.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = submitButton(compose.form);
    if (!busy(button, true)) return;
    const answer = await call<PostResult>('POST', '/api/comments', { storyId: t.story, parentId: id, text: compose.field.value });
    busy(button, false);
    if (!answer.data) return compose.fail(answer.error);
    compose.form.remove();
    opener.setAttribute('aria-expanded', 'false');
    const shown = placePosted(t, answer.data);
    if (shown) {
      note(t, shown, sayResult(answer.data));
      focusOn(shown);
    } else {
      note(t, article, sayResult(answer.data));
      focusOn(opener);
    }
  });
  opener.setAttribute('aria-expanded', 'true');
  opener.setAttribute('aria-controls', formId);
  article.after(compose.form);
  compose.field.focus();
}

function openEdit(t: Thread, article: HTMLElement, opener: HTMLButtonElement): void {
  const id = Number(article.dataset.comment);
  const body = one(article, ':scope > .comment-body');
  const formId = `edit-${id}`;
  if (!body || document.getElementById(formId)) return;
  const close = () => {
    compose.form.remove();
    body.hidden = false;
    opener.setAttribute('aria-expanded', 'false');
    focusOn(opener);
  };
  const compose = composeForm(formId, 'Edit your comment', 'Save', textOf(body), close);
  compose.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = submitButton(compose.form);
    if (!busy(button, true)) return;
    const answer = await call<PostResult>('PATCH', `/api/comments/${id}`, { text: compose.field.value });
    busy(button, false);
    if (!answer.data) return compose.fail(answer.error);
    updateComment(t, answer.data.comment);
    close();
    note(t, article, sayResult(answer.data));
  });
  opener.setAttribute('aria-expanded', 'true');
  body.hidden = true;
  body.after(compose.form);
  compose.field.focus();
  compose.field.setSelectionRange(compose.field.value.length, compose.field.value.length);
}

function confirmDelete(t: Thread, article: HTMLElement, opener: HTMLButtonElement): void {
  const id = Number(article.dataset.comment);
  const yes = actionButton('Delete', 'comment-delete-yes');
  const no = actionButton('Keep it', 'comment-delete-no');
  const box = el('span', { class: 'comment-confirm', role: 'group', 'aria-label': 'Delete this comment?' }, 'Delete this comment? ', yes, no);
  const keep = () => {
    box.remove();
    opener.hidden = false;
    focusOn(opener);
  };
  no.addEventListener('click', keep);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') keep();
  });
  yes.addEventListener('click', async () => {
    if (!busy(yes, true)) return;
    const answer = await call<{ outcome: 'placeholder' | 'removed' }>('DELETE', `/api/comments/${id}`);
    busy(yes, false);
    if (!answer.data) return void note(t, article, answer.error, true);
    if (removeComment(t, id, answer.data.outcome === 'placeholder')) bumpCount(t, -1);
    t.say('Your comment was deleted.');
    focusOn(one(t.section, '#comments-heading') ?? t.section);
  });
  opener.hidden = true;
  opener.after(box);
  focusOn(no);
}

function openReport(t: Thread, article: HTMLElement, opener: HTMLButtonElement): void {
  const id = Number(article.dataset.comment);
  const formId = `report-${id}${article.id ? '' : '-featured'}`;
  if (document.getElementById(formId)) return;
  const reason = el('select', { id: `${formId}-reason`, name: 'reason', required: '' }, el('option', { value: '' }, 'Choose a reason'));
  for (const [value, label] of REASONS) reason.append(el('option', { value }, label));
  const detail = el('input', { type: 'text', id: `${formId}-detail`, name: 'detail', maxlength: '1000', autocomplete: 'off' });
  const error = el('p', { class: 'comment-form-error', role: 'alert', hidden: '' });
  const cancel = el('button', { type: 'button', class: 'button button-secondary' }, 'Cancel');
  const form = el(
    'form',
    { class: 'comment-form comment-inline-form comment-report-form', id: formId },
    el('label', { for: reason.id }, 'Why should a moderator look at this comment?'),
    reason,
    el('label', { for: detail.id }, 'Anything else they should know? (optional)'),
    detail,
    error,
    el('div', { class: 'comment-form-buttons' }, el('button', { type: 'submit', class: 'button' }, 'Send report'), cancel),
  );
  const close = () => {
    form.remove();
    opener.setAttribute('aria-expanded', 'false');
    focusOn(opener);
  };
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = submitButton(form);
    if (!busy(button, true)) return;
    const answer = await call<{ reported: true }>('POST', `/api/comments/${id}/reports`, { reason: reason.value, detail: detail.value });
    busy(button, false);
    // 409: reported before, which is what the reader wanted.
    if (!answer.data && answer.status !== 409) {
      error.hidden = false;
      error.textContent = answer.error;
      return reason.focus();
    }
    close();
    opener.textContent = 'Reported';
    opener.setAttribute('aria-disabled', 'true');
    note(t, article, answer.data ? 'Thank you. A moderator will look at this comment.' : answer.error);
  });
  opener.setAttribute('aria-expanded', 'true');
  opener.setAttribute('aria-controls', formId);
  article.append(form);
  reason.focus();
}

function likeButton(t: Thread, article: HTMLElement, id: number): HTMLButtonElement {
  const button = actionButton('Like', 'comment-like', { 'aria-pressed': String(t.liked.has(id)) });
  button.addEventListener('click', async () => {
    if (!busy(button, true)) return;
    const liked = button.getAttribute('aria-pressed') === 'true';
    const answer = await call<{ liked: boolean; likeCount: number }>(liked ? 'DELETE' : 'POST', `/api/comments/${id}/like`);
    busy(button, false);
    if (!answer.data) return void note(t, article, answer.error, true);
    markLiked(t, id, answer.data.liked);
    setLikes(t, id, answer.data.likeCount);
    t.say(answer.data.liked ? 'Liked.' : 'Like removed.');
  });
  return button;
}

export function markLiked(t: Thread, id: number, liked: boolean): void {
  if (liked) t.liked.add(id);
  else t.liked.delete(id);
  for (const article of copiesOf(t, id)) one(article, '.comment-like')?.setAttribute('aria-pressed', String(liked));
}

/** The signed-in reader's buttons on one comment. */
export function enhance(t: Thread, article: HTMLElement): void {
  const reader = t.reader;
  const actions = one(article, ':scope > .comment-actions');
  if (!reader || !actions || article.dataset.enhanced) return;
  article.dataset.enhanced = '1';
  const id = Number(article.dataset.comment);
  const mine = Number(article.dataset.author) === reader.id;
  const buttons: HTMLButtonElement[] = [];
  const add = (label: string, className: string, act: (opener: HTMLButtonElement) => void, attrs: Record<string, string> = {}) => {
    const button = actionButton(label, className, attrs);
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') act(button);
    });
    buttons.push(button);
    return button;
  };
  if (!mine) buttons.push(likeButton(t, article, id));
  const replyLink = one(actions, '.comment-reply-link');
  if (replyLink) add('Reply', 'comment-reply', (b) => openReply(t, article, b), { 'aria-expanded': 'false' });
  if (mine) {
    const left = Number(article.dataset.created) + t.editMinutes * 60_000 - Date.now();
    if (left > 0) {
      const edit = add('Edit', 'comment-edit', (b) => openEdit(t, article, b), { 'aria-expanded': 'false' });
      // Gone when the window closes, unless the reader is in the middle of an edit (the server then says why).
      setTimeout(() => {
        if (edit.getAttribute('aria-expanded') !== 'true') edit.remove();
      }, Math.min(left, 2 ** 31 - 1));
    }
    add('Delete', 'comment-delete', (b) => confirmDelete(t, article, b));
  } else {
    add('Report', 'comment-report', (b) => openReport(t, article, b), { 'aria-expanded': 'false' });
  }
  replyLink?.remove();
  actions.append(...buttons);
}

/** The main form: posts through the API, says what happened beside it, and shows the comment. */
export function enhanceForm(t: Thread): void {
  const form = one<HTMLFormElement>(t.section, '#comment-form');
  const reader = t.reader;
  if (!form || !reader) return;
  one(t.section, '.comments-signin')?.setAttribute('hidden', '');
  form.prepend(el('p', { class: 'comment-form-as' }, 'Commenting as ', el('strong', {}, reader.name)));
  const field = one<HTMLTextAreaElement>(form, 'textarea') as HTMLTextAreaElement;
  const error = one(form, '#comment-form-error') ?? el('p', { class: 'comment-form-error', id: 'comment-form-error', role: 'alert', hidden: '' });
  if (!error.isConnected) {
    field.after(error);
    field.setAttribute('aria-describedby', `comment-form-error ${field.getAttribute('aria-describedby') ?? ''}`.trim());
  }
  // Present (empty) from the start, so what it says later is announced.
  const status = el('p', { class: 'comment-form-message', role: 'status' });
  submitButton(form).after(status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = submitButton(form);
    if (!busy(button, true)) return;
    const parent = one<HTMLInputElement>(form, 'input[name=parent]')?.value;
    const answer = await call<PostResult>('POST', '/api/comments', { storyId: t.story, parentId: parent ? Number(parent) : undefined, text: field.value });
    busy(button, false);
    if (!answer.data) {
      error.hidden = false;
      error.textContent = answer.error;
      field.setAttribute('aria-invalid', 'true');
      status.textContent = '';
      return field.focus();
    }
    error.hidden = true;
    error.textContent = '';
    field.removeAttribute('aria-invalid');
    field.value = '';
    status.textContent = sayResult(answer.data);
    const shown = placePosted(t, answer.data);
    if (shown) shown.scrollIntoView({ block: 'nearest' });
  });
}
