/**
 * The metadata form beside the editor (headline, standfirst, slug, section, tags, ordered
 * authors with role labels, dateline, hero image, SEO and social text, embargo and unpublish
 * times): reads it into the Admin API's PATCH shape, and keeps the author rows and hero picker working.
 */
import type { EditorMedia } from '../../modules/publishing/admin/editor-data.js';
import { el, must } from './dom.js';
import type { MediaPicker } from './media-picker.js';

export interface MetadataPatch {
  headline: string;
  standfirst: string;
  slug?: string;
  section: string;
  tags: string[];
  authors: { slug: string; role?: string }[];
  dateline: string | null;
  heroImage: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  socialTitle: string | null;
  socialDescription: string | null;
  embargoUntil?: string | null;
  unpublishAt?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value in this browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (this browser's time zone) as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function metadataForm(picker: MediaPicker, media: (id: number) => EditorMedia | undefined) {
  const form = must<HTMLFormElement>('article-meta');
  const rows = must<HTMLOListElement>('author-rows');
  const template = must<HTMLTemplateElement>('author-row-template');
  const heroInput = must<HTMLInputElement>('meta-hero');
  const heroPreview = must('hero-preview');
  const heroRemove = must<HTMLButtonElement>('hero-remove');

  // Times travel as ISO instants; the inputs show them in this browser's time zone.
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=datetime-local][data-iso]')) {
    input.value = toLocalInput(input.dataset.iso);
  }
  /** A time field's value; left out while it is empty and was empty, so only a real change is sent. */
  const time = (name: 'embargoUntil' | 'unpublishAt') => {
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement)) return {};
    const value = fromLocalInput(field.value);
    return value === null && !field.dataset.iso ? {} : { [name]: value };
  };

  const text = (name: string) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement ? field.value.trim() : '';
  };
  const orNull = (value: string) => (value === '' ? null : value);

  function renumber() {
    const items = [...rows.querySelectorAll<HTMLLIElement>('li.author-row')];
    items.forEach((row, index) => {
      const n = index + 1;
      row.querySelector('select')?.setAttribute('aria-label', `Author ${n}`);
      row.querySelector('input')?.setAttribute('aria-label', `Role label for author ${n} (optional, e.g. Reporting by)`);
      row.querySelector('[data-act=up]')?.setAttribute('aria-label', `Move author ${n} up`);
      row.querySelector('[data-act=down]')?.setAttribute('aria-label', `Move author ${n} down`);
      row.querySelector('[data-act=remove]')?.setAttribute('aria-label', `Remove author ${n}`);
      (row.querySelector('[data-act=remove]') as HTMLButtonElement | null)?.toggleAttribute('disabled', items.length === 1);
    });
  }

  rows.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-act]');
    const row = button?.closest('li.author-row');
    if (!button || !row) return;
    if (button.dataset.act === 'up' && row.previousElementSibling) row.previousElementSibling.before(row);
    else if (button.dataset.act === 'down' && row.nextElementSibling) row.nextElementSibling.after(row);
    else if (button.dataset.act === 'remove' && rows.children.length > 1) row.remove();
    renumber();
    form.dispatchEvent(new Event('input', { bubbles: true }));
    button.focus();
  });
  must('author-add').addEventListener('click', () => {
    rows.append(template.content.cloneNode(true));
    renumber();
    rows.querySelector<HTMLSelectElement>('li.author-row:last-child select')?.focus();
    form.dispatchEvent(new Event('input', { bubbles: true }));
  });
  renumber();

  function showHero(id: number | null) {
    heroInput.value = id ? String(id) : '';
    const item = id ? media(id) : undefined;
    heroPreview.replaceChildren(item ? el('img', { src: item.thumbnailUrl, alt: item.alt }) : el('span', {}, [id ? `Image ${id}` : 'No hero image.']));
    heroRemove.hidden = !id;
  }
  must('hero-choose').addEventListener('click', async () => {
    const chosen = await picker.choose();
    if (chosen) {
      showHero(chosen.id);
      form.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  heroRemove.addEventListener('click', () => {
    showHero(null);
    form.dispatchEvent(new Event('input', { bubbles: true }));
  });
  showHero(Number(heroInput.value) || null);
  form.addEventListener('submit', (event) => event.preventDefault());

  return {
    form,
    read(): MetadataPatch {
      const authors = [...rows.querySelectorAll<HTMLLIElement>('li.author-row')].flatMap((row) => {
        const slug = row.querySelector('select')?.value ?? '';
        const role = row.querySelector('input')?.value.trim() ?? '';
        return slug ? [role ? { slug, role } : { slug }] : [];
      });
      const slug = text('slug');
      return {
        headline: text('headline'),
        standfirst: text('standfirst'),
        ...(slug ? { slug } : {}),
        section: text('section'),
        tags: text('tags')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        authors,
        dateline: orNull(text('dateline')),
        heroImage: Number(heroInput.value) || null,
        seoTitle: orNull(text('seoTitle')),
        seoDescription: orNull(text('seoDescription')),
        socialTitle: orNull(text('socialTitle')),
        socialDescription: orNull(text('socialDescription')),
        ...time('embargoUntil'),
        ...time('unpublishAt'),
      };
    },
    /** After a save: the slug the server settled on, and the times it now holds. */
    saved(article: { slug: string; embargoUntil?: string | null; unpublishAt?: string | null }) {
      const field = form.elements.namedItem('slug');
      if (field instanceof HTMLInputElement && field !== document.activeElement) field.value = article.slug;
      for (const name of ['embargoUntil', 'unpublishAt'] as const) {
        const input = form.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.dataset.iso = article[name] ?? '';
      }
    },
    setReadOnly(readOnly: boolean) {
      must<HTMLFieldSetElement>('meta-fields').disabled = readOnly;
    },
  };
}
