/**
 * Static pages (About, Privacy Policy, Terms of Use …) with their history. Every save is a new
 * version: `pages.version` counts up and `page_versions` keeps each version's title and body, so
 * a reader's consent can name the exact text they accepted and any version can be restored.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { MediaService } from '../media/service.js';
import { checkDoc, type Doc } from './body-schema.js';
import { REDIRECTS_TAG, type RedirectsService } from './redirects.js';
import { mediaIdsIn, renderBody } from './render-body.js';
import { checkSlug, checkText, isUniqueViolation, RESERVED_SLUGS } from './taxonomy-fields.js';
import { PublishingError } from './errors.js';

export interface PageSummary {
  id: number;
  slug: string;
  title: string;
  version: number;
  updatedAt: number;
}

export interface PageRecord extends PageSummary {
  body: Doc;
}

export interface PageVersionSummary {
  version: number;
  slug: string;
  title: string;
  savedAt: number;
  savedBy: string;
}

export interface PageVersion extends PageVersionSummary {
  pageId: number;
  body: Doc;
}

export interface PageInput {
  slug: string;
  title: string;
  body: Doc;
}

export interface PagesDeps {
  db: Database;
  media: MediaService;
  audit: AuditLog;
  now: () => number;
  purge: (tags: string[]) => void;
  redirects: RedirectsService;
}

export interface PagesService {
  list(): Promise<PageSummary[]>;
  get(id: number): Promise<PageRecord | null>;
  create(actor: Actor, input: PageInput): Promise<PageRecord>;
  update(actor: Actor, id: number, patch: Partial<PageInput>): Promise<PageRecord>;
  remove(actor: Actor, id: number): Promise<void>;
  versions(id: number): Promise<PageVersionSummary[] | null>;
  version(id: number, version: number): Promise<PageVersion | null>;
  /** Saves the chosen version's title and body as a new version (the slug stays). */
  restore(actor: Actor, id: number, version: number): Promise<PageRecord>;
  /** The current version number of the page at this slug (what a reader accepts), or null. */
  currentVersion(slug: string): Promise<number | null>;
}

export function checkPageBody(body: unknown): Doc {
  const problem = checkDoc(body)[0];
  if (problem) throw new PublishingError(`The body does not fit the block schema at ${problem.path}: ${problem.message}.`, 'body');
  return body as Doc;
}

/**
 * Inside a transaction: saves `values` as the page's next version, or as version 1 of a new page
 * (`current` null), and keeps that version in page_versions. The pages service and the seed's
 * upsertPage (write.ts) both save through here, so every saved text is a version. Returns the
 * page id and the version number; a save racing another from the same version throws a 409.
 */
