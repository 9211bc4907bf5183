/**
 * Sections, tags and authors: list, read, create, change and delete, for the Admin API and the
 * admin pages alike. Every change is validated here (a 400 names the field), purges the cached
 * pages that showed the old values, leaves a redirect behind when a slug changes, and is audited.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import { isStaffRole } from '../accounts/index.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { MediaService } from '../media/service.js';
import { REDIRECTS_TAG, type RedirectsService } from './redirects.js';
import { checkLinks, checkSlug, checkText, isUniqueViolation, RESERVED_SLUGS, type AuthorInput, type AuthorLink, type AuthorRecord, type SectionInput, type SectionRecord, type TagInput, type TagRecord } from './taxonomy-fields.js';
import { PublishingError } from './write.js';

export interface TaxonomyDeps {
  db: Database;
  media: MediaService;
  audit: AuditLog;
  purge: (tags: string[]) => void;
  redirects: RedirectsService;
}

export interface TaxonomyService {
  sections(): Promise<SectionRecord[]>;
  section(id: number): Promise<SectionRecord | null>;
  createSection(actor: Actor, input: SectionInput): Promise<SectionRecord>;
  updateSection(actor: Actor, id: number, patch: Partial<SectionInput>): Promise<SectionRecord>;
  deleteSection(actor: Actor, id: number): Promise<void>;
  tags(): Promise<TagRecord[]>;
  tag(id: number): Promise<TagRecord | null>;
  createTag(actor: Actor, input: TagInput): Promise<TagRecord>;
  updateTag(actor: Actor, id: number, patch: Partial<TagInput>): Promise<TagRecord>;
  deleteTag(actor: Actor, id: number): Promise<void>;
  authors(): Promise<AuthorRecord[]>;
  author(id: number): Promise<AuthorRecord | null>;
  createAuthor(actor: Actor, input: AuthorInput): Promise<AuthorRecord>;
  updateAuthor(actor: Actor, id: number, patch: Partial<AuthorInput>): Promise<AuthorRecord>;
  deleteAuthor(actor: Actor, id: number): Promise<void>;
}

/**
 * Top-level paths the site routes itself: a section or page there would be shadowed (or, for
 * a section, its articles would be: /tag/<slug> is a tag page).
 */
type Trx = Transaction<Tables>;

