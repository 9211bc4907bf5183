/** A 404 that helps: says what happened, offers search and the latest stories. */
import type { ArticleCard } from '../../publishing/index.js';
import type { SiteContext } from '../context.js';
import { Layout } from './layout.js';
import { CARD_SIZES, Card } from './components.js';

export function NotFoundPage({ ctx, latest }: { ctx: SiteContext; latest: ArticleCard[] }) {
  return (
    <Layout ctx={ctx} bodyClass="page-not-found" meta={{ title: 'Page not found', description: 'We could not find that page.', canonical: '/', noindex: true }}>
      <section class="not-found">
        <h1>We can’t find that page</h1>
        <p>The link may be old, or the address may have a typo. Try searching for what you were looking for:</p>
        <form class="search-form search-form-large" role="search" action="/search" method="get">
          <label for="not-found-q">Search for</label>
          <input id="not-found-q" type="search" name="q" maxLength={200} />
          <button class="button" type="submit">
            Search
          </button>
        </form>
        <p>
          Or go to the <a href="/">front page</a>.
        </p>
      </section>
      {latest.length > 0 ? (
        <section class="related" aria-labelledby="latest-404">
          <h2 id="latest-404">Latest stories</h2>
          <div class="card-grid">
            {latest.map((card) => (
              <Card ctx={ctx} card={card} sizes={CARD_SIZES.row} />
            ))}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
