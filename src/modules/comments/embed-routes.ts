/**
 * Comments on other sites. A partner page carries
 *
 *   <div data-structurecms-comments data-url="https://partner.example/story"></div>
 *   <script src="https://<us>/comments/embed.js" async></script>
 *
 * and the loader (assets/comments-embed.js) frames GET /comments/embed?url=… under it: the same
 * section as under our articles, for pages on the origins the admin allows
 * (settings.comments.embedOrigins), with a CSP whose frame-ancestors names exactly those. Links
 * inside the frame (sorts, pages, replies) go to /comments/embed/story/:id. The frame script
 * (assets/comments-embed-frame.js) tells the host its height and signs readers in through a popup
 * of ours that ends at /comments/embed/signed-in with a short-lived token (embed-token.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { makeEntry, type PageCache } from '../../http/page-cache.js';
import { PAGE_POLICY, preferredEncoding, sendPage, type CachePolicy } from '../../http/send-page.js';
import { signedInUser, type AccountsService } from '../accounts/index.js';
import type { SettingsService } from '../settings/service.js';
import type { Assets } from '../site/assets.js';
import type { SiteContext } from '../site/context.js';
import { commentsClient } from './client-assets.js';
import { checkEmbedPage, EMBED_LOADER_PATH, EMBED_PATH, EMBED_SIGN_IN_PATH, EMBED_SIGNED_IN_PATH, embedStoryPath, embedTitle, frameCsp, storyAllowed } from './embed.js';
import { EMBED_TOKEN_TTL_MS, registerEmbedReaderHook, signEmbedToken } from './embed-token.js';
import { EMBED_CSS, embedPage, frameSignInPage, refusalPage, signedInPage, type EmbedAssets } from './embed-views.js';
import { CommentsError } from './errors.js';
import { threadTag } from './events.js';
import { parseSectionQuery, type SectionQuery } from './page-query.js';
import type { CommentsService, SectionData } from './service.js';
import type { StoryView } from './stories.js';
import { COMMENTS_CSS } from './views/styles.js';

export interface CommentsEmbedDeps {
  comments: CommentsService;
  accounts: AccountsService;
  settings: SettingsService;
  /** The site's asset store: the loader, the frame script and the stylesheets are served from it. */
  assets: Assets;
  cache: PageCache;
  /** The site's render context (settings, stylesheet URL). */
  context: () => Promise<SiteContext>;
  secret: string;
  now: () => number;
  /** Where readers sign in; takes ?return=<path>. */
  signInPath: string;
}

type Query = Record<string, string | string[] | undefined>;

const HTML = 'text/html; charset=utf-8';
const LOADER_MAX_AGE = 'public, max-age=3600, stale-while-revalidate=86400';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Like an article page for shared caches, but a browser asks again each time (a cheap 304 while
 * nothing changed): a reader back on the partner's page after posting sees their comment.
 */
const FRAME_POLICY: CachePolicy = { ...PAGE_POLICY, maxAge: 0 };

const single = (query: Query, name: string): string | undefined => {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
};

