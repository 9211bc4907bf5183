/**
 * Scheduled publishing and unpublishing run as durable jobs (keys `article.publish:<id>` and
 * `article.unpublish:<id>`), so they survive restarts and, with several instances sharing
 * PostgreSQL, are claimed by exactly one. The handlers re-check the article's state, so a
 * repeated or stale job does nothing.
 */
import type { JobQueue } from '../jobs/index.js';
import type { ArticleRow } from './article-views.js';
import type { ArticleWorkflow } from './workflow.js';

const retry = { maxAttempts: 5, backoffMs: (attempt: number) => Math.min(15_000 * 2 ** (attempt - 1), 600_000) };

export function defineArticleJobs(jobs: JobQueue, workflow: Pick<ArticleWorkflow, 'publishScheduled' | 'unpublishScheduled'>): void {
  jobs.define<{ articleId: number; publishAt: number }>('article.publish', (payload) => workflow.publishScheduled(payload), retry);
  jobs.define<{ articleId: number; unpublishAt: number }>('article.unpublish', (payload) => workflow.unpublishScheduled(payload), retry);
}

/** Keeps the publish/unpublish jobs in step with the article's schedule. */
export async function syncArticleJobs(jobs: JobQueue, before: ArticleRow | null, after: ArticleRow): Promise<void> {
  const publishKey = `article.publish:${after.id}`;
  const unpublishKey = `article.unpublish:${after.id}`;
  if (after.status === 'scheduled' && after.publish_at !== null) {
    if (!before || before.status !== 'scheduled' || before.publish_at !== after.publish_at) {
      await jobs.enqueue('article.publish', { articleId: after.id, publishAt: after.publish_at }, { runAt: after.publish_at, key: publishKey });
    }
  } else if (before?.status === 'scheduled') await jobs.cancel(publishKey);
  const wantsUnpublish = (after.status === 'scheduled' || after.status === 'published') && after.unpublish_at !== null;
  const hadUnpublish = before !== null && (before.status === 'scheduled' || before.status === 'published') && before.unpublish_at !== null;
  if (wantsUnpublish && after.unpublish_at !== null) {
    if (!hadUnpublish || before?.unpublish_at !== after.unpublish_at) {
      await jobs.enqueue('article.unpublish', { articleId: after.id, unpublishAt: after.unpublish_at }, { runAt: after.unpublish_at, key: unpublishKey });
    }
  } else if (hadUnpublish) await jobs.cancel(unpublishKey);
}
