/**
 * The article editor page's script: Tiptap over the closed block schema, the metadata form,
 * autosave, the edit lock, revisions, workflow buttons, preview links and corrections. The page
 * is server-rendered; this only wires it up. Loaded as a same-origin module (the CSP allows
 * nothing inline), with its data in <script type="application/json" id="editor-data">.
 */
import { Editor } from '@tiptap/core';
import { readingMinutes, type EditorData, type EditorMedia } from '../../modules/publishing/admin/editor-data.js';
import { api } from './api.js';
import { byId, el, must } from './dom.js';
import { editLock } from './lock.js';
import { mediaPicker } from './media-picker.js';
import { fromLocalInput, metadataForm } from './metadata.js';
import { editorExtensions } from './nodes.js';
import { revisionsPanel } from './revisions.js';
import { Saver, type SavedArticle } from './save.js';
import { countWords, toSchemaDoc } from './to-schema.js';
import { toolbar } from './toolbar.js';

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

function start(): void {
  const data = JSON.parse(must('editor-data').textContent ?? '{}') as EditorData;
  const media = new Map<number, EditorMedia>(Object.values(data.media).map((m) => [m.id, m]));
  const remember = (item: EditorMedia) => media.set(item.id, item);
  const lookup = (id: number) => media.get(id);
  const picker = mediaPicker(remember);
  const meta = metadataForm(picker, lookup);
  const notice = must('editor-notice');
  const say = (message: string) => {
    notice.textContent = message;
  };
  let status = data.status;
  let workingCopy = data.workingCopy;

  const mount = must('editor');
  mount.replaceChildren();
  const editor = new Editor({
    element: mount,
    extensions: editorExtensions(lookup),
    content: data.body,
    // Tiptap's own <style> element would be blocked by the CSP; admin.css carries those rules.
    injectCSS: false,
    editorProps: { attributes: { class: 'editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'editor-label' } },
  });
  must('editor-shell').classList.add('editor-ready');

  const words = must('word-count');
  const countNow = () => {
    const n = countWords(editor.getText({ blockSeparator: '\n' }));
    const minutes = readingMinutes(n);
    words.textContent = `${n} ${n === 1 ? 'word' : 'words'} · ${minutes === 0 ? 'no' : minutes} min read`;
  };
  countNow();

  const saver = new Saver({
    articleId: data.id,
    modifiedAt: data.modifiedAt,
    status: must('save-status'),
    // workingCopy: while the article is published, saves stay off the site until Update.
    payload: () => ({ ...meta.read(), body: toSchemaDoc(editor.getJSON()), workingCopy: true }),
    onSaved: (article) => saved(article),
    onLocked: () => void lock.lost(),
  });

  const tools = toolbar(editor, picker, say);
  const workflow = must('workflow');
  function setReadOnly(readOnly: boolean) {
    saver.pause(readOnly);
    // No update event: becoming read-only is not a change to save (and must not hide "Not saved: …").
    editor.setEditable(!readOnly, false);
    meta.setReadOnly(readOnly);
    tools?.setDisabled(readOnly);
    for (const button of workflow.querySelectorAll('button')) button.disabled = readOnly;
  }
  const lock = editLock(data.id, setReadOnly);

  editor.on('update', () => {
    countNow();
    saver.changed();
  });
  meta.form.addEventListener('input', () => saver.changed());
  meta.form.addEventListener('change', () => saver.changed());

  // ---- Workflow ----
  const statusBadge = must('article-status');
  const liveLink = byId<HTMLAnchorElement>('article-live');
  function showStatus() {
    statusBadge.textContent = STATUS_LABELS[status] ?? status;
    statusBadge.className = `status-badge status-${status}`;
    const show = (id: string, visible: boolean) => {
      const node = byId(id);
      if (node) node.hidden = !visible;
    };
    const published = status === 'published';
    show('wf-submit', status === 'draft' || status === 'unpublished');
    show('wf-schedule', data.can.publish && !published);
    show('wf-publish', data.can.publish && !published);
    show('wf-unpublish', data.can.publish && published);
    show('wf-unschedule', data.can.publish && status === 'scheduled');
    show('wf-update', data.can.publish && published);
    show('wf-discard', data.can.publish && published && workingCopy !== null);
    const note = byId('working-copy-note');
    if (note) {
      note.hidden = !(published && workingCopy);
      if (published && workingCopy) note.textContent = `Unpublished changes, saved ${new Date(workingCopy.savedAt).toLocaleString()} by ${workingCopy.savedBy}. Readers see the published version until you press Update.`;
    }
    const saveButton = byId('wf-save');
    if (saveButton) {
      saveButton.textContent = published || status === 'scheduled' ? 'Save changes' : 'Save draft';
      // On a live article Update is the main action; saving only keeps the working copy.
      saveButton.classList.toggle('secondary-button', published && data.can.publish);
    }
  }
  function saved(article: SavedArticle) {
    status = article.status;
    workingCopy = article.workingCopy;
    meta.saved(article);
    if (liveLink) {
      liveLink.hidden = !article.url;
      if (article.url) liveLink.href = article.url;
    }
    showStatus();
  }
  showStatus();

  async function transition(extra: Record<string, unknown>, done: string) {
    const article = await saver.save({ extra });
    if (article) say(done);
  }
  workflow.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-wf]');
    if (!button) return;
    switch (button.dataset.wf) {
      case 'save':
        void saver.save().then((a) => a && say('Saved.'));
        break;
      case 'submit':
        void transition({ status: 'review' }, 'Submitted for review. An editor will look at it.');
        break;
      case 'publish':
        void transition({ status: 'published' }, 'Published.');
        break;
      case 'update':
        void saver.publishWorkingCopy();
        break;
      case 'discard':
        if (!window.confirm('Discard the unpublished changes? The editor goes back to the published version (the changes stay in the revision history).')) return;
        void api('DELETE', `/api/admin/articles/${data.id}/working-copy`).then((result) => {
          if (!result.ok) {
            say(`Not discarded: ${result.error}`);
            return;
          }
          saver.pause(true);
          saver.stop();
          window.location.reload();
        });
        break;
      case 'unpublish':
        if (window.confirm('Take this article off the site?')) void transition({ status: 'unpublished' }, 'Unpublished: the article is no longer on the site.');
        break;
      case 'unschedule':
        void transition({ status: 'draft' }, 'The schedule was cancelled; the article is a draft again.');
        break;
      case 'schedule': {
        const input = must<HTMLInputElement>('wf-publish-at');
        const publishAt = fromLocalInput(input.value);
        if (!publishAt) {
          say('Choose the date and time to publish first.');
          input.focus();
          return;
        }
        void transition({ status: 'scheduled', publishAt }, `Scheduled for ${new Date(publishAt).toLocaleString()}.`);
        break;
      }
    }
  });

  // ---- Preview link ----
  byId('preview-make')?.addEventListener('click', async () => {
    const out = must('preview-out');
    const result = await api<{ url: string; expiresAt: string }>('POST', `/api/admin/articles/${data.id}/preview-link`, {});
    if (!result.data) {
      out.textContent = `No preview link: ${result.error}`;
      return;
    }
    out.replaceChildren(
      el('a', { href: result.data.url, target: '_blank', rel: 'noopener' }, ['Open the preview']),
      ` (works for anyone with the link until ${new Date(result.data.expiresAt).toLocaleString()}) `,
      el('input', { type: 'text', readonly: '', value: result.data.url, 'aria-label': 'Preview link to copy', class: 'preview-url' }),
    );
  });

  // ---- Corrections and updates (editors) ----
  const notes = byId<HTMLFormElement>('note-form');
  notes?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(notes);
    const body = String(form.get('body') ?? '').trim();
    const out = must('note-status');
    if (!body) {
      out.textContent = 'Write the note first.';
      return;
    }
    const result = await api('POST', `/api/admin/articles/${data.id}/notes`, { kind: String(form.get('kind')), body });
    if (!result.ok) {
      out.textContent = `Not added: ${result.error}`;
      return;
    }
    out.textContent = 'Note added. It shows on the article.';
    // The note changed the article's version; while we hold the lock that was us, not a rival save.
    if (lock.held) {
      const fresh = await api<SavedArticle>('GET', `/api/admin/articles/${data.id}`);
      if (fresh.data) saver.adopt(fresh.data.modifiedAt);
    }
    must('note-list').append(el('li', {}, [el('strong', {}, [`${String(form.get('kind'))}: `]), body]));
    notes.reset();
  });

  revisionsPanel(data.id, async () => {
    if (saver.dirty && !window.confirm('Restoring replaces your unsaved changes. Restore anyway?')) return false;
    saver.stop();
    return true;
  });

  if (data.lock && data.lock.userId !== data.me.id) setReadOnly(true);
  void lock.start();
}

try {
  start();
} catch (error) {
  const notice = document.getElementById('editor-notice');
  if (notice) notice.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
  throw error;
}
