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
      return {
        kind: 'embed',
        node: (
          <figure class="embed">
            <a href={href} rel="noopener nofollow">
              <span class="embed-provider">{provider}</span>
              <span class="embed-title">{block.attrs.title || href}</span>
            </a>
          </figure>
        ),
      };
    }
    case 'rawHtml':
      // Rendered as a sandboxed frame by the embeds module (issue 3); until then nothing shows.
      return null;
  }
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
