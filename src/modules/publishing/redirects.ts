/**
 * Staff-managed redirects: an old address answers 301/302 to a new one. The public site consults
 * them only where it would otherwise answer 404, so a redirect can never hide a live page. The
 * whole table is held in memory (it is small and read on every 404). Every change purges the
 * REDIRECTS_TAG on the event bus, and every instance drops its table when it hears that purge
 * (wired in http/taxonomy-routes.ts); CACHE_TTL_MS is only the safety net for a purge that never
 * arrived (a dropped LISTEN connection, say).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { Actor, AuditLog } from '../audit/index.js';
import { PublishingError } from './write.js';

export type RedirectStatus = 301 | 302;

export interface Redirect {
  id: number;
  from: string;
  to: string;
  status: RedirectStatus;
  hits: number;
  createdAt: number;
  updatedAt: number;
}

export interface RedirectInput {
  from: string;
  to: string;
  status?: RedirectStatus;
}

export interface RedirectsDeps {
  db: Database;
  audit: AuditLog;
  now: () => number;
  purge: (tags: string[]) => void;
  publicUrl: string;
}

export interface RedirectsService {
  list(): Promise<Redirect[]>;
  get(id: number): Promise<Redirect | null>;
  create(actor: Actor, input: RedirectInput): Promise<Redirect>;
  update(actor: Actor, id: number, patch: Partial<RedirectInput>): Promise<Redirect>;
  remove(actor: Actor, id: number): Promise<void>;
  /** Where a request path (query string allowed) should go, or null; counts the hit. */
  resolve(url: string): Promise<{ location: string; status: RedirectStatus } | null>;
  /**
   * Inside a rename's transaction: `from` now lives at `to`. Adds (or re-points) the redirect,
   * re-points redirects that led to `from`, and drops any redirect away from the new live path.
   */
  renamed(trx: Transaction<Tables>, from: string, to: string): Promise<void>;
  /**
   * Drops this instance's in-memory table: when any instance purges REDIRECTS_TAG, and after a
   * transaction that called renamed() commits (its caller also purges the tag for the others).
   */
  forget(): void;
}

/** The purge tag of every redirect change; hearing it, an instance reloads its table. */
export const REDIRECTS_TAG = 'redirects';

const CACHE_TTL_MS = 30_000;
const MAX_FROM = 500;
const MAX_TO = 2000;
/** Addresses the site serves itself, whatever the database holds. */
const RESERVED = /^\/(?:admin|api|assets|media|feeds|search|healthz|favicon\.(?:svg|ico)|logo\.png|robots\.txt|sitemap[^/]*)(?:\/|$)/u;

const toRedirect = (r: { id: number; from_path: string; to_target: string; status: number; hits: number; created_at: number; updated_at: number }): Redirect => ({
  id: r.id,
  from: r.from_path,
  to: r.to_target,
  status: r.status === 302 ? 302 : 301,
  hits: Number(r.hits),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

/** A site path as redirects store it: no trailing slash (the router ignores one too). */
function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/u, '') || '/' : path;
}

