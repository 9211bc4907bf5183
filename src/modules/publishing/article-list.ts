/**
 * The newsroom's article list: filters, keyset paging on (modified_at, id), and visibility — roles
 * that may not edit every article see only their own (created by them, or bylined to them).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { can, type Staff } from '../accounts/index.js';
import { cursors, CursorError } from '../api/cursor.js';
import { lockView } from './article-views.js';
import type { EditLocks } from './locks.js';
import type { ArticleListItem } from './types.js';
import { fail, iso, type ListQuery } from './workflow-rules.js';

export function createArticleList(deps: { db: Database; now: () => number; secret: string; locks: EditLocks }) {
  const k = deps.db.kysely;
  const locks = deps.locks;
  const listCursors = cursors(deps.secret, 'admin.articles');
  return async function list(staff: Staff, query: ListQuery): Promise<{ items: ArticleListItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  let q = k
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 'a.headline', 'a.status', 'a.publish_at', 'a.published_at', 'a.modified_at', 'a.word_count', 's.slug as section_slug', 's.name as section_name']);
  if (query.status) q = q.where('a.status', '=', query.status);
  if (query.section) q = q.where('s.slug', '=', query.section);
  if (query.author) {
    const slug = query.author;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('au.slug', '=', slug)),
    );
  }
  if (query.q?.trim()) {
    const pattern = `%${query.q.trim().toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(a.headline) like ${pattern} escape '\\'`);
  }
  if (!can(staff.role, 'article.edit.any')) {
    if (staff.via === 'key') q = q.where('a.created_by_key', '=', staff.keyId ?? -1);
    else {
      const userId = staff.id ?? -1;
      q = q.where((eb) =>
        eb.or([
          eb('a.created_by_user', '=', userId),
          eb.exists(eb.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('au.user_id', '=', userId)),
        ]),
      );
    }
  }
  if (query.cursor) {
    let key: (string | number)[];
    try {
      key = listCursors.decode(query.cursor, ['number', 'number']);
    } catch (error) {
      if (error instanceof CursorError) return fail(error.message, 'cursor');
      throw error;
    }
    const [modifiedAt, lastId] = key as [number, number];
    q = q.where((eb) => eb.or([eb('a.modified_at', '<', modifiedAt), eb.and([eb('a.modified_at', '=', modifiedAt), eb('a.id', '<', lastId)])]));
  }
  const rows = await q.orderBy('a.modified_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [bylines, held] = await Promise.all([
    ids.length
      ? k
          .selectFrom('article_authors as aa')
          .innerJoin('authors as au', 'au.id', 'aa.author_id')
          .select(['aa.article_id', 'au.slug', 'au.name', 'aa.role_label'])
          .where('aa.article_id', 'in', ids)
          .orderBy('aa.position')
          .execute()
      : Promise.resolve([]),
    locks.currentMany(ids, deps.now()),
  ]);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      headline: r.headline,
      status: r.status,
      section: { slug: r.section_slug, name: r.section_name },
      authors: bylines.filter((b) => b.article_id === r.id).map((b) => ({ slug: b.slug, name: b.name, role: b.role_label })),
      publishAt: iso(r.publish_at),
      publishedAt: iso(r.published_at),
      modifiedAt: r.modified_at,
      wordCount: r.word_count,
      lock: lockView(held.get(r.id)),
    })),
    nextCursor: rows.length > limit && last ? listCursors.encode([last.modified_at, last.id]) : null,
  };
};
}
