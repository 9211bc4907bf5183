/** The article list and the editor pages (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../../newsroom/deps.js';

export async function registerArticleAdmin(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
