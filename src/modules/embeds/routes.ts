/** oEmbed resolution with an allow-list and SSRF protection, and sandboxed embed frames (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../newsroom/deps.js';

export async function registerEmbeds(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