/** `from`: a path on this site, checked and normalised, or a 400 that says what is wrong. */
export function normaliseFrom(raw: string): string {
  const value = raw.trim();
  if (!value) throw new PublishingError('Give the old address, a path such as /old-page.', 'from');
  if (value.length > MAX_FROM) throw new PublishingError(`The old address is longer than ${MAX_FROM} characters.`, 'from');
  if (/^[a-z][a-z0-9+.-]*:/iu.test(value) || value.startsWith('//')) {
    throw new PublishingError('The old address is a path on this site: start it with / and leave out https:// and the host.', 'from');
  }
  if (!value.startsWith('/')) throw new PublishingError('The old address must start with /.', 'from');
  if (/[\s\\\u0000-\u001f\u007f]/u.test(value)) throw new PublishingError('The old address may not contain spaces, backslashes or control characters.', 'from');
  if (/[?#]/u.test(value)) throw new PublishingError('Redirects match the path only: leave out the ?… or #… part.', 'from');
  return trimSlash(value);
}

/** `to`: a path on this site or an absolute http(s) address. */
export function normaliseTo(raw: string): string {
  const value = raw.trim();
  if (!value) throw new PublishingError('Give the new address: a path such as /new-page or a full https:// address.', 'to');
  if (value.length > MAX_TO) throw new PublishingError(`The new address is longer than ${MAX_TO} characters.`, 'to');
  if (/[\s\\\u0000-\u001f\u007f]/u.test(value)) throw new PublishingError('The new address may not contain spaces, backslashes or control characters.', 'to');
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PublishingError('The new address must be a path starting with / or a full http:// or https:// address.', 'to');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new PublishingError('The new address must be a path starting with / or a full http:// or https:// address.', 'to');
  }
  if (url.username || url.password) throw new PublishingError('The new address may not carry a user name or password.', 'to');
  return value;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function createRedirects(deps: RedirectsDeps): RedirectsService {
  const k = deps.db.kysely;
  const origin = new URL(deps.publicUrl).origin;
  let table: Promise<Map<string, Redirect>> | null = null;
  let loadedAt = 0;

  function lookupTable(): Promise<Map<string, Redirect>> {
    if (!table || deps.now() - loadedAt > CACHE_TTL_MS) {
      loadedAt = deps.now();
      table = k
        .selectFrom('redirects')
        .selectAll()
        .execute()
        .then((rows) => new Map(rows.map((r) => [r.from_path, toRedirect(r)])))
        .catch((error: unknown) => {
          table = null;
          throw error;
        });
    }
    return table;
  }

  const forget = () => {
    table = null;
  };

  /** The site path a target points at, if it is on this site. */
  function localPath(target: string): string | null {
    if (target.startsWith('/')) return trimSlash(target.split(/[?#]/u)[0] ?? target);
    const url = new URL(target);
    return url.origin === origin ? trimSlash(url.pathname) : null;
  }

  /** A page the site serves at this path (a redirect from it would never be used). */
  async function liveReason(path: string): Promise<string | null> {
    if (path === '/') return 'the front page';
    if (RESERVED.test(path)) return 'an address the site itself uses';
    const parts = path.slice(1).split('/');
    if (parts.length === 1) {
      const slug = parts[0] ?? '';
      const [section, page] = await Promise.all([
        k.selectFrom('sections').select('name').where('slug', '=', slug).executeTakeFirst(),
        k.selectFrom('pages').select('title').where('slug', '=', slug).executeTakeFirst(),
      ]);
      if (section) return `the section “${section.name}”`;
      if (page) return `the page “${page.title}”`;
    } else if (parts.length === 2) {
      const [first = '', second = ''] = parts;
      if (first === 'tag') {
        const tag = await k.selectFrom('tags').select('name').where('slug', '=', second).executeTakeFirst();
        if (tag) return `the tag “${tag.name}”`;
      } else if (first === 'author') {
        const author = await k.selectFrom('authors').select('name').where('slug', '=', second).executeTakeFirst();
        if (author) return `the author “${author.name}”`;
      } else {
        const article = await k.selectFrom('articles').select('headline').where('slug', '=', second).where('status', '=', 'published').executeTakeFirst();
        if (article) return `the article “${article.headline}”`;
      }
    }
    return null;
  }

  async function check(input: { from: string; to: string }, selfId: number | null): Promise<void> {
    const target = localPath(input.to);
    if (target === input.from) throw new PublishingError('The redirect would send the address to itself.', 'to');
    const live = await liveReason(input.from);
    if (live) throw new PublishingError(`${input.from} is ${live}; a redirect there would never be used. Change or delete that first.`, 'from', 409);
    const taken = await k.selectFrom('redirects').select('id').where('from_path', '=', input.from).executeTakeFirst();
    if (taken && taken.id !== selfId) throw new PublishingError(`There is already a redirect from ${input.from}.`, 'from', 409);
    // Follow the chain from the target: coming back to `from` would bounce readers for ever.
    const rows = await k.selectFrom('redirects').select(['id', 'from_path', 'to_target']).execute();
    const next = new Map(rows.filter((r) => r.id !== selfId).map((r) => [r.from_path, r.to_target]));
    let at = target;
    for (let hops = 0; at !== null && hops < 20; hops++) {
      const to = next.get(at);
      if (to === undefined) break;
      at = localPath(to);
      if (at === input.from) throw new PublishingError(`The redirect would make a loop: ${input.to} already leads back to ${input.from}.`, 'to');
    }
  }

  async function load(id: number): Promise<Redirect | null> {
    const row = await k.selectFrom('redirects').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRedirect(row) : null;
  }

  function changed() {
    forget();
    deps.purge([REDIRECTS_TAG]);
  }

  return {
    async list() {
      return (await k.selectFrom('redirects').selectAll().orderBy('from_path').execute()).map(toRedirect);
    },

    get: load,

    async create(actor, input) {
      const values = { from: normaliseFrom(input.from), to: normaliseTo(input.to), status: input.status ?? 301 };
      if (values.status !== 301 && values.status !== 302) throw new PublishingError('The status is 301 (permanent) or 302 (temporary).', 'status');
      await check(values, null);
      const now = deps.now();
      let row: { id: number };
      try {
        row = await k
          .insertInto('redirects')
          .values({ from_path: values.from, to_target: values.to, status: values.status, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) throw new PublishingError(`There is already a redirect from ${values.from}.`, 'from', 409);
        throw error;
      }
      changed();
      await deps.audit.record(actor, 'redirect.create', { type: 'redirect', id: row.id }, { from: values.from, to: values.to, status: values.status });
      return (await load(row.id)) as Redirect;
    },

    async update(actor, id, patch) {
      const current = await load(id);
      if (!current) throw new PublishingError('There is no such redirect.', undefined, 404);
      const values = {
        from: patch.from === undefined ? current.from : normaliseFrom(patch.from),
        to: patch.to === undefined ? current.to : normaliseTo(patch.to),
        status: patch.status ?? current.status,
      };
      if (values.status !== 301 && values.status !== 302) throw new PublishingError('The status is 301 (permanent) or 302 (temporary).', 'status');
      await check(values, id);
      try {
        await k.updateTable('redirects').set({ from_path: values.from, to_target: values.to, status: values.status, updated_at: deps.now() }).where('id', '=', id).execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new PublishingError(`There is already a redirect from ${values.from}.`, 'from', 409);
        throw error;
      }
      changed();
      await deps.audit.record(actor, 'redirect.update', { type: 'redirect', id }, { from: values.from, to: values.to, status: values.status });
      return (await load(id)) as Redirect;
    },

    async remove(actor, id) {
      const current = await load(id);
      if (!current) throw new PublishingError('There is no such redirect.', undefined, 404);
      await k.deleteFrom('redirects').where('id', '=', id).execute();
      changed();
      await deps.audit.record(actor, 'redirect.delete', { type: 'redirect', id }, { from: current.from, to: current.to });
    },

    async resolve(url) {
      const queryAt = url.indexOf('?');
      const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
      const query = queryAt === -1 ? '' : url.slice(queryAt);
      const redirects = await lookupTable();
      let found = redirects.get(trimSlash(rawPath));
      if (!found) {
        // Stored as typed (often with accents); the request path arrives percent-encoded.
        try {
          found = redirects.get(trimSlash(decodeURI(rawPath)));
        } catch {
          return null;
        }
      }
      if (!found) return null;
      await k
        .updateTable('redirects')
        .set((eb) => ({ hits: eb('hits', '+', 1) }))
        .where('id', '=', found.id)
        .execute();
      // Old links with ?page=2 keep their query, unless the target chose its own.
      const location = query && !found.to.includes('?') ? `${found.to}${query}` : found.to;
      return { location, status: found.status };
    },

    async renamed(trx, from, to) {
      const now = deps.now();
      await trx.deleteFrom('redirects').where('from_path', '=', to).execute();
      await trx.updateTable('redirects').set({ to_target: to, updated_at: now }).where('to_target', '=', from).execute();
      const existing = await trx.selectFrom('redirects').select('id').where('from_path', '=', from).executeTakeFirst();
      if (existing) await trx.updateTable('redirects').set({ to_target: to, status: 301, updated_at: now }).where('id', '=', existing.id).execute();
      else await trx.insertInto('redirects').values({ from_path: from, to_target: to, status: 301, created_at: now, updated_at: now }).execute();
    },

    forget,
  };
}