export function createTaxonomy(deps: TaxonomyDeps): TaxonomyService {
  const k = deps.db.kysely;

  async function counts(column: 'section' | 'tag' | 'author'): Promise<Map<number, number>> {
    const rows =
      column === 'section'
        ? await k.selectFrom('articles').select(['section_id as id', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('section_id').execute()
        : column === 'tag'
          ? await k.selectFrom('article_tags').select(['tag_id as id', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('tag_id').execute()
          : await k.selectFrom('article_authors').select(['author_id as id', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('author_id').execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  /** A top-level slug is shared by sections and pages: the section would shadow the page. */
  async function topLevelFree(trx: Trx, slug: string, kind: 'section' | 'page', selfId: number | null): Promise<void> {
    if (RESERVED_SLUGS.has(slug)) throw new PublishingError(`“${slug}” is an address the site uses itself; choose another slug.`, 'slug', 409);
    const [section, page] = await Promise.all([
      trx.selectFrom('sections').select(['id', 'name']).where('slug', '=', slug).executeTakeFirst(),
      trx.selectFrom('pages').select(['id', 'title']).where('slug', '=', slug).executeTakeFirst(),
    ]);
    if (section && !(kind === 'section' && section.id === selfId)) throw new PublishingError(`The section “${section.name}” already uses the slug “${slug}”.`, 'slug', 409);
    if (page && !(kind === 'page' && page.id === selfId)) throw new PublishingError(`The page “${page.title}” already uses the slug “${slug}”.`, 'slug', 409);
  }

  function sectionInput(input: Partial<SectionInput>, current?: SectionRecord): Omit<SectionInput, 'description' | 'position'> & { description: string; position: number } {
    const position = input.position ?? current?.position ?? 0;
    if (!Number.isSafeInteger(position) || Math.abs(position) > 100_000) throw new PublishingError('The position is a whole number from -100000 to 100000.', 'position');
    return {
      slug: input.slug === undefined && current ? current.slug : checkSlug(input.slug),
      name: input.name === undefined && current ? current.name : checkText(input.name, 'name', 'name', 200, true),
      description: input.description === undefined ? (current?.description ?? '') : checkText(input.description, 'description', 'description', 2000, false),
      position,
    };
  }

  async function section(id: number): Promise<SectionRecord | null> {
    const row = await k.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position']).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const n = await k.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).where('section_id', '=', id).executeTakeFirstOrThrow();
    return { ...row, articleCount: Number(n.n) };
  }

  async function tag(id: number): Promise<TagRecord | null> {
    const row = await k.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const n = await k.selectFrom('article_tags').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tag_id', '=', id).executeTakeFirstOrThrow();
    return { ...row, articleCount: Number(n.n) };
  }

  type AuthorRow = { id: number; slug: string; name: string; title: string; bio: string; photo_media_id: number | null; links: string; user_id: number | null };
  const authorRecord = (row: AuthorRow, articleCount: number): AuthorRecord => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    bio: row.bio,
    photoMediaId: row.photo_media_id,
    links: JSON.parse(row.links) as AuthorLink[],
    userId: row.user_id,
    articleCount,
  });

  async function author(id: number): Promise<AuthorRecord | null> {
    const row = await k.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const n = await k.selectFrom('article_authors').select((eb) => eb.fn.countAll<number | string>().as('n')).where('author_id', '=', id).executeTakeFirstOrThrow();
    return authorRecord(row, Number(n.n));
  }

  async function authorInput(input: Partial<AuthorInput>, current?: AuthorRecord) {
    const values = {
      slug: input.slug === undefined && current ? current.slug : checkSlug(input.slug),
      name: input.name === undefined && current ? current.name : checkText(input.name, 'name', 'name', 200, true),
      title: input.title === undefined ? (current?.title ?? '') : checkText(input.title, 'title', 'title', 200, false),
      bio: input.bio === undefined ? (current?.bio ?? '') : checkText(input.bio, 'bio', 'biography', 5000, false),
      photoMediaId: input.photoMediaId === undefined ? (current?.photoMediaId ?? null) : input.photoMediaId,
      links: input.links === undefined ? (current?.links ?? []) : checkLinks(input.links),
      userId: input.userId === undefined ? (current?.userId ?? null) : input.userId,
    };
    if (values.photoMediaId !== null && input.photoMediaId !== undefined) {
      if (!Number.isSafeInteger(values.photoMediaId) || values.photoMediaId < 1 || !(await deps.media.get(values.photoMediaId))) {
        throw new PublishingError(`There is no image ${String(values.photoMediaId)} in the media library.`, 'photoMediaId');
      }
    }
    if (values.userId !== null && input.userId !== undefined) {
      const user = Number.isSafeInteger(values.userId) ? await k.selectFrom('users').select(['id', 'role']).where('id', '=', values.userId).executeTakeFirst() : undefined;
      if (!user || !isStaffRole(user.role)) throw new PublishingError(`There is no staff user ${String(values.userId)}.`, 'userId');
      const linked = await k.selectFrom('authors').select(['id', 'name']).where('user_id', '=', values.userId).executeTakeFirst();
      if (linked && linked.id !== current?.id) throw new PublishingError(`That user is already linked to the author “${linked.name}”.`, 'userId', 409);
    }
    return values;
  }

  /** Pages that list an author's or tag's stories under other headings: their sections, tags and articles. */
  async function pagesShowing(articleIds: number[]): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const [sections, tags] = await Promise.all([
      k.selectFrom('articles').select('section_id').distinct().where('id', 'in', articleIds).execute(),
      k.selectFrom('article_tags').select('tag_id').distinct().where('article_id', 'in', articleIds).execute(),
    ]);
    return [...articleIds.map((id) => `article:${id}`), ...sections.map((s) => `section:${s.section_id}`), ...tags.map((t) => `tag:${t.tag_id}`)];
  }

  /** Runs a write; a unique index that still says no (two saves racing) is the same 409. */
  async function guarded<T>(message: string, field: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new PublishingError(message, field, 409);
      throw error;
    }
  }

  const sectionTags = (id: number) => [`section:${id}`, 'sections', 'front', 'sitemaps', 'feeds'];

  return {
    async sections() {
      const [rows, n] = await Promise.all([k.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position']).orderBy('position').orderBy('name').execute(), counts('section')]);
      return rows.map((r) => ({ ...r, articleCount: n.get(r.id) ?? 0 }));
    },

    section,

    async createSection(actor, input) {
      const values = sectionInput(input);
      const id = await guarded(`Another section already uses the slug “${values.slug}”.`, 'slug', () =>
        k.transaction().execute(async (trx) => {
          await topLevelFree(trx, values.slug, 'section', null);
          return (await trx.insertInto('sections').values(values).returning('id').executeTakeFirstOrThrow()).id;
        }),
      );
      deps.purge(sectionTags(id));
      await deps.audit.record(actor, 'section.create', { type: 'section', id }, { slug: values.slug, name: values.name });
      return (await section(id)) as SectionRecord;
    },

    async updateSection(actor, id, patch) {
      const current = await section(id);
      if (!current) throw new PublishingError('There is no such section.', undefined, 404);
      const values = sectionInput(patch, current);
      const moved = values.slug !== current.slug;
      await guarded(`Another section already uses the slug “${values.slug}”.`, 'slug', () =>
        k.transaction().execute(async (trx) => {
          if (moved) {
            await topLevelFree(trx, values.slug, 'section', id);
            // Old links keep working: /old answers 301 to /new (articles under it redirect by their own slug).
            await deps.redirects.renamed(trx, `/${current.slug}`, `/${values.slug}`);
          }
          await trx.updateTable('sections').set(values).where('id', '=', id).execute();
        }),
      );
      if (moved) deps.redirects.forget();
      deps.purge([...sectionTags(id), ...(moved ? [REDIRECTS_TAG] : [])]);
      await deps.audit.record(actor, 'section.update', { type: 'section', id }, { slug: values.slug, name: values.name, ...(moved ? { oldSlug: current.slug } : {}) });
      return (await section(id)) as SectionRecord;
    },

    async deleteSection(actor, id) {
      const current = await section(id);
      if (!current) throw new PublishingError('There is no such section.', undefined, 404);
      if (current.articleCount > 0) {
        const n = current.articleCount;
        throw new PublishingError(`The section “${current.name}” still has ${n} article${n === 1 ? '' : 's'}; move ${n === 1 ? 'it' : 'them'} to another section or delete ${n === 1 ? 'it' : 'them'} first.`, undefined, 409);
      }
      try {
        await k.deleteFrom('sections').where('id', '=', id).execute();
      } catch {
        // An article filed in the section between the count and the delete: the foreign key says no.
        throw new PublishingError(`The section “${current.name}” has articles now; move them first.`, undefined, 409);
      }
      deps.purge(sectionTags(id));
      await deps.audit.record(actor, 'section.delete', { type: 'section', id }, { slug: current.slug, name: current.name });
    },

    async tags() {
      const [rows, n] = await Promise.all([k.selectFrom('tags').select(['id', 'slug', 'name']).orderBy('name').execute(), counts('tag')]);
      return rows.map((r) => ({ ...r, articleCount: n.get(r.id) ?? 0 }));
    },

    tag,

    async createTag(actor, input) {
      const values = { slug: checkSlug(input.slug), name: checkText(input.name, 'name', 'name', 200, true) };
      const taken = await k.selectFrom('tags').select('id').where('slug', '=', values.slug).executeTakeFirst();
      if (taken) throw new PublishingError(`Another tag already uses the slug “${values.slug}”.`, 'slug', 409);
      const id = await guarded(`Another tag already uses the slug “${values.slug}”.`, 'slug', async () => (await k.insertInto('tags').values(values).returning('id').executeTakeFirstOrThrow()).id);
      deps.purge([`tag:${id}`, 'sitemaps']);
      await deps.audit.record(actor, 'tag.create', { type: 'tag', id }, values);
      return (await tag(id)) as TagRecord;
    },

    async updateTag(actor, id, patch) {
      const current = await tag(id);
      if (!current) throw new PublishingError('There is no such tag.', undefined, 404);
      const values = {
        slug: patch.slug === undefined ? current.slug : checkSlug(patch.slug),
        name: patch.name === undefined ? current.name : checkText(patch.name, 'name', 'name', 200, true),
      };
      const moved = values.slug !== current.slug;
      await guarded(`Another tag already uses the slug “${values.slug}”.`, 'slug', () =>
        k.transaction().execute(async (trx) => {
          if (moved) {
            const taken = await trx.selectFrom('tags').select('id').where('slug', '=', values.slug).executeTakeFirst();
            if (taken) throw new PublishingError(`Another tag already uses the slug “${values.slug}”.`, 'slug', 409);
            await deps.redirects.renamed(trx, `/tag/${current.slug}`, `/tag/${values.slug}`);
          }
          await trx.updateTable('tags').set(values).where('id', '=', id).execute();
        }),
      );
      if (moved) deps.redirects.forget();
      const articles = (await k.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute()).map((r) => r.article_id);
      deps.purge([`tag:${id}`, ...articles.map((a) => `article:${a}`), 'sitemaps', 'feeds', ...(moved ? [REDIRECTS_TAG] : [])]);
      await deps.audit.record(actor, 'tag.update', { type: 'tag', id }, { ...values, ...(moved ? { oldSlug: current.slug } : {}) });
      return (await tag(id)) as TagRecord;
    },

    async deleteTag(actor, id) {
      const current = await tag(id);
      if (!current) throw new PublishingError('There is no such tag.', undefined, 404);
      // A tag is a label, not a home: deleting it just takes it off its articles.
      const articles = (await k.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute()).map((r) => r.article_id);
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('article_tags').where('tag_id', '=', id).execute();
        await trx.deleteFrom('tags').where('id', '=', id).execute();
      });
      deps.purge([`tag:${id}`, ...articles.map((a) => `article:${a}`), 'sitemaps', 'feeds']);
      await deps.audit.record(actor, 'tag.delete', { type: 'tag', id }, { slug: current.slug, name: current.name });
    },

    async authors() {
      const [rows, n] = await Promise.all([k.selectFrom('authors').selectAll().orderBy('name').execute(), counts('author')]);
      return rows.map((r) => authorRecord(r, n.get(r.id) ?? 0));
    },

    author,

    async createAuthor(actor, input) {
      const values = await authorInput(input);
      const taken = await k.selectFrom('authors').select('id').where('slug', '=', values.slug).executeTakeFirst();
      if (taken) throw new PublishingError(`Another author already uses the slug “${values.slug}”.`, 'slug', 409);
      const id = await guarded(`Another author already uses the slug “${values.slug}”, or that user is already linked.`, 'slug', async () => {
        const row = await k
          .insertInto('authors')
          .values({ slug: values.slug, name: values.name, title: values.title, bio: values.bio, photo_media_id: values.photoMediaId, links: JSON.stringify(values.links), user_id: values.userId })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      });
      deps.purge([`author:${id}`, 'sitemaps']);
      await deps.audit.record(actor, 'author.create', { type: 'author', id }, { slug: values.slug, name: values.name, userId: values.userId });
      return (await author(id)) as AuthorRecord;
    },

    async updateAuthor(actor, id, patch) {
      const current = await author(id);
      if (!current) throw new PublishingError('There is no such author.', undefined, 404);
      const values = await authorInput(patch, current);
      const moved = values.slug !== current.slug;
      await guarded(`Another author already uses the slug “${values.slug}”, or that user is already linked.`, 'slug', () =>
        k.transaction().execute(async (trx) => {
          if (moved) {
            const taken = await trx.selectFrom('authors').select('id').where('slug', '=', values.slug).executeTakeFirst();
            if (taken) throw new PublishingError(`Another author already uses the slug “${values.slug}”.`, 'slug', 409);
            await deps.redirects.renamed(trx, `/author/${current.slug}`, `/author/${values.slug}`);
          }
          await trx
            .updateTable('authors')
            .set({ slug: values.slug, name: values.name, title: values.title, bio: values.bio, photo_media_id: values.photoMediaId, links: JSON.stringify(values.links), user_id: values.userId })
            .where('id', '=', id)
            .execute();
        }),
      );
      if (moved) deps.redirects.forget();
      // Bylines appear on every card of the author's stories: their articles, sections and tags.
      const articles = (await k.selectFrom('article_authors').select('article_id').where('author_id', '=', id).execute()).map((r) => r.article_id);
      deps.purge([`author:${id}`, ...(await pagesShowing(articles)), 'front', 'feeds', 'sitemaps', ...(moved ? [REDIRECTS_TAG] : [])]);
      await deps.audit.record(actor, 'author.update', { type: 'author', id }, { slug: values.slug, name: values.name, userId: values.userId, ...(moved ? { oldSlug: current.slug } : {}) });
      return (await author(id)) as AuthorRecord;
    },

    async deleteAuthor(actor, id) {
      const current = await author(id);
      if (!current) throw new PublishingError('There is no such author.', undefined, 404);
      if (current.articleCount > 0) {
        const n = current.articleCount;
        throw new PublishingError(`${current.name} is credited on ${n} article${n === 1 ? '' : 's'}; change ${n === 1 ? 'its' : 'their'} bylines first.`, undefined, 409);
      }
      try {
        await k.deleteFrom('authors').where('id', '=', id).execute();
      } catch {
        throw new PublishingError(`${current.name} was just credited on an article; change its byline first.`, undefined, 409);
      }
      deps.purge([`author:${id}`, 'sitemaps']);
      await deps.audit.record(actor, 'author.delete', { type: 'author', id }, { slug: current.slug, name: current.name });
    },
  };
}
