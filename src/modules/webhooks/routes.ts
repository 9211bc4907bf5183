/** Webhooks on publish, update and unpublish: admin page, signed delivery from the job queue (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../newsroom/deps.js';

export async function registerWebhooks(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
