/**
 * Renders the closed block schema to HTML, once, when an article is published. Output is split
 * per top-level block so the page can place ad slots between blocks without parsing HTML.
 * Every string goes through Preact's escaping; links keep only safe schemes.
 */
import { renderToString } from 'preact-render-to-string';
import type { ComponentChildren, JSX } from 'preact';
import type { Block, Doc, Inline, Mark } from './body-schema.js';
import type { MediaItem } from '../media/service.js';
import { Picture } from '../media/picture.js';
import { noteRawHtml } from '../embeds/raw-html-frames.js';
import { isPlayerUrl } from '../embeds/providers.js';

export type PartKind = 'paragraph' | 'heading' | 'quote' | 'pullquote' | 'list' | 'image' | 'embed' | 'html';

export interface RenderedPart {
  kind: PartKind;
  html: string;
}

/** Body images are at most the column width. */
const BODY_IMAGE_SIZES = '(min-width: 760px) 640px, calc(100vw - 2rem)';

export function renderBody(doc: Doc, media: Map<number, MediaItem>): RenderedPart[] {
  const parts: RenderedPart[] = [];
  for (const block of doc.content) {
    const rendered = renderBlock(block, media);
    if (rendered) parts.push({ kind: rendered.kind, html: asciiOnly(renderToString(rendered.node)) });
  }
  return parts;
}

/**
 * Non-ASCII characters (curly quotes, dashes, accents) become numeric character references.
 * The HTML means the same, but V8 can then hold the stored body as a one-byte string: every
 * read of an article allocates half as much, which shows directly in garbage-collection pauses.
 */
