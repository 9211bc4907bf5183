/**
 * Full-text search over published articles: SQLite FTS5 (bm25) on the embedded database,
 * PostgreSQL's weighted tsvector (ts_rank_cd) at scale. Both return the same shape, with the
 * matched words of the snippet wrapped in private-use markers that the view turns into <mark>
 * after escaping, so no stored text is ever trusted as HTML.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, DialectName } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';

export const MARK_START = '\u{E000}';
export const MARK_END = '\u{E001}';

export interface SearchDocument {
  headline: string;
  standfirst: string;
  body: string;
}

export interface SearchHit {
  articleId: number;
  /** Headline and snippet with matches wrapped in MARK_START/MARK_END. */
  headline: string;
  snippet: string;
}

type Executor = Kysely<Tables> | Transaction<Tables>;

export async function indexArticle(db: Executor, dialect: DialectName, id: number, doc: SearchDocument): Promise<void> {
  await unindexArticle(db, dialect, id);
  if (dialect === 'sqlite') {
    await sql`INSERT INTO article_search (rowid, headline, standfirst, body) VALUES (${id}, ${doc.headline}, ${doc.standfirst}, ${doc.body})`.execute(db);
  } else {
    await sql`INSERT INTO article_search (article_id, headline, standfirst, body, document) VALUES (${id}, ${doc.headline}, ${doc.standfirst}, ${doc.body},
      setweight(to_tsvector('english', ${doc.headline}), 'A') || setweight(to_tsvector('english', ${doc.standfirst}), 'B') || setweight(to_tsvector('english', ${doc.body}), 'C'))`.execute(db);
  }
}

export async function unindexArticle(db: Executor, dialect: DialectName, id: number): Promise<void> {
  if (dialect === 'sqlite') await sql`DELETE FROM article_search WHERE rowid = ${id}`.execute(db);
  else await sql`DELETE FROM article_search WHERE article_id = ${id}`.execute(db);
}

/**
 * Turns what a reader typed into a query the engine cannot choke on: words only, each one
 * required, the last one also matched as a prefix (search-as-you-type friendly).
 */
export function queryTerms(input: string): string[] {
  return (input.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** SQLite FTS5: every word required, the last one as a prefix. */
const ftsMatch = (terms: string[]) => terms.map((t) => `"${t}"`).join(' ') + '*';
/** PostgreSQL to_tsquery over sanitised words: each word required, the last one as a prefix. */
const tsQuery = (terms: string[]) => terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ');

/** Ids of indexed articles matching what a reader typed, as a subquery; null when nothing searchable was typed. */
export function matchingArticleIds(dialect: DialectName, input: string) {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return dialect === 'sqlite'
    ? sql<number>`(SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch(terms)})`
    : sql<number>`(SELECT article_id FROM article_search WHERE document @@ to_tsquery('english', ${tsQuery(terms)}))`;
}

export async function searchArticles(db: Database, input: string, limit: number, offset: number): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = queryTerms(input);
  if (terms.length === 0) return { hits: [], total: 0 };
  return db.dialect === 'sqlite' ? searchSqlite(db, terms, limit, offset) : searchPostgres(db, terms, limit, offset);
}

async function searchSqlite(db: Database, terms: string[], limit: number, offset: number) {
  const match = ftsMatch(terms);
  const rows = await sql<{ id: number; headline: string; snippet: string }>`
    SELECT s.rowid AS id,
      highlight(article_search, 0, ${MARK_START}, ${MARK_END}) AS headline,
      snippet(article_search, 2, ${MARK_START}, ${MARK_END}, '…', 28) AS snippet
    FROM article_search s JOIN articles a ON a.id = s.rowid AND a.status = 'published'
    WHERE article_search MATCH ${match}
    ORDER BY bm25(article_search, 10.0, 4.0, 1.0), a.published_at DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(db.kysely);
  const count = await sql<{ n: number }>`
    SELECT count(*) AS n FROM article_search s JOIN articles a ON a.id = s.rowid AND a.status = 'published'
    WHERE article_search MATCH ${match}`.execute(db.kysely);
  return {
    hits: rows.rows.map((r) => ({ articleId: r.id, headline: r.headline, snippet: r.snippet })),
    total: Number(count.rows[0]?.n ?? 0),
  };
}

async function searchPostgres(db: Database, terms: string[], limit: number, offset: number) {
  const tsquery = tsQuery(terms);
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=1, FragmentDelimiter=" … "`;
  const rows = await sql<{ id: number; headline: string; snippet: string }>`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query)
    SELECT s.article_id AS id,
      ts_headline('english', s.headline, q.query, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`}) AS headline,
      ts_headline('english', s.body, q.query, ${options}) AS snippet
    FROM article_search s CROSS JOIN q JOIN articles a ON a.id = s.article_id AND a.status = 'published'
    WHERE s.document @@ q.query
    ORDER BY ts_rank_cd(s.document, q.query) DESC, a.published_at DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(db.kysely);
  const count = await sql<{ n: number }>`
    SELECT count(*) AS n FROM article_search s JOIN articles a ON a.id = s.article_id AND a.status = 'published'
    WHERE s.document @@ to_tsquery('english', ${tsquery})`.execute(db.kysely);
  return {
    hits: rows.rows.map((r) => ({ articleId: r.id, headline: r.headline, snippet: r.snippet })),
    total: Number(count.rows[0]?.n ?? 0),
  };
}
