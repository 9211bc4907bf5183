/**
 * Stories: one discussion per article, made on first need (the article page's first render, or
 * the first post) with the publication's defaults of that moment: open or closed, pre-moderated,
 * and closing N days after the article's publication.
 */
import type { Kysely, Selectable } from 'kysely';
import { everyColumn } from '../../db/columns.js';
import type { Tables } from '../../db/tables.js';
import type { CommentsTables } from './tables.js';

export type StoryRow = Selectable<CommentsTables['comment_stories']>;

/** Named rather than `*`, so the story reads stay prepared statements on PostgreSQL (db/columns.ts). */
const STORY_COLUMNS = everyColumn<StoryRow>()('id', 'article_id', 'url', 'title', 'open', 'closes_at', 'premoderated', 'comment_count', 'created_at');

export interface StoryView {
  id: number;
  articleId: number | null;
  url: string;
  title: string;
  /** Whether it takes comments right now (open, and not past its closing time). */
  open: boolean;
  closedReason: string | null;
  closesAt: number | null;
  premoderated: boolean;
  commentCount: number;
}

/** What a story needs to know about its article. */
export interface ArticleRef {
  id: number;
  /** Site-relative: /<section>/<slug>. */
  path: string;
  headline: string;
  publishedAt: number;
}

export interface StoryDefaults {
  openByDefault: boolean;
  autoCloseDays: number;
  preModeration: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

export function storyView(row: StoryRow, now: number): StoryView {
  const closedByTime = row.closes_at !== null && row.closes_at <= now;
  const closedReason = row.open !== 1 ? 'Comments are closed on this story.' : closedByTime ? 'Comments on this story closed automatically some time after it was published.' : null;
  return {
    id: row.id,
    articleId: row.article_id,
    url: row.url,
    title: row.title,
    open: closedReason === null,
    closedReason,
    closesAt: row.closes_at,
    premoderated: row.premoderated === 1,
    commentCount: row.comment_count,
  };
}

export async function storyById(k: Kysely<Tables>, id: number): Promise<StoryRow | null> {
  return (await k.selectFrom('comment_stories').select(STORY_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * `known`: what publishedArticleWithStory read with the article — its story row, or null when it
 * has none yet — saving the read here.
 */
export async function storyForArticle(k: Kysely<Tables>, article: ArticleRef, url: string, defaults: StoryDefaults, now: number, known?: StoryRow | null): Promise<StoryRow> {
  const found = known !== undefined ? known : await storyRowOfArticle(k, article.id);
  if (found) {
    // The article moved (a new slug or section): the story follows, so permalinks and embeds agree.
    if (found.url !== url) {
      const moved = await k.updateTable('comment_stories').set({ url, title: article.headline }).where('id', '=', found.id).executeTakeFirst().catch(() => null);
      if (moved) return { ...found, url, title: article.headline };
    }
    return found;
  }
  const insert = (storyUrl: string) =>
    k
      .insertInto('comment_stories')
      .values({
        article_id: article.id,
        url: storyUrl,
        title: article.headline.slice(0, 500),
        open: defaults.openByDefault ? 1 : 0,
        closes_at: defaults.autoCloseDays > 0 ? article.publishedAt + defaults.autoCloseDays * DAY : null,
        premoderated: defaults.preModeration ? 1 : 0,
        comment_count: 0,
        created_at: now,
      })
      // Two first renders racing: one row wins, both read it.
      .onConflict((oc) => oc.doNothing())
      .execute();
  const byArticle = () => k.selectFrom('comment_stories').select(STORY_COLUMNS).where('article_id', '=', article.id).executeTakeFirst();
  await insert(url);
  // The address may still belong to the story of an article that moved away from it.
  const made = (await byArticle()) ?? (await insert(`${url}#article-${article.id}`), await byArticle());
  if (!made) throw new Error(`comments: could not make a story for article ${article.id}`);
  return made;
}

/**
 * The story of a page on another site (the embed), by its canonical URL; made on first need. It
 * has no publication time of ours, so it never closes by itself.
 */
export async function storyForPage(k: Kysely<Tables>, page: { url: string; title: string }, defaults: StoryDefaults, now: number): Promise<StoryRow> {
  const byUrl = () => k.selectFrom('comment_stories').select(STORY_COLUMNS).where('url', '=', page.url).executeTakeFirst();
  const found = await byUrl();
  if (found) return found;
  await k
    .insertInto('comment_stories')
    .values({ article_id: null, url: page.url, title: page.title.slice(0, 500), open: defaults.openByDefault ? 1 : 0, closes_at: null, premoderated: defaults.preModeration ? 1 : 0, comment_count: 0, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const made = await byUrl();
  if (!made) throw new Error(`comments: could not make a story for ${page.url}`);
  return made;
}

/**
 * A published article and its story row (if it has one yet), in one statement: what posting and
 * reading by article id need first. Null when the article is not published.
 */
export async function publishedArticleWithStory(k: Kysely<Tables>, articleId: number): Promise<{ article: ArticleRef; story: StoryRow | null } | null> {
  const row = await k
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('comment_stories as cs', 'cs.article_id', 'a.id')
    .select(['a.id', 'a.slug', 'a.headline', 'a.published_at', 's.slug as section_slug'])
    .select(['cs.id as story_id', 'cs.url', 'cs.title', 'cs.open', 'cs.closes_at', 'cs.premoderated', 'cs.comment_count', 'cs.created_at'])
    .where('a.id', '=', articleId)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  if (!row) return null;
  const article = { id: row.id, path: `/${row.section_slug}/${row.slug}`, headline: row.headline, publishedAt: row.published_at ?? 0 };
  if (row.story_id === null) return { article, story: null };
  const story: StoryRow = {
    id: row.story_id,
    article_id: row.id,
    url: row.url ?? '',
    title: row.title ?? '',
    open: row.open ?? 0,
    closes_at: row.closes_at,
    premoderated: row.premoderated ?? 0,
    comment_count: row.comment_count ?? 0,
    created_at: row.created_at ?? 0,
  };
  return { article, story };
}

function storyRowOfArticle(k: Kysely<Tables>, articleId: number): Promise<StoryRow | undefined> {
  return k.selectFrom('comment_stories').select(STORY_COLUMNS).where('article_id', '=', articleId).executeTakeFirst();
}

/** A published article, for permalinks and for checking a story's article is still up. */
export async function publishedArticle(k: Kysely<Tables>, articleId: number): Promise<ArticleRef | null> {
  const row = await k
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 'a.headline', 'a.published_at', 's.slug as section_slug'])
    .where('a.id', '=', articleId)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, path: `/${row.section_slug}/${row.slug}`, headline: row.headline, publishedAt: row.published_at ?? 0 };
}