export async function storePageVersion(
  trx: Kysely<Tables>,
  current: PageRecord | null,
  values: PageInput,
  save: { html: string; now: number; savedBy: string },
): Promise<{ id: number; version: number }> {
  const row = { slug: values.slug, title: values.title, body: JSON.stringify(values.body), rendered_body: save.html, updated_at: save.now };
  let id: number;
  let version: number;
  if (!current) {
    version = 1;
    id = (await trx.insertInto('pages').values({ ...row, version }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    id = current.id;
    version = current.version + 1;
    // Saved before versions were kept: keep what it says now as its own version.
    const kept = await trx.selectFrom('page_versions').select('id').where('page_id', '=', id).where('version', '=', current.version).executeTakeFirst();
    if (!kept) {
      await trx
        .insertInto('page_versions')
        .values({ page_id: id, version: current.version, slug: current.slug, title: current.title, body: JSON.stringify(current.body), saved_at: current.updatedAt, saved_by: '' })
        .execute();
    }
    // The version check makes two saves racing from the same version a conflict, not a lost edit.
    const result = await trx.updateTable('pages').set({ ...row, version }).where('id', '=', id).where('version', '=', current.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new PublishingError('The page was changed by someone else while saving; reload and try again.', undefined, 409);
  }
  await trx
    .insertInto('page_versions')
    .values({ page_id: id, version, slug: values.slug, title: values.title, body: row.body, saved_at: save.now, saved_by: save.savedBy })
    .execute();
  return { id, version };
}

/** A pages row as the service shows it. */
export function pageRecordOf(row: { id: number; slug: string; title: string; body: string; version: number; updated_at: number }): PageRecord {
  return { id: row.id, slug: row.slug, title: row.title, body: JSON.parse(row.body) as Doc, version: Number(row.version), updatedAt: Number(row.updated_at) };
}

export function createPages(deps: PagesDeps): PagesService {
  const k = deps.db.kysely;

  async function rendered(doc: Doc): Promise<string> {
    return JSON.stringify(renderBody(doc, await deps.media.getMany(mediaIdsIn(doc))));
  }

  async function get(id: number): Promise<PageRecord | null> {
    const row = await k.selectFrom('pages').select(['id', 'slug', 'title', 'body', 'version', 'updated_at']).where('id', '=', id).executeTakeFirst();
    return row ? pageRecordOf(row) : null;
  }

  async function slugFree(slug: string, selfId: number | null): Promise<void> {
    if (RESERVED_SLUGS.has(slug)) throw new PublishingError(`“${slug}” is an address the site uses itself; choose another slug.`, 'slug', 409);
    const [section, page] = await Promise.all([
      k.selectFrom('sections').select('name').where('slug', '=', slug).executeTakeFirst(),
      k.selectFrom('pages').select(['id', 'title']).where('slug', '=', slug).executeTakeFirst(),
    ]);
    // The section front answers /<slug> first, so a page there would never be seen.
    if (section) throw new PublishingError(`The section “${section.name}” already uses the slug “${slug}”.`, 'slug', 409);
    if (page && page.id !== selfId) throw new PublishingError(`The page “${page.title}” already uses the slug “${slug}”.`, 'slug', 409);
  }

  async function versionOf(id: number, version: number): Promise<PageVersion | null> {
    const row = await k.selectFrom('page_versions').selectAll().where('page_id', '=', id).where('version', '=', version).executeTakeFirst();
    if (row) {
      return { pageId: id, version: Number(row.version), slug: row.slug, title: row.title, body: JSON.parse(row.body) as Doc, savedAt: Number(row.saved_at), savedBy: row.saved_by };
    }
    const page = await get(id);
    if (page && page.version === version) return { pageId: id, version, slug: page.slug, title: page.title, body: page.body, savedAt: page.updatedAt, savedBy: '' };
    return null;
  }

  const duplicate = (slug: string) => new PublishingError(`Another page already uses the slug “${slug}”.`, 'slug', 409);

  async function save(actor: Actor, id: number, patch: Partial<PageInput>, action: string, detail: Record<string, unknown> = {}): Promise<PageRecord> {
    const current = await get(id);
    if (!current) throw new PublishingError('There is no such page.', undefined, 404);
    const values = {
      slug: patch.slug === undefined ? current.slug : checkSlug(patch.slug),
      title: patch.title === undefined ? current.title : checkText(patch.title, 'title', 'title', 300, true),
      body: patch.body === undefined ? current.body : checkPageBody(patch.body),
    };
    const moved = values.slug !== current.slug;
    if (moved) await slugFree(values.slug, id);
    const save = { html: await rendered(values.body), now: deps.now(), savedBy: actor.label };
    let version: number;
    try {
      version = await k.transaction().execute(async (trx) => {
        const stored = await storePageVersion(trx, current, values, save);
        if (moved) await deps.redirects.renamed(trx, `/${current.slug}`, `/${values.slug}`);
        return stored.version;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw moved ? duplicate(values.slug) : new PublishingError('The page was changed by someone else while saving; reload and try again.', undefined, 409);
      throw error;
    }
    if (moved) deps.redirects.forget();
    deps.purge([`page:${current.slug}`, `page:${values.slug}`, 'sitemaps', ...(moved ? [REDIRECTS_TAG] : [])]);
    await deps.audit.record(actor, action, { type: 'page', id }, { slug: values.slug, version, ...(moved ? { oldSlug: current.slug } : {}), ...detail });
    return (await get(id)) as PageRecord;
  }

  return {
    async list() {
      const rows = await k.selectFrom('pages').select(['id', 'slug', 'title', 'version', 'updated_at']).orderBy('slug').execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, version: Number(r.version), updatedAt: Number(r.updated_at) }));
    },

    get,

    async create(actor, input) {
      const values = { slug: checkSlug(input.slug), title: checkText(input.title, 'title', 'title', 300, true), body: checkPageBody(input.body) };
      await slugFree(values.slug, null);
      const save = { html: await rendered(values.body), now: deps.now(), savedBy: actor.label };
      let id: number;
      try {
        id = (await k.transaction().execute((trx) => storePageVersion(trx, null, values, save))).id;
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate(values.slug);
        throw error;
      }
      deps.purge([`page:${values.slug}`, 'sitemaps']);
      await deps.audit.record(actor, 'page.create', { type: 'page', id }, { slug: values.slug, version: 1 });
      return (await get(id)) as PageRecord;
    },

    update: (actor, id, patch) => save(actor, id, patch, 'page.update'),

    async remove(actor, id) {
      const current = await get(id);
      if (!current) throw new PublishingError('There is no such page.', undefined, 404);
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('page_versions').where('page_id', '=', id).execute();
        await trx.deleteFrom('pages').where('id', '=', id).execute();
      });
      deps.purge([`page:${current.slug}`, 'sitemaps']);
      await deps.audit.record(actor, 'page.delete', { type: 'page', id }, { slug: current.slug, title: current.title, version: current.version });
    },

    async versions(id) {
      const page = await get(id);
      if (!page) return null;
      const rows = await k.selectFrom('page_versions').select(['version', 'slug', 'title', 'saved_at', 'saved_by']).where('page_id', '=', id).orderBy('version', 'desc').execute();
      const list = rows.map((r) => ({ version: Number(r.version), slug: r.slug, title: r.title, savedAt: Number(r.saved_at), savedBy: r.saved_by }));
      // A page saved before versions were kept has no row yet: its current text is still a version.
      if (!list.some((v) => v.version === page.version)) list.unshift({ version: page.version, slug: page.slug, title: page.title, savedAt: page.updatedAt, savedBy: '' });
      return list;
    },

    version: versionOf,

    async restore(actor, id, version) {
      const old = await versionOf(id, version);
      if (!old) throw new PublishingError('There is no such version of this page.', undefined, 404);
      return save(actor, id, { title: old.title, body: old.body }, 'page.restore', { restoredFrom: version });
    },

    async currentVersion(slug) {
      const row = await k.selectFrom('pages').select('version').where('slug', '=', slug).executeTakeFirst();
      return row ? Number(row.version) : null;
    },
  };
}
