/**
 * How an article is presented to the newsroom: the full ArticleView of the Admin API and the
 * editor, the snapshot a revision keeps, and its public URL.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Doc } from './body-schema.js';
import type { EditLocks, LockHolder } from './locks.js';
import type { Snapshot } from './revisions.js';
import type { WorkingCopies } from './working-copy.js';
import type { NoteKind, PublishingTables } from './tables.js';
import { articlePath, type ArticleView, type LockView, type NoteView } from './types.js';
import { iso, readingMinutes } from './workflow-rules.js';

export type ArticleRow = Selectable<PublishingTables['articles']>;

export const noteView = (n: { id: number; kind: NoteKind; body: string; created_at: number }): NoteView => ({ id: n.id, kind: n.kind, body: n.body, at: new Date(n.created_at).toISOString() });
export const lockView = (l: LockHolder | null | undefined): LockView | null => (l ? { userId: l.userId, name: l.name, expiresAt: new Date(l.expiresAt).toISOString() } : null);

export function snapshot(row: ArticleRow): Snapshot {
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    body: JSON.parse(row.body) as Doc,
    metadata: {
      slug: row.slug,
      status: row.status,
      dateline: row.dateline,
      heroImage: row.hero_media_id,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      socialTitle: row.social_title,
      socialDescription: row.social_description,
    },
  };
}

export interface ArticleViews {
  view(row: ArticleRow): Promise<ArticleView>;
  urlOf(row: ArticleRow): Promise<string>;
}

export function createArticleViews(deps: { db: Database; publicUrl: string; now: () => number; locks: EditLocks; copies: WorkingCopies }): ArticleViews {
  const k = deps.db.kysely;
  const locks = deps.locks;

  async function sectionSlugOf(row: ArticleRow): Promise<{ slug: string; name: string }> {
    return k.selectFrom('sections').select(['slug', 'name']).where('id', '=', row.section_id).executeTakeFirstOrThrow();
  }

  async function urlOf(row: ArticleRow): Promise<string> {
    return `${deps.publicUrl}${articlePath((await sectionSlugOf(row)).slug, row.slug)}`;
  }

  async function view(row: ArticleRow): Promise<ArticleView> {
    const now = deps.now();
    const [section, authors, tags, notes, lock, creator, copy] = await Promise.all([
      sectionSlugOf(row),
      k
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['au.slug', 'au.name', 'aa.role_label'])
        .where('aa.article_id', '=', row.id)
        .orderBy('aa.position')
        .execute(),
      k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.slug').where('at.article_id', '=', row.id).orderBy('t.slug').execute(),
      k.selectFrom('article_notes').select(['id', 'kind', 'body', 'created_at']).where('article_id', '=', row.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
      locks.current(row.id, now),
      row.created_by_user !== null
        ? k.selectFrom('users').select('name').where('id', '=', row.created_by_user).executeTakeFirst()
        : row.created_by_key !== null
          ? k.selectFrom('api_keys').select('name').where('id', '=', row.created_by_key).executeTakeFirst().then((r) => (r ? { name: `API key "${r.name}"` } : undefined))
          : Promise.resolve(undefined),
      deps.copies.get(row.id),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      status: row.status,
      section,
      authors: authors.map((a) => ({ slug: a.slug, name: a.name, role: a.role_label })),
      tags: tags.map((t) => t.slug),
      dateline: row.dateline,
      heroImage: row.hero_media_id,
      body: JSON.parse(row.body) as Doc,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      socialTitle: row.social_title,
      socialDescription: row.social_description,
      publishAt: iso(row.publish_at),
      unpublishAt: iso(row.unpublish_at),
      embargoUntil: iso(row.embargo_until),
      publishedAt: iso(row.published_at),
      updatedAt: iso(row.updated_at),
      modifiedAt: row.modified_at,
      wordCount: row.word_count,
      readingMinutes: readingMinutes(row.word_count),
      url: row.status === 'published' ? `${deps.publicUrl}${articlePath(section.slug, row.slug)}` : null,
      createdBy: creator ? { name: creator.name } : null,
      notes: notes.map(noteView),
      lock: lockView(lock),
      workingCopy: copy ? { savedAt: new Date(copy.savedAt).toISOString(), savedBy: copy.savedBy, fields: copy.fields } : null,
    };
  }

  return { view, urlOf };
}
