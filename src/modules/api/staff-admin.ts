/** Settings, users, API keys and the audit log: Admin API and admin pages (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../newsroom/deps.js';

export async function registerStaffAdmin(_app: FastifyInstance, _deps: NewsroomDeps): Promise<void> {}
