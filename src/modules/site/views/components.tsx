/** Small building blocks of the public pages. */
import type { ComponentChildren } from 'preact';
import type { ArticleCard, Byline as BylineEntry } from '../../publishing/index.js';
import { Picture } from '../../media/picture.js';
import type { SiteContext } from '../context.js';
import { CommentsSection, READER_SIGN_IN_PATH, type SectionData } from '../../comments/index.js';
import { displayDate, displayDateTime, isoInZone } from '../time.js';

export function Time({ ctx, ms, withTime = true }: { ctx: SiteContext; ms: number; withTime?: boolean }) {
  const { timeZone, locale } = ctx.settings;
  return <time datetime={isoInZone(ms, timeZone)}>{withTime ? displayDateTime(ms, timeZone, locale) : displayDate(ms, timeZone, locale)}</time>;
}

/** "By A and B" for plain bylines, then one line per role label ("Additional reporting by C"). */
export function BylineNames({ authors }: { authors: BylineEntry[] }) {
  const plain = authors.filter((a) => !a.role);
  const roles = new Map<string, BylineEntry[]>();
  for (const a of authors) if (a.role) roles.set(a.role, [...(roles.get(a.role) ?? []), a]);
  return (
    <>
      {plain.length > 0 ? (
        <span class="byline-names">
          By <NameList authors={plain} />
        </span>
      ) : null}
      {[...roles].map(([role, list]) => (
        <span class="byline-names byline-role">
          {role} <NameList authors={list} />
        </span>
      ))}
    </>
  );
}

function NameList({ authors }: { authors: BylineEntry[] }) {
  const out: ComponentChildren[] = [];
  authors.forEach((author, i) => {
    if (i > 0) out.push(i === authors.length - 1 ? ' and ' : ', ');
    out.push(
      <a href={`/author/${author.slug}`} rel="author">
        {author.name}
      </a>,
    );
  });
  return <>{out}</>;
}

export type CardVariant = 'lead' | 'standard' | 'compact';

/** Rendered widths of card images per layout (see assets/site.css), so phones fetch small files. */
export const CARD_SIZES = {
  lead: '(min-width: 1344px) 880px, (min-width: 1100px) calc(100vw - 25rem), (min-width: 760px) 62vw, 100vw',
  /** A full-width first card on phones. */
  standard: '(min-width: 1100px) 320px, (min-width: 760px) 30vw, 100vw',
  /** Cards that become thumbnail rows on phones. */
  row: '(max-width: 599px) 120px, (min-width: 1100px) 424px, 46vw',
  compact: '120px',
} as const;

export function Card({ ctx, card, variant = 'standard', headingLevel = 3, priority = false, showSection = true, sizes }: {
  ctx: SiteContext;
  card: ArticleCard;
  variant?: CardVariant;
  sizes?: string;
  headingLevel?: 2 | 3;
  priority?: boolean;
  showSection?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={`card card-${variant}`}>
      {card.hero && variant !== 'compact' ? (
        <a class="card-image" href={card.path} tabIndex={-1} aria-hidden="true">
          <Picture item={card.hero} sizes={sizes ?? CARD_SIZES[variant]} width={variant === 'lead' ? 960 : 480} ratio="16x9" priority={priority} alt="" />
        </a>
      ) : null}
      <div class="card-text">
        {showSection ? (
          <a class="kicker" href={`/${card.section.slug}`}>
            {card.section.name}
          </a>
        ) : null}
        <Heading class="card-headline">
          <a href={card.path}>{card.headline}</a>
        </Heading>
        {variant !== 'compact' && card.standfirst ? <p class="card-standfirst">{card.standfirst}</p> : null}
        <p class="card-meta">
          {card.authors.length > 0 ? <span class="card-authors">{card.authors.map((a) => a.name).join(', ')}</span> : null}
          <Time ctx={ctx} ms={card.publishedAt} withTime={false} />
          <CardCommentCount ctx={ctx} card={card} />
        </p>
      </div>
    </article>
  );
}

function CardCommentCount({ ctx, card }: { ctx: SiteContext; card: ArticleCard }) {
  const count = ctx.commentCounts?.get(card.id) ?? 0;
  if (count === 0) return null;
  return (
    <a class="card-comments" href={`${card.path}#comments`}>
      {count.toLocaleString('en-US')} {count === 1 ? 'comment' : 'comments'}
    </a>
  );
}

/** Space is reserved in CSS (min-height) so nothing moves when an ad fills it, or when none does. */
export function Pagination({ base, page, pageCount, query }: { base: string; page: number; pageCount: number; query?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(query);
    if (n > 1) params.set('page', String(n));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={href(page + 1)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The discussion under an article; without the comments module (some tests), only its frame. */
export function CommentsRegion({ ctx, articlePath, comments }: { ctx: SiteContext; articlePath: string; comments?: SectionData | null }) {
  if (comments) return <CommentsSection ctx={ctx} data={comments} signInPath={READER_SIGN_IN_PATH} />;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <p class="comments-signin">
        <a class="button button-secondary" href={`${READER_SIGN_IN_PATH}?return=${encodeURIComponent(`${articlePath}#comments`)}`}>
          Sign in to comment
        </a>
      </p>
      <p class="comments-powered">Powered by StructureCMS Comments</p>
    </section>
  );
}
