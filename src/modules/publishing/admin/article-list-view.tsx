/**
 * The newsroom's article list (/admin/articles) and the "new article" form: server-rendered, a
 * GET form for the filters, cursor links for older pages. No script is needed on either page.
 */
import type { Staff } from '../../accounts/index.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import type { ArticleListItem } from '../types.js';

export interface Choice {
  slug: string;
  name: string;
}

export interface ListFilters {
  status: string;
  section: string;
  author: string;
  q: string;
}

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function StatusBadge({ status }: { status: string }) {
  return <span class={`status-badge status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

function Select({ id, name, label, value, choices, any }: { id: string; name: string; label: string; value: string; choices: Choice[]; any: string }) {
  return (
    <span class="article-filter">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.slug} value={c.slug} selected={c.slug === value}>
            {c.name}
          </option>
        ))}
      </select>
    </span>
  );
}

export interface ListPageInput {
  look: Look | null;
  staff: Staff;
  items: ArticleListItem[];
  nextCursor: string | null;
  filters: ListFilters;
  sections: Choice[];
  authors: Choice[];
  /** Formats an ISO time in the publication's zone. */
  when: (iso: string) => string;
  /** Only their own articles are listed (contributors and authors). */
  ownOnly: boolean;
  problem?: string;
}

function query(filters: ListFilters, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  params.set('cursor', cursor);
  return `/admin/articles?${params.toString()}`;
}

export function articleListPage(input: ListPageInput): string {
  const { items, filters } = input;
  const filtered = Object.values(filters).some(Boolean);
  const statuses = Object.entries(STATUS_LABELS).map(([slug, name]) => ({ slug, name }));
  return adminPage({
    look: input.look,
    staff: input.staff,
    title: 'Articles',
    active: 'articles',
    wide: true,
    children: (
      <>
        <p class="article-actions">
          <a class="button-link" href="/admin/articles/new">
            New article
          </a>
          {input.ownOnly ? <span class="field-hint">Your role lists the articles you created or are named on.</span> : null}
        </p>
        {input.problem ? (
          <p class="form-problem" role="alert">
            {input.problem}
          </p>
        ) : null}
        <form class="staff-filter article-filters" method="get" action="/admin/articles" role="search" aria-label="Filter articles">
          <Select id="filter-status" name="status" label="Status" value={filters.status} choices={statuses} any="Any status" />
          <Select id="filter-section" name="section" label="Section" value={filters.section} choices={input.sections} any="Any section" />
          <Select id="filter-author" name="author" label="Author" value={filters.author} choices={input.authors} any="Any author" />
          <span class="article-filter">
            <label for="filter-q">Headline contains</label>
            <input id="filter-q" type="search" name="q" value={filters.q} maxLength={200} />
          </span>
          <button type="submit">Filter</button>
          {filtered ? <a href="/admin/articles">Clear filters</a> : null}
        </form>
        {items.length === 0 ? (
          <p>{filtered ? 'No articles match these filters.' : 'No articles yet. Start one with "New article".'}</p>
        ) : (
          <table class="staff-table article-table">
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col">Section</th>
                <th scope="col">Authors</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`/admin/articles/${a.id}`}>{a.headline}</a>
                    {a.lock ? <span class="lock-indicator"> {a.lock.userId === input.staff.id ? 'You are editing' : `${a.lock.name} is editing`}</span> : null}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={a.status} />
                    {a.status === 'scheduled' && a.publishAt ? <span class="field-hint">for {input.when(a.publishAt)}</span> : null}
                  </td>
                  <td data-label="Section">{a.section.name}</td>
                  <td data-label="Authors">{a.authors.map((au) => au.name).join(', ')}</td>
                  <td data-label="Last change">{input.when(new Date(a.modifiedAt).toISOString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {input.nextCursor ? (
          <p>
            <a href={query(filters, input.nextCursor)} rel="next">
              Older articles
            </a>
          </p>
        ) : null}
      </>
    ),
  });
}

export interface NewPageInput {
  look: Look | null;
  staff: Staff;
  sections: Choice[];
  authors: Choice[];
  values: { headline: string; section: string; author: string };
  problem?: string;
  field?: string;
}

export function newArticlePage(input: NewPageInput): string {
  const invalid = (name: string) => (input.field === name ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'form-problem' } : {});
  return adminPage({
    look: input.look,
    staff: input.staff,
    title: 'New article',
    active: 'articles',
    children: (
      <form class="admin-form" method="post" action="/admin/articles/new">
        {input.problem ? (
          <p class="form-problem" role="alert" id="form-problem">
            {input.problem}
          </p>
        ) : null}
        <p>
          <label for="new-headline">Headline</label>
          <input id="new-headline" name="headline" required maxLength={300} value={input.values.headline} {...invalid('headline')} />
        </p>
        <p>
          <label for="new-section">Section</label>
          <select id="new-section" name="section" required {...invalid('section')}>
            {input.sections.map((s) => (
              <option key={s.slug} value={s.slug} selected={s.slug === input.values.section}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="new-author">Author</label>
          <select id="new-author" name="author" required {...invalid('authors')}>
            {input.authors.map((a) => (
              <option key={a.slug} value={a.slug} selected={a.slug === input.values.author}>
                {a.name}
              </option>
            ))}
          </select>
          <span class="field-hint">You can add more authors, and role labels such as "Reporting by", in the editor.</span>
        </p>
        {input.sections.length === 0 || input.authors.length === 0 ? (
          <p class="form-problem">An article needs a section and an author; an editor can add them under Sections and Authors.</p>
        ) : null}
        <p>
          <button type="submit">Create draft and open the editor</button>
        </p>
      </form>
    ),
  });
}
