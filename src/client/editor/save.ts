/**
 * Saving: every 5 seconds while something changed (autosave), or at once from a button. Each
 * save sends the version token it last saw, so a save by someone else in between is refused
 * (409) instead of silently overwritten; the local text is kept and the person is told.
 */
import { api } from './api.js';
import { clockTime } from './dom.js';

export const AUTOSAVE_MS = 5_000;

/** The parts of the Admin API's ArticleView the editor reads back after a save. */
export interface SavedArticle {
  id: number;
  slug: string;
  status: string;
  modifiedAt: number;
  url: string | null;
  publishAt: string | null;
  embargoUntil: string | null;
  unpublishAt: string | null;
  /** Set while a published article has changes readers do not see yet. */
  workingCopy: { savedAt: string; savedBy: string } | null;
}

export interface SaverOptions {
  articleId: number;
  modifiedAt: number;
  /** The whole article as the form and editor hold it now. */
  payload: () => Record<string, unknown>;
  status: HTMLElement;
  onSaved: (article: SavedArticle) => void;
  /** Someone else holds the edit lock (423). */
  onLocked: () => void;
}

export class Saver {
  #dirty = false;
  #saving: Promise<SavedArticle | null> | null = null;
  #modifiedAt: number;
  /** Set after a conflict: autosave stops until the page is reloaded. */
  #conflict = false;
  #paused = false;
  #timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: SaverOptions) {
    this.#modifiedAt = options.modifiedAt;
    this.#timer = setInterval(() => {
      if (this.#dirty && !this.#saving && !this.#conflict && !this.#paused) void this.save({ autosave: true });
    }, AUTOSAVE_MS);
    window.addEventListener('beforeunload', (event) => {
      if (this.#dirty && !this.#paused) event.preventDefault();
    });
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  changed(): void {
    this.#dirty = true;
    if (!this.#saving && !this.#conflict && !this.#paused) this.#say('Changes not saved yet.');
  }

  /** While someone else holds the lock nothing is saved (their work wins; ours stays on screen). */
  pause(paused: boolean): void {
    this.#paused = paused;
  }

  /**
   * A change the server made on our behalf (a correction note moves the version) becomes the
   * version we expect. Only called while we hold the edit lock, so it cannot be someone else's save.
   */
  adopt(modifiedAt: number): void {
    if (!this.#conflict) this.#modifiedAt = modifiedAt;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Saves now; `extra` carries workflow changes (status, publishAt). Resolves with the saved article, or null. */
  async save(options: { autosave?: boolean; extra?: Record<string, unknown> } = {}): Promise<SavedArticle | null> {
    if (this.#conflict) {
      this.#say('Not saved: Someone else saved this article; reload to see their changes.', true);
      return null;
    }
    // One save at a time: a button pressed during an autosave waits for it, then saves again.
    if (this.#saving) await this.#saving.catch(() => null);
    this.#saving = this.#run(options);
    try {
      return await this.#saving;
    } finally {
      this.#saving = null;
    }
  }

  /**
   * Update: saves what is on screen to the working copy, then publishes the working copy as one
   * live save. Resolves with the updated article, or null (the reason is shown).
   */
  async publishWorkingCopy(): Promise<SavedArticle | null> {
    const saved = await this.save();
    if (!saved) return null;
    this.#say('Updating the published article…');
    const result = await api<SavedArticle>('POST', `/api/admin/articles/${this.options.articleId}/working-copy/publish`, { expectedModifiedAt: this.#modifiedAt });
    if (!result.data) {
      if (result.status === 409) this.#conflict = true;
      this.#say(`Not updated: ${result.error}`, true);
      return null;
    }
    this.#modifiedAt = result.data.modifiedAt;
    this.#say(`Updated at ${clockTime(new Date())}: readers see these changes now.`);
    this.options.onSaved(result.data);
    return result.data;
  }

  async #run(options: { autosave?: boolean; extra?: Record<string, unknown> }): Promise<SavedArticle | null> {
    const wasDirty = this.#dirty;
    this.#dirty = false;
    this.#say('Saving…');
    const body = { ...this.options.payload(), ...options.extra, expectedModifiedAt: this.#modifiedAt, ...(options.autosave ? { autosave: true } : {}) };
    const result = await api<SavedArticle>('PATCH', `/api/admin/articles/${this.options.articleId}`, body);
    if (result.data) {
      this.#modifiedAt = result.data.modifiedAt;
      const offSite = result.data.status === 'published' && result.data.workingCopy !== null;
      this.#say(`Saved at ${clockTime(new Date())}${offSite ? ' (readers see these changes after Update)' : ''}`);
      this.options.onSaved(result.data);
      return result.data;
    }
    this.#dirty = this.#dirty || wasDirty;
    if (result.status === 409) {
      this.#conflict = true;
      this.#say('Not saved: Someone else saved this article; reload to see their changes. Your text is still here: copy it before you reload.', true);
    } else if (result.status === 423) {
      this.#say(`Not saved: ${result.error}`, true);
      this.options.onLocked();
    } else if (result.status === 0) {
      this.#say(`Not saved: ${result.error} It will be tried again.`, true);
    } else {
      this.#say(`Not saved: ${result.error}`, true);
    }
    return null;
  }

  #say(message: string, problem = false): void {
    this.options.status.textContent = message;
    this.options.status.classList.toggle('save-problem', problem);
  }
}
