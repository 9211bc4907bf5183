/**
 * The media picker: a dialog that searches the library (GET /api/admin/media) or uploads a new
 * image (POST /api/admin/media, multipart) and resolves with the chosen image.
 */
import type { EditorMedia } from '../../modules/publishing/admin/editor-data.js';
import { api } from './api.js';
import { el, must } from './dom.js';

interface MediaRecord extends EditorMedia {
  width: number;
  height: number;
}

export interface MediaPicker {
  /** Resolves with the chosen image, or null when the dialog was closed. */
  choose(): Promise<EditorMedia | null>;
}

export function mediaPicker(remember: (media: EditorMedia) => void): MediaPicker {
  const dialog = must<HTMLDialogElement>('media-picker');
  const searchForm = must<HTMLFormElement>('media-search');
  const query = must<HTMLInputElement>('media-q');
  const results = must<HTMLUListElement>('media-results');
  const more = must<HTMLButtonElement>('media-more');
  const listStatus = must('media-list-status');
  const uploadForm = must<HTMLFormElement>('media-upload');
  const uploadStatus = must('media-upload-status');
  let cursor: string | null = null;
  let settle: ((media: EditorMedia | null) => void) | null = null;

  function pick(media: EditorMedia) {
    remember(media);
    settle?.(media);
    settle = null;
    dialog.close();
  }

  async function load(reset: boolean) {
    if (reset) {
      cursor = null;
      results.replaceChildren();
    }
    listStatus.textContent = 'Loading images…';
    const params = new URLSearchParams({ limit: '24' });
    if (query.value.trim()) params.set('q', query.value.trim());
    if (cursor) params.set('cursor', cursor);
    const result = await api<{ items: MediaRecord[]; nextCursor: string | null }>('GET', `/api/admin/media?${params.toString()}`);
    if (!result.data) {
      listStatus.textContent = `The library could not be loaded: ${result.error}`;
      return;
    }
    for (const item of result.data.items) {
      const button = el('button', { type: 'button', class: 'media-pick' }, [
        el('img', { src: item.thumbnailUrl, alt: '' }),
        el('span', {}, [item.alt || item.caption || `Image ${item.id} (no alt text yet)`]),
      ]);
      button.addEventListener('click', () => pick(item));
      results.append(el('li', {}, [button]));
    }
    cursor = result.data.nextCursor;
    more.hidden = !cursor;
    listStatus.textContent = results.childElementCount === 0 ? 'No images found.' : '';
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  must('media-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    settle?.(null);
    settle = null;
  });

  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(uploadForm);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      uploadStatus.textContent = 'Choose an image file first.';
      return;
    }
    uploadStatus.textContent = 'Uploading…';
    const result = await api<MediaRecord>('POST', '/api/admin/media', data);
    if (!result.data) {
      uploadStatus.textContent = `Not uploaded: ${result.error}`;
      return;
    }
    uploadStatus.textContent = 'Uploaded.';
    uploadForm.reset();
    pick(result.data);
  });

  return {
    choose() {
      settle?.(null);
      uploadStatus.textContent = '';
      dialog.showModal();
      void load(true);
      return new Promise((resolve) => {
        settle = resolve;
      });
    },
  };
}
