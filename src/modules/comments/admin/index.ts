/**
 * Comment moderation in the newsroom: the /admin/comments pages, the Admin API beside them, and
 * the emails decisions call for (notifications.ts, whose jobs are defined here once per app).
 * The composition root registers it after the newsroom's other routes.
 */
import type { FastifyInstance } from 'fastify';
import { registerModerationApi } from './api.js';
import { createModeration, type CommentsAdminDeps, type Moderation } from './moderation.js';
import { registerModerationPages } from './pages.js';
import { MODERATION_CSS } from './styles.js';

export type { CommentsAdminDeps } from './moderation.js';

export async function registerCommentsAdmin(app: FastifyInstance, deps: CommentsAdminDeps): Promise<Moderation> {
  const moderation = createModeration(deps, (error) => app.log.error({ err: error }, 'comment notification failed'));
  const assets = {
    script: deps.assets.load('comments-moderation.js'),
    stylesheet: deps.assets.put('comments-moderation.css', Buffer.from(MODERATION_CSS)),
  };
  await registerModerationPages(app, deps, moderation, assets);
  await registerModerationApi(app, moderation, deps.now);
  await moderation.notifications.resume();
  return moderation;
}
