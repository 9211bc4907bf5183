/** Small pieces the taxonomy, pages and redirects routes share: error shapes, ids, form bodies. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, type Staff } from '../../accounts/index.js';
import type { Actor } from '../../audit/index.js';
import { PublishingError } from '../write.js';

export const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) });
export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const staffOf = (request: FastifyRequest): Staff => request.staff as Staff;
export const actor = (request: FastifyRequest): Actor => actorOf(staffOf(request));

/** A refusal from a service as the API's JSON error; anything else is a real failure (500). */
export function apiFail(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof PublishingError)) throw error;
  const body = error.field ? { error: error.message, field: error.field } : { error: error.message };
  return reply.code(error.status).header('cache-control', 'no-store').send(body);
}

export function notFoundJson(reply: FastifyReply, what: string): FastifyReply {
  return reply.code(404).header('cache-control', 'no-store').send({ error: `There is no such ${what}.` });
}

/** Text fields of a posted form; anything not a string is left out, long values cut. */
export function formOf(body: unknown, max = 200_000): Record<string, string> {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) if (typeof value === 'string') out[name] = value.slice(0, max);
  return out;
}

/** An id from a path segment, or null when it is not a positive whole number. */
export function idOf(raw: string): number | null {
  return /^[1-9]\d{0,9}$/u.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
