/**
 * Resolves a page URL to an embed through its provider's oEmbed endpoint. The page URL itself is
 * only ever passed as a query parameter to an allow-listed endpoint, and both the page's host and
 * the endpoint's host go through the SSRF guard.
 */
import ipaddr from 'ipaddr.js';
import { playerUrlIn, providerFor, type Provider } from './providers.js';
import { nodeTransport, safeFetch, UnsafeUrlError, vetUrl, type Transport, type UrlPolicy } from './ssrf.js';

export class EmbedError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
  }
}

export interface ResolvedEmbed {
  provider: string;
  url: string;
  title: string;
  html?: string;
  /** Set for players framed directly (see providers.ts playerOrigins). */
  playerUrl?: string;
  thumbnailUrl?: string;
  width?: number;
  height?: number;
  /** Why there is no embed HTML (for example Instagram without a token). */
  note?: string;
}

export interface ResolverOptions {
  policy: UrlPolicy;
  transport?: Transport;
  /** Facebook app token for Instagram's oEmbed; without it Instagram posts become link cards. */
  instagramToken?: string;
}

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 1024 * 1024;
const MAX_HTML = 100_000;

export async function resolveEmbed(raw: string, options: ResolverOptions): Promise<ResolvedEmbed> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new EmbedError('That is not a valid URL.');
  }
  if (url.protocol !== 'https:') throw new EmbedError(`Only https URLs can be embedded (this one is ${url.protocol.replace(':', '')}).`);
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  if (ipaddr.isValid(host) && !options.policy.allowAddress(host)) {
    throw new EmbedError(`${host} is a private or local network address, which is never fetched.`);
  }
  const provider = providerFor(url);
  if (!provider) throw new EmbedError(`Embeds from ${host.replace(/^www\./u, '')} are not supported.`);
  // The page's own host must not point inside our network either (a poisoned resolver, a
  // hosts-file entry): then nothing is fetched at all.
  try {
    await vetUrl(url.href, options.policy);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw new EmbedError(error.message);
    throw error;
  }
  if (provider.needsToken && !options.instagramToken) {
    return {
      provider: provider.name,
      url: url.href,
      title: url.href,
      note: `${provider.name} embeds need an access token, which is not configured: the post is shown as a link card.`,
    };
  }
  return fetchOEmbed(provider, url, options);
}

async function fetchOEmbed(provider: Provider, url: URL, options: ResolverOptions): Promise<ResolvedEmbed> {
  const endpoint = new URL(provider.endpoint);
  endpoint.searchParams.set('url', url.href);
  if (provider.needsToken && options.instagramToken) endpoint.searchParams.set('access_token', options.instagramToken);
  let response;
  try {
    response = await safeFetch(endpoint.href, { method: 'GET', headers: { accept: 'application/json' }, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES }, options.policy, options.transport ?? nodeTransport);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw new EmbedError(`${provider.name} could not be asked: ${error.message}`, 502);
    throw new EmbedError(`${provider.name} did not answer; try again in a moment.`, 502);
  }
  if (response.status === 404 || response.status === 401 || response.status === 403) {
    throw new EmbedError(`${provider.name} cannot embed this URL (it may be private or deleted).`);
  }
  if (response.status !== 200) throw new EmbedError(`${provider.name} answered with an error (${response.status}); try again later.`, 502);
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    data = parsed as Record<string, unknown>;
  } catch {
    throw new EmbedError(`${provider.name} sent an answer that is not oEmbed JSON.`, 502);
  }
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);
  const size = (value: unknown) => {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 4000 ? Math.round(n) : undefined;
  };
  const html = typeof data.html === 'string' && data.html.length <= MAX_HTML && data.html.trim() ? data.html : undefined;
  const thumbnail = text(data.thumbnail_url, 2048);
  const result: ResolvedEmbed = {
    provider: provider.name,
    url: url.href,
    title: (text(data.title, 300) ?? '').trim() || (text(data.author_name, 300) ?? '').trim() || url.href,
  };
  if (html) {
    result.html = html;
    const player = playerUrlIn(html, provider);
    if (player) result.playerUrl = player;
  }
  if (thumbnail && thumbnail.startsWith('https://')) result.thumbnailUrl = thumbnail;
  const width = size(data.width);
  const height = size(data.height);
  if (width) result.width = width;
  if (height) result.height = height;
  return result;
}
