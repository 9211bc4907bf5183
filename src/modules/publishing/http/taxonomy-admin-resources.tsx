/**
 * What each admin page edits: its fields, its list columns, and how a posted form becomes a
 * service call. Parsing here only reshapes text (numbers, lines); the services validate.
 */
import { staffRoles } from '../../accounts/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { VersionHistory } from '../admin/pages-views.js';
import type { FieldDef, FormValues } from '../admin/taxonomy-views.js';
import type { Block, Doc } from '../body-schema.js';
import { htmlToDoc } from '../html-to-doc.js';
import type { PageRecord, PagesService } from '../pages.js';
import type { Redirect, RedirectsService, RedirectStatus } from '../redirects.js';
import type { TaxonomyService } from '../taxonomy.js';
import type { AuthorLink, AuthorRecord, SectionRecord, TagRecord } from '../taxonomy-fields.js';
import { PublishingError } from '../write.js';
import type { ResourceAdmin } from './taxonomy-admin.js';

/** A number field: empty is `empty`, anything else must read as a number (the service checks the range). */
function numberOf(raw: string | undefined, empty: number | null, field: string, label: string): number | null {
  const text = (raw ?? '').trim();
  if (text === '') return empty;
  if (!/^-?\d{1,10}$/u.test(text)) throw new PublishingError(`The ${label} must be a whole number.`, field);
  return Number(text);
}

const slugField: FieldDef = { name: 'slug', label: 'Slug', hint: 'Lower-case letters, digits and hyphens. Changing it leaves a redirect from the old address.' };

export function sectionsAdmin(taxonomy: TaxonomyService): ResourceAdmin<SectionRecord> {
  const fields: FieldDef[] = [
    { name: 'name', label: 'Name' },
    slugField,
    { name: 'description', label: 'Description', kind: 'textarea', rows: 3, hint: 'Shown on the section page and to search engines.' },
    { name: 'position', label: 'Position', kind: 'number', hint: 'Order in the navigation, lowest first.' },
  ];
  const input = (form: FormValues) => ({
    name: form.name ?? '',
    slug: form.slug ?? '',
    description: form.description ?? '',
    position: numberOf(form.position, 0, 'position', 'position') ?? 0,
  });
  return {
    key: 'sections',
    title: 'Sections',
    noun: 'section',
    action: 'taxonomy.manage',
    columns: [
      { label: 'Name', cell: (s) => s.name },
      { label: 'Address', cell: (s) => <a href={`/${s.slug}`}>/{s.slug}</a> },
      { label: 'Position', cell: (s) => s.position },
      { label: 'Articles', cell: (s) => s.articleCount },
    ],
    nameOf: (s) => s.name,
    idOf: (s) => s.id,
    fields: async () => fields,
    list: () => taxonomy.sections(),
    get: (id) => taxonomy.section(id),
    values: (s) => ({ name: s.name, slug: s.slug, description: s.description, position: String(s.position) }),
    blank: { position: '0' },
    create: (actor, form) => taxonomy.createSection(actor, input(form)),
    update: (actor, id, form) => taxonomy.updateSection(actor, id, input(form)),
    remove: (actor, id) => taxonomy.deleteSection(actor, id),
    consequence: (s) => (s.articleCount > 0 ? `It still has ${s.articleCount} article(s): move them first, or deleting will be refused.` : undefined),
  };
}

export function tagsAdmin(taxonomy: TaxonomyService): ResourceAdmin<TagRecord> {
  const fields: FieldDef[] = [{ name: 'name', label: 'Name' }, slugField];
  const input = (form: FormValues) => ({ name: form.name ?? '', slug: form.slug ?? '' });
  return {
    key: 'tags',
    title: 'Tags',
    noun: 'tag',
    action: 'taxonomy.manage',
    columns: [
      { label: 'Name', cell: (t) => t.name },
      { label: 'Address', cell: (t) => <a href={`/tag/${t.slug}`}>/tag/{t.slug}</a> },
      { label: 'Articles', cell: (t) => t.articleCount },
    ],
    nameOf: (t) => t.name,
    idOf: (t) => t.id,
    fields: async () => fields,
    list: () => taxonomy.tags(),
    get: (id) => taxonomy.tag(id),
    values: (t) => ({ name: t.name, slug: t.slug }),
    create: (actor, form) => taxonomy.createTag(actor, input(form)),
    update: (actor, id, form) => taxonomy.updateTag(actor, id, input(form)),
    remove: (actor, id) => taxonomy.deleteTag(actor, id),
    consequence: (t) => (t.articleCount > 0 ? `It is taken off its ${t.articleCount} article(s).` : undefined),
  };
}

