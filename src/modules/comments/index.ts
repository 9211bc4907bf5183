/**
 * What other modules may use of comments. The service does everything (read threads, post,
 * moderate); the routes put it on HTTP; the section view renders a thread under an article.
 *
 * - Reading: service.thread / threadForArticle / replies / comment / counts / permalink.
 * - Readers: service.post / edit / remove / like / unlike / liked / report (a Commenter is the
 *   signed-in user; null answers 401).
 * - Moderators: service.approve / reject / feature / unfeature / setStanding / updateStory
 *   (each takes the acting staff member's audit Actor and is audited).
 * - Live: every change readers can see is published on the bus as 'comments.changed'
 *   ({ storyId, commentId, kind }); new pending comments as 'comments.queued', reports as
 *   'comments.reported'. Article pages carry the cache tag comments:<storyId>.
 */
export { commentsMigrations } from './migrations.js';
export type { CommentsTables, CommentStatus, ReportReason, StandingKind } from './tables.js';
export { createCommentsService, type CommentsService, type SectionData, type ThreadOptions } from './service.js';
export type { CommentsDeps, Commenter } from './deps.js';
export { registerCommentsRoutes, type CommentsRouteDeps } from './routes.js';
export { CommentsError } from './errors.js';
export { commentSettings, type CommentSettings } from './config.js';
export { COMMENTS_CHANGED, COMMENTS_QUEUED, COMMENTS_REPORTED, countTag, threadTag } from './events.js';
export { parseSectionQuery, sectionHref, type SectionQuery, type ParsedSectionQuery } from './page-query.js';
export { renderCommentText } from './text.js';
export { textHash } from './moderation/fingerprint.js';
export { readerActivity } from './activity.js';
export { arrangeReplies, type ArrangedReply } from './arrange.js';
export { REPORT_REASONS } from './reactions.js';
export type { PostInput, PostResult } from './posting.js';
export type { StoryPatch } from './moderator.js';
export type { ReaderRecord } from './standing.js';
export type { ArticleRef, StoryView } from './stories.js';
export { CommentsSection } from './views/section.js';
export { COMMENTS_CSS } from './views/styles.js';
export * from './types.js';

/** Where readers sign in (the reader accounts pages); takes ?return=<path>. */
export { READER_SIGN_IN_PATH } from '../accounts/index.js';
