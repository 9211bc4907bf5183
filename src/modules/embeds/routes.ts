/**
 * Embeds: `GET /api/admin/embeds/resolve?url=` (oEmbed through the allow-list and the SSRF guard;
 * the provider's HTML is stored and served sandboxed at /frames/embed/:id), and the frame routes
 * for embeds and raw-HTML blocks.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireStaff } from '../accounts/index.js';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { registerFrames } from './frames.js';
import { EmbedError, resolveEmbed } from './oembed.js';
import { onRawHtml } from './raw-html-frames.js';
import { productionPolicy, type Transport, type UrlPolicy } from './ssrf.js';
import { createFrameStore } from './store.js';

/**
 * Test-only: lets a test put a stub resolver and transport under the oEmbed fetcher, so no test
 * reaches the internet. Production never calls this and always uses the https-only public-address policy.
 */
const network: { policy: UrlPolicy; transport?: Transport } = { policy: productionPolicy };
export function useEmbedNetworkForTests(override: { policy: UrlPolicy; transport?: Transport } | null): void {
  network.policy = override?.policy ?? productionPolicy;
  network.transport = override?.transport;
}

const Resolved = Type.Object({
  provider: Type.String(),
  url: Type.String(),
  title: Type.String(),
  html: Type.Optional(Type.String()),
  thumbnailUrl: Type.Optional(Type.String()),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
  playerUrl: Type.Optional(Type.String({ description: 'Put this in the embed block as attrs.playerUrl: the player is framed directly.' })),
  frameId: Type.Optional(Type.String({ description: 'Put this in the embed block as attrs.frameId to show the embed in a sandboxed frame.' })),
  note: Type.Optional(Type.String()),
});

export async function registerEmbeds(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const store = createFrameStore(deps.db, deps.now);

  // Raw-HTML blocks are rendered synchronously; their HTML is stored as it is rendered.
  const detach = onRawHtml((hash, html) => {
    store.saveRawHtml(hash, html).catch((error: unknown) => app.log.error({ err: error }, 'storing raw-HTML frame failed'));
  });
  app.addHook('onClose', async () => {
    detach();
  });

  await registerFrames(app, store);

  app.get(
    '/api/admin/embeds/resolve',
    {
      preHandler: requireStaff('article.create'),
      schema: {
        tags: ['embeds'],
        summary: 'Resolve a URL to an embed (oEmbed, allow-listed providers only)',
        querystring: Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }) }),
        response: { 200: Resolved, 400: Type.Object({ error: Type.String() }), 502: Type.Object({ error: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { url } = request.query as { url: string };
      try {
        const embed = await resolveEmbed(url, {
          policy: network.policy,
          transport: network.transport,
          instagramToken: deps.embedTokens.instagram ?? undefined,
        });
        const frameId = embed.html ? await store.saveEmbed({ provider: embed.provider, url: embed.url, html: embed.html }) : undefined;
        return { ...embed, ...(frameId ? { frameId } : {}) };
      } catch (error) {
        if (error instanceof EmbedError) return reply.code(error.status === 502 ? 502 : 400).send({ error: error.message });
        throw error;
      }
    },
  );
}
