/**
 * The gate in front of staff routes. It answers "who" (signed in or not) and asks the policy table
 * "may they": roles are compared in policy.ts and nowhere else.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { can, type Action } from '../policy.js';
import { messagePage } from './views.js';

export function isApiRequest(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? request.url).startsWith('/api/');
}

/** A preHandler: lets the request through only for staff, and only those the policy allows `action`. */
export function requireStaff(action?: Action): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    const staff = request.staff;
    const api = isApiRequest(request);
    reply.header('cache-control', 'no-store');
    if (!staff) {
      if (api) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'Sign in or send an API key.' });
      return reply.redirect(`/admin/sign-in?return=${encodeURIComponent(request.url)}`, 303);
    }
    if (action && !can(staff.role, action)) {
      if (api) return reply.code(403).send({ error: 'Your role does not allow this.' });
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(messagePage(null, 'Not allowed', 'Your role does not allow this. Ask an administrator if you need it.'));
    }
    return undefined;
  };
}
