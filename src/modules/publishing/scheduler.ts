/**
 * Scheduled publishing and unpublishing run as durable jobs (keys `article.publish:<id>` and
 * `article.unpublish:<id>`), so they survive restarts and, with several instances sharing
 * PostgreSQL, are claimed by exactly one. The handlers re-check the article's state, so a
 * repeated or stale job does nothing.
 */
import type { JobQueue } from '../jobs/index.js';
import type { ArticleWorkflow } from './workflow.js';

const retry = { maxAttempts: 5, backoffMs: (attempt: number) => Math.min(15_000 * 2 ** (attempt - 1), 600_000) };

export function defineArticleJobs(jobs: JobQueue, workflow: Pick<ArticleWorkflow, 'publishScheduled' | 'unpublishScheduled'>): void {
  jobs.define<{ articleId: number; publishAt: number }>('article.publish', (payload) => workflow.publishScheduled(payload), retry);
  jobs.define<{ articleId: number; unpublishAt: number }>('article.unpublish', (payload) => workflow.unpublishScheduled(payload), retry);
}
