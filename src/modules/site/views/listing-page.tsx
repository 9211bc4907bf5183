/** Section, tag and author pages: a heading, an optional profile, a paginated list of stories. */
import type { ComponentChildren } from 'preact';
import type { ArticleCard, Author, Paged } from '../../publishing/index.js';
import { Picture } from '../../media/picture.js';
import type { SiteContext } from '../context.js';
import { absolute } from '../context.js';
import { JsonLd, SocialTags } from '../seo.js';
import { Layout } from './layout.js';
import { CARD_SIZES, Card, Pagination } from './components.js';

export interface ListingProps {
  ctx: SiteContext;
  kind: 'section' | 'tag' | 'author';
  title: string;
  description: string;
  path: string;
  paged: Paged<ArticleCard>;
  currentSection?: string;
  feeds?: { rss: string; atom: string };
  author?: Author;
  intro?: ComponentChildren;
}

export function ListingPage({ ctx, kind, title, description, path, paged, currentSection, feeds, author }: ListingProps) {
  const canonical = paged.page > 1 ? `${path}?page=${paged.page}` : path;
  const pageTitle = paged.page > 1 ? `${title} (page ${paged.page})` : title;
  return (
    <Layout
      ctx={ctx}
      currentSection={currentSection}
      bodyClass={`page-listing page-${kind}`}
      meta={{
        title: pageTitle,
        description,
        canonical,
        extra: (
          <>
            <SocialTags ctx={ctx} type={kind === 'author' ? 'profile' : 'website'} title={pageTitle} description={description} path={canonical} image={author?.photo ?? null} />
            {feeds ? (
              <>
                <link rel="alternate" type="application/rss+xml" title={`${title} (RSS)`} href={feeds.rss} />
                <link rel="alternate" type="application/atom+xml" title={`${title} (Atom)`} href={feeds.atom} />
              </>
            ) : null}
            {paged.page > 1 ? <link rel="prev" href={paged.page === 2 ? path : `${path}?page=${paged.page - 1}`} /> : null}
            {paged.page < paged.pageCount ? <link rel="next" href={`${path}?page=${paged.page + 1}`} /> : null}
            {author ? (
              <JsonLd
                data={{
                  '@context': 'https://schema.org',
                  '@type': 'ProfilePage',
                  mainEntity: {
                    '@type': 'Person',
                    name: author.name,
                    jobTitle: author.title || undefined,
                    description: author.bio || undefined,
                    url: absolute(ctx, path),
                    sameAs: author.links.filter((l) => l.url.startsWith('http')).map((l) => l.url),
                  },
                }}
              />
            ) : null}
          </>
        ),
      }}
    >
      <header class={`listing-head listing-${kind}`}>
        {author ? (
          <div class="author-profile">
            {author.photo ? <Picture class="author-photo" item={author.photo} sizes="160px" width={320} ratio="1x1" priority alt={`Portrait of ${author.name}`} /> : null}
            <div>
              <h1>{author.name}</h1>
              {author.title ? <p class="author-title">{author.title}</p> : null}
              {author.bio ? <p class="author-bio">{author.bio}</p> : null}
              {author.links.length > 0 ? (
                <ul class="author-links">
                  {author.links.map((l) => (
                    <li>
                      <a href={l.url} rel="me noopener">
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        ) : (
          <>
            <p class="listing-kind">{kind === 'tag' ? 'Topic' : 'Section'}</p>
            <h1>{title}</h1>
            {description ? <p class="listing-description">{description}</p> : null}
          </>
        )}
        {feeds ? (
          <p class="listing-feeds">
            <a href={feeds.rss}>RSS</a> · <a href={feeds.atom}>Atom</a>
          </p>
        ) : null}
      </header>
      {author ? <h2 class="listing-subheading">Stories by {author.name}</h2> : null}
      {paged.items.length > 0 ? (
        <div class="listing">
          {paged.items.map((card) => (
            <Card ctx={ctx} card={card} showSection={kind !== 'section'} headingLevel={author ? 3 : 2} sizes={CARD_SIZES.row} />
          ))}
        </div>
      ) : (
        <p class="empty-state">No stories here yet.</p>
      )}
      <Pagination base={path} page={paged.page} pageCount={paged.pageCount} />
    </Layout>
  );
}
