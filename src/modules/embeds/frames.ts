/**
 * The sandboxed frames: /frames/embed/:id (provider embed HTML) and /frames/html/:hash (raw-HTML
 * blocks). Each answers with its own CSP: `sandbox` (an opaque origin even when opened directly,
 * so the HTML can never read our cookies or touch our pages), `frame-ancestors 'self'` (only our
 * pages may frame it), and script/frame sources limited to what that content needs. The article
 * page frames them with the same sandbox attribute and without allow-same-origin.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { providerByName } from './providers.js';
import { recentRawHtml } from './raw-html-frames.js';
import type { FrameStore } from './store.js';

export const FRAME_SANDBOX = 'allow-scripts allow-popups allow-presentation';

export function embedFrameCsp(scripts: readonly string[], frames: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    `frame-src ${frames.length ? frames.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline' https:",
    'img-src https: data:',
    'media-src https:',
    'font-src https: data:',
    'connect-src https:',
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `sandbox ${FRAME_SANDBOX}`,
  ].join('; ');
}

/** Raw HTML is the editor's own: inline scripts and styles are allowed, but only inside the sandbox. */
export const RAW_HTML_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' https:",
  "style-src 'unsafe-inline' https:",
  'img-src https: data:',
  'media-src https:',
  'font-src https: data:',
  'connect-src https:',
  'frame-src https:',
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  `sandbox ${FRAME_SANDBOX}`,
].join('; ');

function frameDocument(title: string, html: string): string {
  const safeTitle = title.replace(/[<>&"]/gu, (c) => `&#${c.charCodeAt(0)};`);
  // <base target=_blank>: links open outside the frame instead of inside a tiny box.
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><base target="_blank"><title>${safeTitle}</title><style>html,body{margin:0;padding:0;background:transparent}</style></head><body>${html}</body></html>`;
}

function sendFrame(reply: FastifyReply, csp: string, body: string): FastifyReply {
  return reply
    .header('content-security-policy', csp)
    .header('x-frame-options', 'SAMEORIGIN')
    .header('x-robots-tag', 'noindex')
    // Content-addressed: the bytes behind an id never change.
    .header('cache-control', 'public, max-age=31536000, immutable')
    .type('text/html; charset=utf-8')
    .send(body);
}

export async function registerFrames(app: FastifyInstance, store: FrameStore): Promise<void> {
  app.get(
    '/frames/embed/:id',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$' }) }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const embed = await store.embed(id);
      if (!embed) return reply.code(404).type('text/plain; charset=utf-8').send('404 This embed does not exist.\n');
      const provider = providerByName(embed.provider);
      return sendFrame(reply, embedFrameCsp(provider?.scripts ?? [], provider?.frames ?? []), frameDocument(`${embed.provider} embed`, embed.html));
    },
  );

  app.get(
    '/frames/html/:hash',
    { schema: { hide: true, params: Type.Object({ hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) } },
    async (request, reply) => {
      const { hash } = request.params as { hash: string };
      const html = recentRawHtml(hash) ?? (await store.rawHtml(hash));
      if (html === null) return reply.code(404).type('text/plain; charset=utf-8').send('404 This frame does not exist.\n');
      return sendFrame(reply, RAW_HTML_CSP, frameDocument('Embedded content', html));
    },
  );
}
