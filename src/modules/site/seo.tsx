/**
 * Tags search engines and social networks read: Open Graph, Twitter cards and JSON-LD
 * (NewsArticle for stories, WebSite/Organization for the front). JSON-LD is a data block, not a
 * script, so the CSP allows it; `<` is escaped so no text can close the element early.
 */
import type { Article } from '../publishing/index.js';
import type { MediaItem } from '../media/service.js';
import { mediaUrl } from '../media/urls.js';
import { absolute, type SiteContext } from './context.js';
import { isoInZone } from './time.js';

export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The three aspect ratios Google asks for, at a width that satisfies its 1200px minimum where the original allows. */
export function imageSet(ctx: SiteContext, item: MediaItem): string[] {
  const width = item.width >= 1280 ? 1280 : item.width >= 960 ? 960 : 640;
  return (['16x9', '4x3', '1x1'] as const).map((ratio) => absolute(ctx, mediaUrl(item, { width, ratio, format: 'jpg' })));
}

export function SocialTags({ ctx, type, title, description, path, image }: { ctx: SiteContext; type: 'article' | 'website' | 'profile'; title: string; description: string; path: string; image: MediaItem | null }) {
  const imageUrl = image ? absolute(ctx, mediaUrl(image, { width: 1280, ratio: '16x9', format: 'jpg' })) : null;
  return (
    <>
      <meta property="og:site_name" content={ctx.settings.name} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={absolute(ctx, path)} />
      <meta property="og:locale" content={ctx.settings.locale.replace('-', '_')} />
      {imageUrl && image ? (
        <>
          <meta property="og:image" content={imageUrl} />
          <meta property="og:image:width" content="1280" />
          <meta property="og:image:height" content="720" />
          <meta property="og:image:alt" content={image.alt} />
        </>
      ) : null}
      <meta name="twitter:card" content={imageUrl ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {imageUrl && image ? (
        <>
          <meta name="twitter:image" content={imageUrl} />
          <meta name="twitter:image:alt" content={image.alt} />
        </>
      ) : null}
    </>
  );
}

export function publisherLd(ctx: SiteContext) {
  return {
    '@type': 'NewsMediaOrganization',
    name: ctx.settings.name,
    url: absolute(ctx, '/'),
    logo: {
      '@type': 'ImageObject',
      url: ctx.logo ? absolute(ctx, mediaUrl(ctx.logo, { width: 640, ratio: null, format: 'png' })) : absolute(ctx, '/logo.png'),
    },
  };
}

export function articleLd(ctx: SiteContext, article: Article) {
  const tz = ctx.settings.timeZone;
  const modified = article.updatedAt ?? article.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(ctx, article.path) },
    headline: article.headline,
    description: article.seoDescription ?? article.standfirst,
    ...(article.hero ? { image: imageSet(ctx, article.hero) } : {}),
    datePublished: isoInZone(article.publishedAt, tz),
    dateModified: isoInZone(modified, tz),
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absolute(ctx, `/author/${a.slug}`) })),
    publisher: publisherLd(ctx),
    articleSection: article.section.name,
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name).join(', ') } : {}),
    ...(article.dateline ? { locationCreated: { '@type': 'Place', name: article.dateline } } : {}),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
  };
}

export function websiteLd(ctx: SiteContext) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: ctx.settings.name,
    url: absolute(ctx, '/'),
    publisher: publisherLd(ctx),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: absolute(ctx, '/search?q={search_term_string}') },
      'query-input': 'required name=search_term_string',
    },
  };
}
