/** Search results, ranked by the database, with the reader's words highlighted. */
import type { ComponentChildren } from 'preact';
import { MARK_END, MARK_START, type ArticleCard, type Paged } from '../../publishing/index.js';
import type { SearchHit } from '../../publishing/search.js';
import type { SiteContext } from '../context.js';
import { Layout } from './layout.js';
import { Pagination, Time } from './components.js';

/** Splits text on the engine's private-use markers; Preact escapes every piece. */
export function Highlighted({ text }: { text: string }) {
  const out: ComponentChildren[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      out.push(rest.replaceAll(MARK_END, ''));
      break;
    }
    out.push(rest.slice(0, start));
    const end = rest.indexOf(MARK_END, start);
    const stop = end < 0 ? rest.length : end;
    out.push(<mark>{rest.slice(start + 1, stop)}</mark>);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return <>{out}</>;
}

export function SearchPage({ ctx, query, results }: { ctx: SiteContext; query: string; results: Paged<ArticleCard & { hit: SearchHit }> | null }) {
  const title = query ? `Search results for “${query}”` : 'Search';
  return (
    <Layout ctx={ctx} bodyClass="page-search" query={query} meta={{ title, description: `Search ${ctx.settings.name}`, canonical: '/search', noindex: true }}>
      <header class="listing-head">
        <h1>{title}</h1>
        <form class="search-form search-form-large" role="search" action="/search" method="get">
          <label for="search-page-q">Search for</label>
          <input id="search-page-q" type="search" name="q" value={query} maxLength={200} />
          <button class="button" type="submit">
            Search
          </button>
        </form>
        {results ? (
          <p class="search-count" role="status">
            {results.total === 0 ? 'No stories matched. Try fewer or different words.' : `${results.total} ${results.total === 1 ? 'story' : 'stories'} found.`}
          </p>
        ) : null}
      </header>
      {results && results.items.length > 0 ? (
        <ol class="search-results">
          {results.items.map((item) => (
            <li class="search-result">
              <a class="kicker" href={`/${item.section.slug}`}>
                {item.section.name}
              </a>
              <h2 class="card-headline">
                <a href={item.path}>
                  <Highlighted text={item.hit.headline} />
                </a>
              </h2>
              <p class="search-snippet">
                <Highlighted text={item.hit.snippet} />
              </p>
              <p class="card-meta">
                <Time ctx={ctx} ms={item.publishedAt} withTime={false} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {results ? <Pagination base="/search" page={results.page} pageCount={results.pageCount} query={{ q: query }} /> : null}
    </Layout>
  );
}
