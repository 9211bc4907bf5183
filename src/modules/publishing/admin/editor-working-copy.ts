/**
 * The editor opens a published article at its working copy, if it has one: the person continues
 * where they (or a colleague) left off, and Update publishes exactly what the editor shows.
 */
import { authorsOf, iso, parseTime } from '../workflow-rules.js';
import type { Doc } from '../body-schema.js';
import type { ArticleView } from '../types.js';

interface Named {
  slug: string;
  name: string;
}

export function editorArticle(article: ArticleView, sections: Named[], authors: Named[]): ArticleView {
  const copy = article.workingCopy?.fields;
  if (!copy) return article;
  const nameOf = (list: Named[], slug: string) => list.find((item) => item.slug === slug)?.name ?? slug;
  const time = (value: typeof copy.publishAt, fallback: string | null) => (value === undefined ? fallback : iso(parseTime(value, 'time') ?? null));
  return {
    ...article,
    headline: copy.headline ?? article.headline,
    standfirst: copy.standfirst ?? article.standfirst,
    slug: copy.slug ?? article.slug,
    body: copy.body === undefined ? article.body : (copy.body as Doc),
    section: copy.section === undefined ? article.section : { slug: copy.section, name: nameOf(sections, copy.section) },
    tags: copy.tags ?? article.tags,
    authors: copy.authors === undefined ? article.authors : authorsOf(copy.authors).map((a) => ({ slug: a.slug, name: nameOf(authors, a.slug), role: a.role ?? null })),
    dateline: copy.dateline === undefined ? article.dateline : copy.dateline,
    heroImage: copy.heroImage === undefined ? article.heroImage : copy.heroImage,
    seoTitle: copy.seoTitle === undefined ? article.seoTitle : copy.seoTitle,
    seoDescription: copy.seoDescription === undefined ? article.seoDescription : copy.seoDescription,
    socialTitle: copy.socialTitle === undefined ? article.socialTitle : copy.socialTitle,
    socialDescription: copy.socialDescription === undefined ? article.socialDescription : copy.socialDescription,
    publishAt: time(copy.publishAt, article.publishAt),
    unpublishAt: time(copy.unpublishAt, article.unpublishAt),
    embargoUntil: time(copy.embargoUntil, article.embargoUntil),
  };
}
