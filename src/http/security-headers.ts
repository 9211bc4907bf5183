/**
 * Security headers, computed once by helmet at start-up and then copied onto every response.
 * helmet knows the headers and their pitfalls; running its middleware per request (as the
 * Fastify plugin does, in two hooks) cost a measurable share of a cached page's time, and the
 * headers never change between requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** `frameSources`: third-party origins pages may frame (embedded video and audio players). */
export function securityHeaders(publicUrl: string, frameSources: readonly string[] = []): Record<string, string> {
  const isHttps = publicUrl.startsWith('https:');
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", ...frameSources],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

/**
 * The policy with one more origin allowed to run scripts (and to frame, fetch and show images, as
 * ad tags do): the publication's third-party ad tag, added per response only while one is set.
 */
export function allowingTagOrigin(policy: string, origin: string): string {
  return policy
    .split(';')
    .map((directive) => {
      const name = directive.trim().split(/\s+/u, 1)[0];
      return name === 'script-src' || name === 'frame-src' || name === 'connect-src' || name === 'img-src' ? `${directive.trimEnd()} ${origin}` : directive;
    })
    .join(';');
}