export function asciiOnly(html: string): string {
  return html.replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/** Media ids a document refers to, so the caller can load them in one query. */
export function mediaIdsIn(doc: Doc): number[] {
  return doc.content.flatMap((block) => (block.type === 'image' ? [block.attrs.mediaId] : []));
}

function renderBlock(block: Block, media: Map<number, MediaItem>): { kind: PartKind; node: JSX.Element } | null {
  switch (block.type) {
    case 'paragraph':
      if (!block.content?.length) return null;
      return { kind: 'paragraph', node: <p>{inlines(block.content)}</p> };
    case 'heading': {
      const Tag = block.attrs.level === 2 ? 'h2' : 'h3';
      return { kind: 'heading', node: <Tag>{inlines(block.content)}</Tag> };
    }
    case 'blockquote':
      return {
        kind: 'quote',
        node: (
          <blockquote class="quote">
            {block.content.map((p) => (
              <p>{inlines(p.content)}</p>
            ))}
            {block.attrs?.cite ? <footer>— {block.attrs.cite}</footer> : null}
          </blockquote>
        ),
      };
    case 'pullQuote':
      return {
        kind: 'pullquote',
        node: (
          <figure class="pullquote">
            <blockquote>
              <p>{inlines(block.content)}</p>
            </blockquote>
            {block.attrs?.attribution ? <figcaption>{block.attrs.attribution}</figcaption> : null}
          </figure>
        ),
      };
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map((item) => <li>{item.content.map((p, i) => (i === 0 ? inlines(p.content) : <p>{inlines(p.content)}</p>))}</li>);
      const start = block.type === 'orderedList' ? block.attrs?.start : undefined;
      return { kind: 'list', node: block.type === 'orderedList' ? <ol start={start && start > 1 ? start : undefined}>{items}</ol> : <ul>{items}</ul> };
    }
    case 'image': {
      const item = media.get(block.attrs.mediaId);
      if (!item) return null;
      const caption = block.attrs.caption ?? item.caption;
      const credit = block.attrs.credit ?? item.credit;
      return {
        kind: 'image',
        node: (
          <figure class="body-image">
            <Picture item={item} sizes={BODY_IMAGE_SIZES} width={800} alt={block.attrs.alt ?? item.alt} />
            {caption || credit ? (
              <figcaption>
                {caption ? <span class="caption">{caption}</span> : null} {credit ? <span class="credit">{credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ),
      };
    }
    case 'embed': {
      const href = safeHref(block.attrs.url, true);
      if (!href) return null;
      const provider = block.attrs.provider || hostOf(href);
      const title = block.attrs.title || href;
      return {
        kind: 'embed',
        node: (
          <figure class="embed">
            {block.attrs.playerUrl && isPlayerUrl(block.attrs.playerUrl) ? (
              <PlayerFrame src={block.attrs.playerUrl} title={`${provider}: ${title}`} height={embedHeight(block.attrs.width, block.attrs.height)} />
            ) : block.attrs.frameId ? (
              <SandboxedFrame src={`/frames/embed/${block.attrs.frameId}`} title={`${provider}: ${title}`} height={embedHeight(block.attrs.width, block.attrs.height)} />
            ) : null}
            <a href={href} rel="noopener nofollow">
              <span class="embed-provider">{provider}</span>
              <span class="embed-title">{title}</span>
            </a>
          </figure>
        ),
      };
    }
    case 'rawHtml': {
      // Never inline: the HTML is served from its own sandboxed, opaque-origin frame.
      const hash = noteRawHtml(block.attrs.html);
      return {
        kind: 'html',
        node: (
          <figure class="embed embed-html">
            <SandboxedFrame src={`/frames/html/${hash}`} title={block.attrs.title || 'Embedded content'} height={block.attrs.height ?? 300} />
          </figure>
        ),
      };
    }
  }
}

/**
 * A frame for third-party or raw HTML: scripts run, but without allow-same-origin the content has
 * an opaque origin (no cookies, no access to the page). The height is reserved up front.
 */
function SandboxedFrame({ src, title, height }: { src: string; title: string; height: number }) {
  return <iframe class="embed-frame" src={src} title={title} sandbox="allow-scripts allow-popups allow-presentation" loading="lazy" width="100%" height={height} referrerpolicy="strict-origin-when-cross-origin" />;
}

/**
 * A provider's own player (YouTube, Vimeo, …), framed directly so it keeps its origin and can play.
 * allow-same-origin here means the provider's origin, never ours; the page CSP lists these origins.
 */
function PlayerFrame({ src, title, height }: { src: string; title: string; height: number }) {
  return (
    <iframe
      class="embed-frame"
      src={src}
      title={title}
      sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"
      allow="encrypted-media; fullscreen; picture-in-picture"
      allowFullScreen
      loading="lazy"
      width="100%"
      height={height}
      referrerpolicy="strict-origin-when-cross-origin"
    />
  );
}

/** Providers size their players for a given width; the column is about 640 px wide. */
function embedHeight(width: number | undefined, height: number | undefined): number {
  if (!height) return 400;
  if (!width) return height;
  return Math.min(4000, Math.max(50, Math.round((height * 640) / width)));
}

function inlines(content: Inline[] | undefined): ComponentChildren {
  if (!content) return null;
  return content.map((node) => (node.type === 'hardBreak' ? <br /> : applyMarks(node.text, node.marks ?? [])));
}

function applyMarks(text: string, marks: Mark[]): ComponentChildren {
  let out: ComponentChildren = text;
  for (const mark of marks) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else {
      const href = safeHref(mark.attrs.href, false);
      if (href) out = <a href={href} {...(href.startsWith('http') ? { rel: 'noopener' } : {})}>{out}</a>;
    }
  }
  return out;
}

/** Only http(s), mailto and same-site links survive; `javascript:`, `data:` and the like are dropped. */
export function safeHref(raw: string, absoluteOnly: boolean): string | null {
  const href = raw.trim();
  if (!absoluteOnly && (/^\/(?!\/)/u.test(href) || href.startsWith('#'))) return href;
  try {
    const url = new URL(href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (!absoluteOnly && url.protocol === 'mailto:') return url.href;
  } catch {
    return null;
  }
  return null;
}

function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./u, '');
}
