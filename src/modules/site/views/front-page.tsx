/** The front: the lead story, the latest, then a block per section. */
import type { ArticleCard, Section } from '../../publishing/index.js';
import type { SiteContext } from '../context.js';
import { JsonLd, SocialTags, websiteLd } from '../seo.js';
import { Layout } from './layout.js';
import { CARD_SIZES, Card } from './components.js';
import { NewsletterSignup } from '../../newsletters/views/signup-form.js';

export interface FrontData {
  lead: ArticleCard | null;
  secondary: ArticleCard[];
  latest: ArticleCard[];
  bySection: { section: Section; cards: ArticleCard[] }[];
}

export function FrontPage({ ctx, data }: { ctx: SiteContext; data: FrontData }) {
  const { settings } = ctx;
  return (
    <Layout
      ctx={ctx}
      currentSection="home"
      bodyClass="page-front"
      meta={{
        title: settings.name,
        description: settings.description,
        canonical: '/',
        extra: (
          <>
            <SocialTags ctx={ctx} type="website" title={settings.name} description={settings.description} path="/" image={data.lead?.hero ?? null} />
            <JsonLd data={websiteLd(ctx)} />
          </>
        ),
      }}
    >
      <h1 class="visually-hidden">{settings.name}: latest news</h1>
      {data.lead ? (
        <section class="front-top" aria-label="Top stories">
          <div class="front-lead">
            <Card ctx={ctx} card={data.lead} variant="lead" headingLevel={2} priority />
          </div>
          <div class="front-secondary">
            {data.secondary.map((card) => (
              <Card ctx={ctx} card={card} variant="standard" headingLevel={2} sizes={CARD_SIZES.row} />
            ))}
          </div>
          <section class="front-latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="rail-heading">
              Latest
            </h2>
            <ol class="latest-list">
              {data.latest.map((card) => (
                <li>
                  <Card ctx={ctx} card={card} variant="compact" />
                </li>
              ))}
            </ol>
          </section>
        </section>
      ) : (
        <section class="empty-state">
          <h2>Nothing published yet</h2>
          <p>Stories will appear here as soon as the newsroom publishes them.</p>
        </section>
      )}
      {data.bySection.map(({ section, cards }) =>
        cards.length > 0 ? (
          <section class="section-block" aria-labelledby={`block-${section.slug}`}>
            <h2 id={`block-${section.slug}`} class="block-heading">
              <a href={`/${section.slug}`}>{section.name}</a>
            </h2>
            <div class="card-grid">
              {cards.map((card, i) => (
                <Card ctx={ctx} card={card} showSection={false} sizes={i === 0 ? CARD_SIZES.standard : CARD_SIZES.row} />
              ))}
            </div>
          </section>
        ) : null,
      )}
      <NewsletterSignup ctx={ctx} id="front-newsletter" />
    </Layout>
  );
}
