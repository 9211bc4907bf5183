/** The OpenAPI document at /api/openapi.json (issue 3). Not yet built: registers nothing. */
import type { FastifyInstance } from 'fastify';

/** Registered before every route, so it sees them all. */
export async function registerOpenApi(_app: FastifyInstance, _options: { publicUrl: string }): Promise<void> {}