/** "Label | https://…" per line. */
function linksOf(text: string | undefined): AuthorLink[] {
  return (text ?? '')
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const bar = line.indexOf('|');
      if (bar === -1) throw new PublishingError(`Write link ${i + 1} as “Label | https://address”.`, 'links');
      return { label: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

export function authorsAdmin(taxonomy: TaxonomyService, deps: NewsroomDeps): ResourceAdmin<AuthorRecord> {
  const input = (form: FormValues) => ({
    name: form.name ?? '',
    slug: form.slug ?? '',
    title: form.title ?? '',
    bio: form.bio ?? '',
    photoMediaId: numberOf(form.photoMediaId, null, 'photoMediaId', 'photo (media id)'),
    links: linksOf(form.links),
    userId: numberOf(form.userId, null, 'userId', 'staff user'),
  });
  return {
    key: 'authors',
    title: 'Authors',
    noun: 'author',
    action: 'taxonomy.manage',
    columns: [
      { label: 'Name', cell: (a) => a.name },
      { label: 'Title', cell: (a) => a.title },
      { label: 'Address', cell: (a) => <a href={`/author/${a.slug}`}>/author/{a.slug}</a> },
      { label: 'Articles', cell: (a) => a.articleCount },
    ],
    nameOf: (a) => a.name,
    idOf: (a) => a.id,
    async fields() {
      const users = await deps.db.kysely.selectFrom('users').select(['id', 'name', 'email']).where('role', 'in', [...staffRoles]).orderBy('name').execute();
      return [
        { name: 'name', label: 'Name' },
        slugField,
        { name: 'title', label: 'Title', hint: 'Such as “Health correspondent”.' },
        { name: 'bio', label: 'Biography', kind: 'textarea', rows: 5 },
        { name: 'photoMediaId', label: 'Photo (media id)', kind: 'number', hint: 'The id of an image in the media library; empty for none.' },
        { name: 'links', label: 'Links', kind: 'textarea', rows: 3, hint: 'One per line: Label | https://address' },
        {
          name: 'userId',
          label: 'Staff user',
          kind: 'select',
          hint: 'The newsroom account this author signs in with, if any.',
          options: [{ value: '', label: 'None' }, ...users.map((u) => ({ value: String(u.id), label: u.name ? `${u.name} (${u.email})` : u.email }))],
        },
      ];
    },
    list: () => taxonomy.authors(),
    get: (id) => taxonomy.author(id),
    values: (a) => ({
      name: a.name,
      slug: a.slug,
      title: a.title,
      bio: a.bio,
      photoMediaId: a.photoMediaId === null ? '' : String(a.photoMediaId),
      links: a.links.map((l) => `${l.label} | ${l.url}`).join('\n'),
      userId: a.userId === null ? '' : String(a.userId),
    }),
    create: (actor, form) => taxonomy.createAuthor(actor, input(form)),
    update: (actor, id, form) => taxonomy.updateAuthor(actor, id, input(form)),
    remove: (actor, id) => taxonomy.deleteAuthor(actor, id),
    consequence: (a) => (a.articleCount > 0 ? `${a.name} is credited on ${a.articleCount} article(s): change those bylines first, or deleting will be refused.` : undefined),
  };
}

/** Plain paragraphs: blank lines between paragraphs, single line breaks kept. */
export function paragraphsToDoc(text: string): Doc {
  const content: Block[] = text
    .replace(/\r\n?/gu, '\n')
    .split(/\n\s*\n/u)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => ({
      type: 'paragraph' as const,
      content: chunk.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' as const }] : []), ...(line.trim() ? [{ type: 'text' as const, text: line.trim() }] : [])]),
    }));
  return { type: 'doc', content };
}

/** The text of a document that is only unstyled paragraphs, or null when it needs the JSON form. */
export function docToParagraphs(doc: Doc): string | null {
  const out: string[] = [];
  for (const block of doc.content) {
    if (block.type !== 'paragraph') return null;
    let text = '';
    for (const node of block.content ?? []) {
      if (node.type === 'hardBreak') text += '\n';
      else if (node.marks?.length) return null;
      else text += node.text;
    }
    out.push(text);
  }
  return out.join('\n\n');
}

function bodyOf(form: FormValues, publicUrl: string): Doc {
  const text = form.body ?? '';
  if (form.format === 'html') return htmlToDoc(text, { publicUrl });
  if (form.format !== 'json') return paragraphsToDoc(text);
  try {
    return JSON.parse(text) as Doc;
  } catch {
    throw new PublishingError('The body is not valid JSON; check the brackets and quotes, or choose “Paragraphs”.', 'body');
  }
}

export function pagesAdmin(pages: PagesService, publicUrl: string): ResourceAdmin<PageRecord> {
  const fields: FieldDef[] = [
    { name: 'title', label: 'Title' },
    { ...slugField, hint: 'The page lives at /<slug>. Changing it leaves a redirect from the old address.' },
    {
      name: 'format',
      label: 'Body format',
      kind: 'select',
      options: [
        { value: 'paragraphs', label: 'Paragraphs (a blank line between paragraphs)' },
        { value: 'json', label: 'Block JSON (headings, lists, links …)' },
        { value: 'html', label: 'HTML (cleaned and converted to blocks; saved as JSON)' },
      ],
    },
    { name: 'body', label: 'Body', kind: 'textarea', rows: 18 },
  ];
  const values = (p: PageRecord): FormValues => {
    const plain = docToParagraphs(p.body);
    return { title: p.title, slug: p.slug, format: plain === null ? 'json' : 'paragraphs', body: plain ?? JSON.stringify(p.body, null, 2) };
  };
  return {
    key: 'pages',
    title: 'Pages',
    noun: 'page',
    action: 'pages.manage',
    columns: [
      { label: 'Title', cell: (p) => p.title },
      { label: 'Address', cell: (p) => <a href={`/${p.slug}`}>/{p.slug}</a> },
      { label: 'Version', cell: (p) => p.version },
      { label: 'Updated', cell: (p) => new Date(p.updatedAt).toISOString().slice(0, 10) },
    ],
    nameOf: (p) => p.title,
    idOf: (p) => p.id,
    fields: async () => fields,
    // The list needs no bodies; the summaries are shaped as records for the shared view.
    list: async () => (await pages.list()).map((p) => ({ ...p, body: { type: 'doc', content: [] } })),
    get: (id) => pages.get(id),
    values,
    blank: { format: 'paragraphs' },
    create: (actor, form) => pages.create(actor, { title: form.title ?? '', slug: form.slug ?? '', body: bodyOf(form, publicUrl) }),
    update: (actor, id, form) => pages.update(actor, id, { title: form.title ?? '', slug: form.slug ?? '', body: bodyOf(form, publicUrl) }),
    remove: (actor, id) => pages.remove(actor, id),
    async extra(page) {
      return <VersionHistory page={page} versions={(await pages.versions(page.id)) ?? []} />;
    },
    consequence: (p) => `Its ${p.version} version(s) of history go with it, and /${p.slug} will answer “not found”.`,
  };
}

export function redirectsAdmin(redirects: RedirectsService): ResourceAdmin<Redirect> {
  const fields: FieldDef[] = [
    { name: 'from', label: 'Old address', hint: 'A path on this site, such as /old-page (no https:// or host).' },
    { name: 'to', label: 'New address', hint: 'A path such as /new-page, or a full https:// address.' },
    {
      name: 'status',
      label: 'Kind',
      kind: 'select',
      options: [
        { value: '301', label: '301 — moved for good' },
        { value: '302', label: '302 — moved for now' },
      ],
    },
  ];
  const input = (form: FormValues) => {
    const status = form.status === '302' ? 302 : form.status === '301' || !form.status ? 301 : Number.NaN;
    if (Number.isNaN(status)) throw new PublishingError('Choose 301 or 302.', 'status');
    return { from: form.from ?? '', to: form.to ?? '', status: status as RedirectStatus };
  };
  return {
    key: 'redirects',
    title: 'Redirects',
    noun: 'redirect',
    action: 'redirects.manage',
    columns: [
      { label: 'Old address', cell: (r) => <code>{r.from}</code> },
      { label: 'New address', cell: (r) => <code>{r.to}</code> },
      { label: 'Kind', cell: (r) => r.status },
      { label: 'Hits', cell: (r) => r.hits },
    ],
    nameOf: (r) => r.from,
    idOf: (r) => r.id,
    fields: async () => fields,
    list: () => redirects.list(),
    get: (id) => redirects.get(id),
    values: (r) => ({ from: r.from, to: r.to, status: String(r.status) }),
    blank: { status: '301' },
    create: (actor, form) => redirects.create(actor, input(form)),
    update: (actor, id, form) => redirects.update(actor, id, input(form)),
    remove: (actor, id) => redirects.remove(actor, id),
  };
}
