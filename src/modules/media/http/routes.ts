/** Media upload API and the media library pages (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../../newsroom/deps.js';

export async function registerMediaAdmin(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
