/** What other modules may use of publishing. */
export { publishingMigrations } from './migrations.js';
export { createPublishingCommands, PublishingError, type ArticleInput, type PublishingCommands, type ContentChanged } from './write.js';
export { cardColumns, createPublishingQueries, listedArticles, type PublishingQueries, type ListFilter } from './read.js';
export { MARK_START, MARK_END, matchingArticleIds } from './search.js';
export * from './types.js';
export type { RenderedPart, PartKind } from './render-body.js';
export { checkDoc, docText, hasRawHtml, type Doc, type Block } from './body-schema.js';
export { createArticleEvents, type ArticleEvent, type ArticleEvents, type ArticleEventType, type ArticleListener } from './events.js';
export { createTaxonomy, type TaxonomyService } from './taxonomy.js';
export type { SectionRecord, TagRecord, AuthorRecord, AuthorLink } from './taxonomy-fields.js';
export { createPages, type PagesService, type PageRecord, type PageSummary, type PageVersion, type PageVersionSummary } from './pages.js';
export { createRedirects, type RedirectsService, type Redirect, type RedirectStatus } from './redirects.js';
export { createArticleWorkflow, LockedError, type ArticleWorkflow } from './workflow.js';
export { parseTime, type ArticleFields, type PatchFields, type ListQuery as ArticleListQuery } from './workflow-rules.js';
export { htmlToDoc, MAX_HTML_LENGTH } from './html-to-doc.js';
export { AUTOSAVE_WINDOW_MS } from './revisions.js';
export { LOCK_TTL_MS } from './locks.js';
export { PREVIEW_TTL_MS } from './preview.js';
