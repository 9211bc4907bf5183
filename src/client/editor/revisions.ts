/**
 * The revision history panel: loads the list when opened, shows a revision's changes against the
 * current text as insertions and deletions, and restores a revision (then reloads the page).
 */
import { api } from './api.js';
import { clockTime, el, must } from './dom.js';

interface RevisionSummary {
  id: number;
  at: number | string;
  actor: string;
  autosave: boolean;
  headline: string;
}

interface RevisionDetail extends RevisionSummary {
  diff: { value: string; added?: boolean; removed?: boolean }[];
}

function when(at: number | string): string {
  const date = new Date(at);
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clockTime(date)}`;
}

export function revisionsPanel(articleId: number, beforeRestore: () => Promise<boolean>) {
  const panel = must<HTMLDetailsElement>('revisions');
  const list = must<HTMLOListElement>('revision-list');
  const view = must('revision-view');
  const status = must('revision-status');
  const base = `/api/admin/articles/${articleId}/revisions`;

  async function show(revision: RevisionSummary) {
    view.replaceChildren(el('p', {}, ['Loading the changes…']));
    const result = await api<RevisionDetail>('GET', `${base}/${revision.id}`);
    if (!result.data) {
      view.replaceChildren(el('p', { class: 'save-problem' }, [`The revision could not be loaded: ${result.error}`]));
      return;
    }
    const diff = el('div', { class: 'revision-diff' });
    for (const part of result.data.diff) diff.append(part.added ? el('ins', {}, [part.value]) : part.removed ? el('del', {}, [part.value]) : part.value);
    const restore = el('button', { type: 'button' }, ['Restore this version']);
    restore.addEventListener('click', async () => {
      if (!(await beforeRestore())) return;
      restore.disabled = true;
      const restored = await api('POST', `${base}/${revision.id}/restore`, {});
      if (restored.ok) {
        status.textContent = 'Restored. Reloading…';
        window.location.reload();
      } else {
        restore.disabled = false;
        status.textContent = `Not restored: ${restored.error}`;
      }
    });
    view.replaceChildren(
      el('h3', {}, [`Changes since ${when(revision.at)}`]),
      el('p', { class: 'field-hint' }, ['Struck-through text is in that version but not in the current one; underlined text was added since.']),
      diff,
      restore,
    );
  }

  async function load() {
    status.textContent = 'Loading the history…';
    const result = await api<{ items: RevisionSummary[] }>('GET', base);
    if (!result.data) {
      status.textContent = `The history could not be loaded: ${result.error}`;
      return;
    }
    list.replaceChildren(
      ...result.data.items.map((revision) => {
        const button = el('button', { type: 'button', class: 'link-button' }, ['View changes']);
        button.addEventListener('click', () => void show(revision));
        return el('li', {}, [el('span', {}, [`${when(revision.at)} by ${revision.actor}${revision.autosave ? ' (autosave)' : ''}: ${revision.headline} `]), button]);
      }),
    );
    status.textContent = result.data.items.length ? '' : 'No saved versions yet.';
  }

  panel.addEventListener('toggle', () => {
    if (panel.open) void load();
  });
  return { reload: () => (panel.open ? load() : Promise.resolve()) };
}
