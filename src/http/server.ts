/**
 * The HTTP server: Fastify with security headers, strict handling of malformed requests, a
 * same-origin check on every state-changing request, and an error handler that never leaks.
 * Modules register their routes on it; the composition root (app.ts) decides the order.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { HttpError } from './errors.js';
import { describeValidation, isApiPath } from '../modules/api/validation-errors.js';
import { securityHeaders } from './security-headers.js';

export interface ServerOptions {
  logger: FastifyBaseLogger;
  publicUrl: string;
  trustProxy: boolean;
  /** Third-party origins pages may frame (allow-listed embed players). */
  frameSources?: readonly string[];
  /** Renders the site's 404 page (search box, latest stories). */
  notFoundPage: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

const MAX_URL_LENGTH = 2048;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Called server to server (no Origin): by Stripe, whose signature check is the defence instead,
// and by mail providers for one-click unsubscribe (RFC 8058), defended by the link's secret token.
// Compared by path alone: the unsubscribe URL carries its token in the query string.
const CSRF_EXEMPT = new Set(['POST /webhooks/stripe', 'POST /newsletter/unsubscribe']);

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    // Per-request lines would dominate the log of a busy site; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    // Requests the router cannot even parse (bad percent-encoding, bad content types) get a plain 400.
    frameworkErrors(error, request, raw) {
      const reply = raw as FastifyReply;
      if (request.url.length > MAX_URL_LENGTH) return void uriTooLong(reply);
      const message = error.code === 'FST_ERR_BAD_URL' ? 'The address is not valid (malformed percent-encoding).' : 'The request is malformed.';
      void reply.code(400).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`400 Bad Request: ${message}\n`);
    },
  });

  // A shadow router of every registered route, so an unknown method on a known path answers 405
  // with an Allow header instead of a misleading 404.
  const known = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethod[];
    for (const method of methods) {
      if (!known.hasRoute(method, route.url)) known.on(method, route.url, () => {});
    }
  });

  const security = securityHeaders(options.publicUrl, options.frameSources);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(rateLimit, { global: false });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(security);
    if (request.url.length > MAX_URL_LENGTH) return uriTooLong(reply);
    // CSRF defence that works with cached, cookie-free pages: a state-changing request must come
    // from our own origin (Sec-Fetch-Site, else Origin). Browsers always send one of the two.
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(`${request.method} ${request.url.split('?', 1)[0] ?? ''}`) && !sameOrigin(request, options.publicUrl)) {
      return reply.code(403).type('text/plain; charset=utf-8').send('403 Forbidden: this form was sent from another site.\n');
    }
    return undefined;
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (isApiPath(request)) return reply.code(error.status).headers(error.headers).header('cache-control', 'no-store').send({ error: error.publicMessage });
      return reply.code(error.status).headers(error.headers).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`${error.status} ${error.publicMessage}\n`);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error, url: request.url }, 'request failed');
      return reply.code(500).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('500 Something went wrong on our side. Please try again in a moment.\n');
    }
    // API clients get JSON they can act on: which field, and why (schema validation or bad JSON …).
    if (isApiPath(request)) {
      const problem = error.validation ? describeValidation(error.validation, error.validationContext) : { error: error.message };
      return reply.code(status).header('cache-control', 'no-store').send(problem);
    }
    // Fastify's own 4xx errors (body too large, bad JSON …) carry messages meant for people.
    return reply.code(status).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`${status} ${error.message}\n`);
  });

  app.setNotFoundHandler(async (request, reply) => {
    // A route exists for this very method: its handler found nothing (reply.callNotFound()).
    const path = request.url.split('?')[0] ?? '/';
    const ownMethod = (request.method === 'HEAD' ? 'GET' : request.method) as HTTPMethod;
    const allowed = known.find(ownMethod, path) ? [] : allowedMethods(known, path, request.method);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .type('text/plain; charset=utf-8')
        .send(`405 Method Not Allowed: ${request.method} is not supported here. Use ${allowed.join(' or ')}.\n`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(404).type('text/plain; charset=utf-8').send('404 Not Found\n');
    }
    return options.notFoundPage(request, reply);
  });

  return app;
}

function uriTooLong(reply: FastifyReply): FastifyReply {
  return reply.code(414).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(`414 URI Too Long: addresses are limited to ${MAX_URL_LENGTH} characters.\n`);
}

function allowedMethods(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, path: string, requested: string): string[] {
  const methods: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  return methods.filter((method) => method !== requested && router.find(method, path) !== null);
}

function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (!origin) return !request.headers.cookie; // non-browser clients without cookies (APIs with keys) are not CSRF targets
  if (origin === publicUrl) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
