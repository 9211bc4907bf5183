/**
 * The oEmbed allow-list: which page URLs may be embedded, the provider's oEmbed endpoint, and the
 * origins its embed HTML needs (they go into the CSP of the sandboxed frame that shows it, and
 * nothing else does). A URL whose host is not listed here is never fetched.
 */
export interface Provider {
  name: string;
  /** Exact host names (no wildcard matching: a look-alike domain must not pass). */
  hosts: readonly string[];
  /** The page path must match, so only real posts/videos are looked up. */
  path: RegExp;
  endpoint: string;
  /** Script origins the embed HTML loads. */
  scripts: readonly string[];
  /** Frame origins the embed HTML opens. */
  frames: readonly string[];
  /** Instagram's oEmbed needs an app token; without it the embed is a plain link card. */
  needsToken?: boolean;
  /**
   * Players (video, audio) whose embed HTML is one iframe: the article frames the player directly,
   * so it keeps its own origin (players need their storage to play). Page CSP allows these origins.
   */
  playerOrigins?: readonly string[];
}

export const PROVIDERS: readonly Provider[] = [
  {
    name: 'YouTube',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
    path: /^\/(?:watch|shorts\/|embed\/|live\/|[\w-]{6,})/u,
    endpoint: 'https://www.youtube.com/oembed?format=json',
    scripts: [],
    frames: ['https://www.youtube.com', 'https://www.youtube-nocookie.com'],
    playerOrigins: ['https://www.youtube.com', 'https://www.youtube-nocookie.com'],
  },
  {
    name: 'Vimeo',
    hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
    path: /^\/(?:video\/)?\d+|^\/channels\/|^\/groups\//u,
    endpoint: 'https://vimeo.com/api/oembed.json',
    scripts: [],
    frames: ['https://player.vimeo.com'],
    playerOrigins: ['https://player.vimeo.com'],
  },
  {
    name: 'X',
    hosts: ['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'x.com', 'www.x.com'],
    path: /^\/\w{1,15}\/status(?:es)?\/\d+/u,
    endpoint: 'https://publish.twitter.com/oembed?omit_script=false&dnt=true',
    scripts: ['https://platform.twitter.com', 'https://cdn.syndication.twimg.com'],
    frames: ['https://platform.twitter.com', 'https://syndication.twitter.com'],
  },
  {
    name: 'Instagram',
    hosts: ['instagram.com', 'www.instagram.com'],
    path: /^\/(?:[\w.]+\/)?(?:p|reel|tv)\/[\w-]+/u,
    endpoint: 'https://graph.facebook.com/v19.0/instagram_oembed',
    scripts: ['https://www.instagram.com'],
    frames: ['https://www.instagram.com'],
    needsToken: true,
  },
  {
    name: 'TikTok',
    hosts: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
    path: /^\/@[\w.-]+\/video\/\d+/u,
    endpoint: 'https://www.tiktok.com/oembed',
    scripts: ['https://www.tiktok.com', 'https://lf16-tiktok-web.tiktokcdn-us.com', 'https://sf16-website-login.neutral.ttwstatic.com'],
    frames: ['https://www.tiktok.com'],
  },
  {
    name: 'SoundCloud',
    hosts: ['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com'],
    path: /^\/[\w-]+/u,
    endpoint: 'https://soundcloud.com/oembed?format=json',
    scripts: [],
    frames: ['https://w.soundcloud.com'],
    playerOrigins: ['https://w.soundcloud.com'],
  },
  {
    name: 'Spotify',
    hosts: ['open.spotify.com'],
    path: /^\/(?:intl-[\w-]+\/)?(?:track|album|playlist|episode|show|artist)\/\w+/u,
    endpoint: 'https://open.spotify.com/oembed',
    scripts: [],
    frames: ['https://open.spotify.com'],
    playerOrigins: ['https://open.spotify.com'],
  },
  {
    name: 'Flickr',
    hosts: ['flickr.com', 'www.flickr.com', 'flic.kr'],
    path: /^\/(?:photos\/|p\/)/u,
    endpoint: 'https://www.flickr.com/services/oembed/?format=json',
    scripts: ['https://embedr.flickr.com', 'https://widgets.flickr.com'],
    frames: [],
  },
];

export function providerFor(url: URL): Provider | null {
  const host = url.hostname.toLowerCase();
  return PROVIDERS.find((p) => p.hosts.includes(host) && p.path.test(url.pathname)) ?? null;
}

export function providerByName(name: string): Provider | null {
  return PROVIDERS.find((p) => p.name === name) ?? null;
}

/** Every origin an article page may frame directly (the page CSP's frame-src lists exactly these). */
export const PLAYER_ORIGINS: readonly string[] = PROVIDERS.flatMap((p) => p.playerOrigins ?? []);

/**
 * The player address inside a provider's embed HTML, when the HTML is a single iframe whose https
 * source is on that provider's player list; anything else is shown in the sandboxed frame instead.
 */
export function playerUrlIn(html: string, provider: Provider): string | undefined {
  const iframes = html.match(/<iframe\b/giu) ?? [];
  if (iframes.length !== 1 || /<script\b/iu.test(html)) return undefined;
  const src = /<iframe\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/iu.exec(html)?.[1]?.replace(/&amp;/gu, '&');
  return src && isPlayerUrl(src, provider.playerOrigins ?? []) ? src : undefined;
}

/** Checked again at render time: the stored body is JSON anyone with the API could have written. */
export function isPlayerUrl(src: string, origins: readonly string[] = PLAYER_ORIGINS): boolean {
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && origins.includes(url.origin) && src.length <= 2048;
  } catch {
    return false;
  }
}
