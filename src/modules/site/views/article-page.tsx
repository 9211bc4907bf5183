/** The article page: everything a reader meets, server-rendered and complete without JavaScript. */
import { renderToString } from 'preact-render-to-string';
import type { Article, ArticleCard, ArticleNote } from '../../publishing/index.js';
import { Picture } from '../../media/picture.js';
import type { SiteContext } from '../context.js';
import { planAdSlots } from '../ad-slots.js';
import { articleLd, JsonLd, SocialTags } from '../seo.js';
import { displayDate } from '../time.js';
import type { SectionData } from '../../comments/index.js';
import { commentsClient } from '../../comments/client-assets.js';
import { Layout } from './layout.js';
import { BylineNames, CARD_SIZES, Card, CommentsRegion, Time } from './components.js';
import { SupportPitch } from '../../revenue/views/pitch.js';
import { NewsletterSignup } from '../../newsletters/views/signup-form.js';
import { PrivacyNotice } from '../../privacy/views/notice.js';
import { AdSlot, AdTag } from '../../ads/views/slot.js';

const HERO_SIZES = '(min-width: 1100px) 1040px, 100vw';

const NOTE_LABEL: Record<ArticleNote['kind'], string> = { update: 'Update', correction: 'Correction', clarification: 'Clarification' };

/** The comments section's data and its stylesheet, when the comments module is wired in. */
export interface ArticleComments {
  data: SectionData;
  stylesheet: string;
}

export function ArticlePage({ ctx, article, related, comments }: { ctx: SiteContext; article: Article; related: ArticleCard[]; comments?: ArticleComments | null }) {
  const description = article.seoDescription ?? article.standfirst;
  const title = article.seoTitle ?? article.headline;
  // Inline replies, likes and live arrivals, on pages with a discussion (absent until the client is built).
  const client = comments ? commentsClient() : null;
  return (
    <Layout
      ctx={ctx}
      currentSection={article.section.slug}
      bodyClass="page-article"
      meta={{
        title,
        description,
        canonical: article.path,
        extra: (
          <>
            <SocialTags ctx={ctx} type="article" title={title} description={description} path={article.path} image={article.hero} />
            <meta property="article:published_time" content={new Date(article.publishedAt).toISOString()} />
            {article.updatedAt ? <meta property="article:modified_time" content={new Date(article.updatedAt).toISOString()} /> : null}
            <meta property="article:section" content={article.section.name} />
            {article.tags.map((t) => (
              <meta property="article:tag" content={t.name} />
            ))}
            <link rel="alternate" type="application/rss+xml" title={`${article.section.name} (RSS)`} href={`/feeds/section/${article.section.slug}/rss.xml`} />
            <JsonLd data={articleLd(ctx, article)} />
            {comments ? <link rel="stylesheet" href={comments.stylesheet} /> : null}
            {client ? <script type="module" src={client.loader} data-comments-client={client.script} data-comments-css={client.stylesheet} /> : null}
            <AdTag ctx={ctx} />
          </>
        ),
      }}
    >
      <article class="story">
        <header class="story-head">
          <a class="kicker" href={`/${article.section.slug}`}>
            {article.section.name}
          </a>
          <h1 class="headline">{article.headline}</h1>
          {article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
        </header>
        {article.hero ? (
          <figure class="hero">
            <Picture item={article.hero} sizes={HERO_SIZES} width={1280} priority />
            {article.hero.caption || article.hero.credit ? (
              <figcaption>
                {article.hero.caption ? <span class="caption">{article.hero.caption}</span> : null}{' '}
                {article.hero.credit ? <span class="credit">{article.hero.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="byline">
          <p class="byline-authors">
            <BylineNames authors={article.authors} />
          </p>
          <p class="byline-meta">
            {article.dateline ? <span class="dateline">{article.dateline}</span> : null}
            <span class="published">
              Published <Time ctx={ctx} ms={article.publishedAt} />
            </span>
            {article.updatedAt ? (
              <span class="updated">
                Updated <Time ctx={ctx} ms={article.updatedAt} />
              </span>
            ) : null}
          </p>
        </div>
        {article.notes.length > 0 ? (
          <aside class="notes" aria-label="Updates and corrections">
            {article.notes.map((note) => (
              <p class={`note note-${note.kind}`}>
                <strong>
                  {NOTE_LABEL[note.kind]}, {displayDate(note.createdAt, ctx.settings.timeZone, ctx.settings.locale)}:
                </strong>{' '}
                {note.body}
              </p>
            ))}
          </aside>
        ) : null}
        <Body ctx={ctx} article={article} />
        {article.tags.length > 0 ? (
          <ul class="tags" aria-label="Topics">
            {article.tags.map((t) => (
              <li>
                <a href={`/tag/${t.slug}`} rel="tag">
                  {t.name}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
      <div class="after-story">
        <SupportPitch ctx={ctx} />
        {related.length > 0 ? (
          <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">More from {article.section.name}</h2>
            <div class="related-grid">
              {related.map((card) => (
                <Card ctx={ctx} card={card} variant="standard" showSection={false} sizes={CARD_SIZES.row} />
              ))}
            </div>
          </section>
        ) : null}
        <CommentsRegion ctx={ctx} articlePath={article.path} comments={comments?.data ?? null} />
        <NewsletterSignup ctx={ctx} id="article-newsletter" />
        <PrivacyNotice ctx={ctx} />
      </div>
    </Layout>
  );
}

/** The pre-rendered body blocks with ad slots placed between them by the publication's rule. */
function Body({ ctx, article }: { ctx: SiteContext; article: Article }) {
  const slots = new Set(planAdSlots(article.body.map((p) => p.kind), ctx.settings.adRule));
  const html: string[] = [];
  let n = 0;
  article.body.forEach((part, i) => {
    html.push(part.html);
    if (slots.has(i)) html.push(adSlotHtml(ctx, `article-inline-${++n}`, article.section.slug));
  });
  return <div class="story-body" dangerouslySetInnerHTML={{ __html: html.join('\n') }} />;
}

function adSlotHtml(ctx: SiteContext, id: string, section: string): string {
  // The body is raw pre-rendered HTML, so the slot joins it as a string.
  return renderToString(<AdSlot ctx={ctx} id={id} section={section} />);
}
