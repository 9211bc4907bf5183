/** The public read-only Content API (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../newsroom/deps.js';

export async function registerContentApi(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
