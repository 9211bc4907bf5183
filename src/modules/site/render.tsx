/**
 * Loads what a public page needs and renders it to an HTML string, with the cache tags that
 * say which content changes make it stale. Kept apart from routing so the benchmark can time a
 * cold render (database read included) without HTTP in the way.
 */
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { CommentsService, SectionQuery } from '../comments/index.js';
import { countTag, threadTag } from '../comments/index.js';
import type { MediaService } from '../media/service.js';
import type { ArticleCard, PublishingQueries, Section } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { SiteContext } from './context.js';
import { ANONYMOUS, type Visitor } from './visitor.js';
import { ArticlePage } from './views/article-page.js';
import { FrontPage } from './views/front-page.js';
import { ListingPage } from './views/listing-page.js';
import { NotFoundPage } from './views/not-found-page.js';
import { SearchPage } from './views/search-page.js';
import { StaticPage } from './views/static-page.js';

export interface Rendered {
  html: string;
  tags: string[];
}

/** What a render can answer besides a page. */
export type RenderResult = Rendered | { redirect: string } | { notFound: true };

export interface SiteRendererDeps {
  queries: PublishingQueries;
  settings: SettingsService;
  media: MediaService;
  publicUrl: string;
  stylesheet: () => string;
  clock?: () => number;
  /** The discussion under articles and the counts on cards; left out, pages show neither. */
  comments?: { service: CommentsService; stylesheet: string };
}

const NOT_FOUND = { notFound: true } as const;

