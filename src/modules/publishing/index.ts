/** What other modules may use of publishing. */
export { publishingMigrations } from './migrations.js';
export { createPublishingCommands, PublishingError, type ArticleInput, type PublishingCommands, type ContentChanged } from './write.js';
export { createPublishingQueries, type PublishingQueries, type ListFilter } from './read.js';
export { MARK_START, MARK_END } from './search.js';
export * from './types.js';
export type { RenderedPart, PartKind } from './render-body.js';
export { checkDoc, docText, hasRawHtml, type Doc, type Block } from './body-schema.js';
export { createArticleEvents, type ArticleEvent, type ArticleEvents, type ArticleEventType, type ArticleListener } from './events.js';
