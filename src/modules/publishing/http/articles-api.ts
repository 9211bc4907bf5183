/** Admin API for articles, workflow, revisions, locks and previews (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../../newsroom/deps.js';

export async function registerArticleApi(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