export function createSiteRenderer(deps: SiteRendererDeps) {
  const { queries } = deps;
  const clock = deps.clock ?? Date.now;

  // Every page shows the sections; they change rarely and purge the 'sections' tag when they do.
  let sectionsCache: Promise<Section[]> | null = null;

  async function context(visitor: Visitor = ANONYMOUS): Promise<SiteContext> {
    const settings = deps.settings.get();
    sectionsCache ??= queries.sections().catch((error: unknown) => {
      sectionsCache = null;
      throw error;
    });
    const [sections, logo] = await Promise.all([sectionsCache, settings.logoMediaId ? deps.media.get(settings.logoMediaId) : Promise.resolve(null)]);
    return { settings, sections, logo, publicUrl: deps.publicUrl, stylesheet: deps.stylesheet(), now: clock(), visitor };
  }

  const html = (node: JSX.Element) => `<!doctype html>${renderToString(node)}`;

  /** Comment counts for the cards a page shows, with the tags that purge it when one changes. */
  async function countCards(ctx: SiteContext, cards: readonly (ArticleCard | null | undefined)[]): Promise<string[]> {
    if (!deps.comments) return [];
    const ids = cards.flatMap((c) => (c ? [c.id] : []));
    ctx.commentCounts = await deps.comments.service.counts(ids);
    return [...new Set(ids)].map(countTag);
  }
  // Every page shows the section navigation and the settings, so both are tags of every page.
  const base = ['sections', 'settings'];

  return {
    context,

    /** Called on cache purges: drops what it keeps in memory when the purged tags cover it. */
    forget(tags: readonly string[]) {
      if (tags.includes('sections')) sectionsCache = null;
    },

    async front(visitor?: Visitor): Promise<Rendered> {
      const ctx = await context(visitor);
      const latest = await queries.latest(11);
      const [lead, ...rest] = latest;
      const secondary = rest.slice(0, 2);
      // Section blocks skip the stories already at the top of the page.
      const top = new Set([lead, ...secondary].map((c) => c?.id));
      const bySection = await Promise.all(
        ctx.sections.map(async (section) => ({
          section,
          cards: (await queries.latest(4 + top.size, { sectionId: section.id })).filter((c) => !top.has(c.id)).slice(0, 4),
        })),
      );
      const counted = await countCards(ctx, [...latest, ...bySection.flatMap((b) => b.cards)]);
      return {
        html: html(<FrontPage ctx={ctx} data={{ lead: lead ?? null, secondary, latest: rest.slice(2, 10), bySection }} />),
        tags: [...base, 'front', ...counted],
      };
    },

    /** `commentsQuery`: the state of the comments section (sort, page, linked comment, a refused form). */
    async article(sectionSlug: string, slug: string, commentsQuery: SectionQuery = { sort: 'newest' }, visitor?: Visitor): Promise<RenderResult> {
      const lookup = await queries.article(sectionSlug, slug, 3);
      if (!lookup) return NOT_FOUND;
      if ('redirect' in lookup) return lookup;
      const { found: article, related } = lookup;
      const ctx = await context(visitor);
      const [counted, section] = await Promise.all([
        countCards(ctx, related),
        deps.comments ? deps.comments.service.section(article, commentsQuery) : Promise.resolve(null),
      ]);
      const comments = section && deps.comments ? { data: section, stylesheet: deps.comments.stylesheet } : null;
      return {
        html: html(<ArticlePage ctx={ctx} article={article} related={related} comments={comments} />),
        tags: [
          ...base,
          `article:${article.id}`,
          `section:${article.section.id}`,
          ...article.authors.map((a) => `author:${a.id}`),
          ...(section ? [threadTag(section.page.story.id)] : []),
          ...counted,
        ],
      };
    },

    async section(slug: string, page: number, visitor?: Visitor): Promise<RenderResult> {
      const section = await queries.sectionBySlug(slug);
      if (!section) return NOT_FOUND;
      const ctx = await context(visitor);
      const paged = await queries.list({ sectionId: section.id }, page, ctx.settings.pageSize);
      if (page > paged.pageCount) return NOT_FOUND;
      const counted = await countCards(ctx, paged.items);
      return {
        html: html(
          <ListingPage
            ctx={ctx}
            kind="section"
            title={section.name}
            description={section.description}
            path={`/${section.slug}`}
            paged={paged}
            currentSection={section.slug}
            feeds={{ rss: `/feeds/section/${section.slug}/rss.xml`, atom: `/feeds/section/${section.slug}/atom.xml` }}
          />,
        ),
        tags: [...base, `section:${section.id}`, ...counted],
      };
    },

    async tag(slug: string, page: number, visitor?: Visitor): Promise<RenderResult> {
      const tag = await queries.tagBySlug(slug);
      if (!tag) return NOT_FOUND;
      const ctx = await context(visitor);
      const paged = await queries.list({ tagId: tag.id }, page, ctx.settings.pageSize);
      if (page > paged.pageCount || paged.total === 0) return NOT_FOUND;
      const counted = await countCards(ctx, paged.items);
      return {
        html: html(<ListingPage ctx={ctx} kind="tag" title={tag.name} description={`Stories about ${tag.name} from ${ctx.settings.name}.`} path={`/tag/${tag.slug}`} paged={paged} />),
        tags: [...base, `tag:${tag.id}`, ...counted],
      };
    },

    async author(slug: string, page: number, visitor?: Visitor): Promise<RenderResult> {
      const author = await queries.authorBySlug(slug);
      if (!author) return NOT_FOUND;
      const ctx = await context(visitor);
      const paged = await queries.list({ authorId: author.id }, page, ctx.settings.pageSize);
      if (page > paged.pageCount) return NOT_FOUND;
      const counted = await countCards(ctx, paged.items);
      return {
        html: html(
          <ListingPage
            ctx={ctx}
            kind="author"
            title={author.name}
            description={author.bio || `Stories by ${author.name}`}
            path={`/author/${author.slug}`}
            paged={paged}
            author={author}
            feeds={{ rss: `/feeds/author/${author.slug}/rss.xml`, atom: `/feeds/author/${author.slug}/atom.xml` }}
          />,
        ),
        tags: [...base, `author:${author.id}`, ...counted],
      };
    },

    async page(slug: string, visitor?: Visitor): Promise<RenderResult> {
      const page = await queries.page(slug);
      if (!page) return NOT_FOUND;
      const ctx = await context(visitor);
      return { html: html(<StaticPage ctx={ctx} page={page} />), tags: [...base, `page:${slug}`] };
    },

    async search(query: string, page: number, visitor?: Visitor): Promise<Rendered> {
      const ctx = await context(visitor);
      const results = query.trim() ? await queries.search(query, page, ctx.settings.pageSize) : null;
      if (results) await countCards(ctx, results.items);
      return { html: html(<SearchPage ctx={ctx} query={query} results={results} />), tags: [] };
    },

    async notFound(visitor?: Visitor): Promise<Rendered> {
      const ctx = await context(visitor);
      const latest = await queries.latest(3);
      return { html: html(<NotFoundPage ctx={ctx} latest={latest} />), tags: [] };
    },
  };
}

export type SiteRenderer = ReturnType<typeof createSiteRenderer>;