export async function registerCommentsEmbed(app: FastifyInstance, deps: CommentsEmbedDeps): Promise<void> {
  const { comments, assets, cache } = deps;
  const allowed = () => deps.settings.get().comments.embedOrigins;
  const loaderUrl = assets.load('comments-embed.js');
  const ownAssets = {
    // The same bytes and name as the site's, so the same URL as under articles.
    commentsCss: assets.put('comments.css', Buffer.from(COMMENTS_CSS)),
    embedCss: assets.put('comments-embed.css', Buffer.from(EMBED_CSS)),
    frameScript: assets.load('comments-embed-frame.js'),
  };
  // The site's stylesheet carries the publication's accent colour, so its URL is asked for each time.
  const withSite = async (): Promise<{ ctx: SiteContext; assets: EmbedAssets }> => {
    const ctx = await deps.context();
    return { ctx, assets: { ...ownAssets, siteCss: ctx.stylesheet } };
  };

  registerEmbedReaderHook(app, deps);

  /** Frame headers: the site's CSP with these frame-ancestors (X-Frame-Options would contradict it). */
  function frameHeaders(reply: FastifyReply, ancestors: readonly string[]): FastifyReply {
    const siteCsp = reply.getHeader('content-security-policy');
    reply.removeHeader('x-frame-options');
    return reply.header('content-security-policy', frameCsp(typeof siteCsp === 'string' ? siteCsp : "default-src 'self'", ancestors)).header('x-robots-tag', 'noindex');
  }

  /** A sentence in place of the comments, which any host may show (it says only that there are none here). */
  async function refuse(reply: FastifyReply, status: number, message: string): Promise<FastifyReply> {
    const { assets: pageAssets } = await withSite();
    return frameHeaders(reply, ['*']).code(status).header('cache-control', 'no-store').type(HTML).send(refusalPage(pageAssets, message));
  }

  async function sectionData(story: StoryView, query: SectionQuery): Promise<SectionData | null> {
    const page = await comments.thread(story.id, { sort: query.sort, cursor: query.cursor });
    if (!page) return null;
    let focus: SectionData['focus'] = null;
    if (query.focus !== undefined) {
      const target = await comments.comment(query.focus);
      focus = target && target.storyId === story.id ? await comments.replies(target.rootId ?? target.id, query.repliesCursor) : null;
    }
    const replyTarget = query.replyTo === undefined ? null : await comments.comment(query.replyTo);
    const replyTo = replyTarget && replyTarget.storyId === story.id && replyTarget.status === 'approved' ? replyTarget : null;
    return { articlePath: embedStoryPath(story.id), query, page, focus, focusMissing: query.focus !== undefined && focus === null, replyTo };
  }

  /** The discussion in the frame, from the page cache when the state is one worth keeping (like article pages). */
  async function serveStory(request: FastifyRequest, reply: FastifyReply, story: StoryView): Promise<FastifyReply> {
    let parsed: ReturnType<typeof parseSectionQuery>;
    try {
      parsed = parseSectionQuery(request.query);
    } catch (error) {
      if (error instanceof CommentsError) return refuse(reply, error.status, error.publicMessage);
      throw error;
    }
    frameHeaders(reply, allowed());
    const key = parsed.cacheSuffix === null ? null : `embed:${story.id}${parsed.cacheSuffix}`;
    const hit = key === null ? undefined : cache.get(key);
    if (hit) return sendPage(request, reply, hit, FRAME_POLICY);
    const generation = cache.generation;
    let data: SectionData | null;
    try {
      data = await sectionData(story, parsed.query);
    } catch (error) {
      if (error instanceof CommentsError && error.status < 500) return refuse(reply, error.status, error.publicMessage);
      throw error;
    }
    if (!data) return refuse(reply, 404, 'These comments are no longer here.');
    const { ctx, assets: pageAssets } = await withSite();
    const entry = makeEntry(200, HTML, embedPage(ctx, pageAssets, data, EMBED_SIGN_IN_PATH, commentsClient()), [threadTag(story.id)]);
    if (key === null) return sendPage(request, reply, entry, null);
    cache.set(key, entry, generation);
    return sendPage(request, reply, entry, FRAME_POLICY);
  }

  // The loader: one stable address for every partner page, so it is cached for an hour (and
  // revalidated by ETag); ?v=<version> pins a version for a year. Scripts from another origin
  // need no CORS, but the site's Cross-Origin-Resource-Policy (same-origin) would block it.
  app.get(EMBED_LOADER_PATH, async (request, reply) => {
    const asset = assets.byUrl(loaderUrl);
    if (!asset) throw new Error('comments: the embed loader was never loaded');
    const version = asset.etag.slice(1, -1);
    reply
      .type(asset.contentType)
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('etag', asset.etag)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', single(request.query as Query, 'v') === version ? IMMUTABLE : LOADER_MAX_AGE);
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (encoding) return reply.header('content-encoding', encoding).send(encoding === 'br' ? asset.br : asset.gzip);
    return reply.send(asset.body);
  });

  // Counted per address: every new page address makes a story.
  app.get(EMBED_PATH, { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    const query = request.query as Query;
    const check = checkEmbedPage(query.url, allowed());
    if ('problem' in check) return refuse(reply, 403, check.problem);
    const story = await comments.storyForPage({ url: check.url, title: embedTitle(query.title) });
    return serveStory(request, reply, story);
  });

  app.get<{ Params: { id: string } }>(`${EMBED_PATH}/story/:id`, async (request, reply) => {
    const story = /^\d{1,12}$/u.test(request.params.id) ? await comments.story(Number(request.params.id)) : null;
    if (!story) return refuse(reply, 404, 'These comments are no longer here.');
    if (!storyAllowed(story.url, allowed())) return refuse(reply, 403, 'Comments are not enabled for this page.');
    return serveStory(request, reply, story);
  });

  // Without JavaScript the frame cannot learn of a sign-in (no cookie reaches it): say so, and
  // offer the sign-in in a window of its own.
  app.get(EMBED_SIGN_IN_PATH, async (request, reply) => {
    const back = single(request.query as Query, 'return') ?? '';
    const backTo = /^\/comments\/embed\/story\/\d{1,12}(?:[?#][^\\\s]*)?$/u.test(back) ? back : EMBED_PATH;
    const { assets: pageAssets } = await withSite();
    const signIn = `${deps.signInPath}?return=${encodeURIComponent(EMBED_SIGNED_IN_PATH)}`;
    return frameHeaders(reply, allowed()).header('cache-control', 'no-store').type(HTML).send(frameSignInPage(pageAssets, backTo, signIn));
  });

  // The sign-in popup's last page: a token for the frame that opened it (handed over by the frame
  // script, to our own origin only). Signed out: to the sign-in page, which comes back here.
  app.get(EMBED_SIGNED_IN_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('cross-origin-opener-policy', 'unsafe-none');
    const user = await signedInUser(deps.accounts, request);
    if (!user) return reply.redirect(`${deps.signInPath}?return=${encodeURIComponent(EMBED_SIGNED_IN_PATH)}`, 303);
    const expiresAt = deps.now() + EMBED_TOKEN_TTL_MS;
    const token = signEmbedToken(deps.secret, user.id, expiresAt);
    const { assets: pageAssets } = await withSite();
    return reply.type(HTML).send(signedInPage(pageAssets, { name: user.name || user.email, token, expiresAt }));
  });

  // The popup keeps its opener (the frame) only if no page on its way severs it: the site's
  // Cross-Origin-Opener-Policy (same-origin) would move it to a new browsing context group, since
  // the frame's top-level page is another site's. So the sign-in pages drop it for this one
  // return address; the token itself is posted to our origin only.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/account/') && returnsToEmbed(request)) reply.header('cross-origin-opener-policy', 'unsafe-none');
    return payload;
  });
}

function returnsToEmbed(request: FastifyRequest): boolean {
  const fromQuery = (request.query as Query | undefined)?.return;
  const body = request.body;
  const fromForm = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).return : undefined;
  return fromQuery === EMBED_SIGNED_IN_PATH || fromForm === EMBED_SIGNED_IN_PATH;
}
