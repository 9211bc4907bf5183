/**
 * Pasted or API-sent HTML → the closed block schema. Two steps, on purpose:
 *  1. sanitize-html with an allow-list: scripts, styles, event handlers, unsafe URL schemes and every
 *     tag not listed are gone before we look at the markup (the text of unknown tags is kept);
 *  2. a walk over the sanitized tree (htmlparser2, sanitize-html's own parser) that builds blocks.
 * Whatever goes in, what comes out passes checkDoc: the walker respects every limit of the schema,
 * and a last check falls back to plain paragraphs. It never throws.
 */
import sanitizeHtml from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { checkDoc, type Block, type Doc, type Inline, type Mark, type ParagraphBlock } from './body-schema.js';

/** Larger inputs are refused by the API with 413 before they reach the converter. */
export const MAX_HTML_LENGTH = 1024 * 1024;

const LIMITS = { blocks: 2_000, inlines: 5_000, text: 100_000, quoteParagraphs: 50, itemParagraphs: 20, listItems: 500, depth: 200 } as const;

export interface HtmlToDocOptions {
  /** The site's own origin (PUBLIC_URL): absolute links to our /media/ count as our media. */
  publicUrl?: string;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'br', 'img', 'figure', 'figcaption', 'iframe'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'], iframe: ['src', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowProtocolRelative: false,
  // Only these players become embed blocks; any other iframe loses its src here and is dropped below.
  allowedIframeHostnames: ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'],
  // Text inside these is code or chrome, never article text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head', 'select', 'svg', 'math', 'object'],
  // Block-level containers keep their line breaks as paragraphs instead of running text together.
  transformTags: Object.fromEntries(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'pre', 'address', 'td', 'th', 'dd', 'dt', 'caption', 'tr'].map((tag) => [tag, 'p'])),
};

export function htmlToDoc(html: string, options: HtmlToDocOptions = {}): Doc {
  const input = typeof html === 'string' ? html.slice(0, MAX_HTML_LENGTH) : '';
  try {
    const clean = sanitizeHtml(flattenDeepNesting(input), SANITIZE);
    const doc: Doc = { type: 'doc', content: new Walker(options).run(parseDocument(clean).children) };
    if (checkDoc(doc).length === 0) return doc;
  } catch {
    // Fall through: nothing in the input may turn into a 500.
  }
  return plainTextDoc(input);
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Tags the parser closes by itself when the next one opens: they do not nest in practice. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
const MAX_NESTING = 100;

/**
 * The parser slows down sharply on very deep nesting (a megabyte of `<b><i><b>…` takes seconds),
 * and no article nests a hundred levels: markup deeper than that is removed before parsing, its
 * text kept. This only removes tags, and its output still goes through the sanitizer.
 */
function flattenDeepNesting(html: string): string {
  let depth = 0;
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/gu, (tag: string, close: string, name: string) => {
    const lower = name.toLowerCase();
    if (VOID_TAGS.has(lower) || SELF_CLOSING_SIBLINGS.has(lower) || tag.endsWith('/>')) return tag;
    if (close) {
      depth = Math.max(0, depth - 1);
      return depth >= MAX_NESTING ? '' : tag;
    }
    depth += 1;
    return depth > MAX_NESTING ? '' : tag;
  });
}

/** Last resort: the text alone, one paragraph per line. */
function plainTextDoc(html: string): Doc {
  let text = '';
  try {
    text = sanitizeHtml(flattenDeepNesting(html), { allowedTags: [], allowedAttributes: {}, nonTextTags: SANITIZE.nonTextTags });
  } catch {
    text = '';
  }
  const content: Block[] = [];
  for (const line of decodeBasicEntities(text).split(/\n+/u)) {
    for (const chunk of chunks(line.replace(/\s+/gu, ' ').trim(), LIMITS.text)) {
      if (content.length < LIMITS.blocks) content.push({ type: 'paragraph', content: [{ type: 'text', text: chunk }] });
    }
  }
  return { type: 'doc', content };
}

function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/gu, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Plain text of a subtree, without recursion (the tree may be thousands deep). */
function textOf(nodes: ChildNode[]): string {
  const stack = [...nodes].reverse();
  let text = '';
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (node.type === 'text') text += node.data;
    else if (isElement(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return text;
}

class Walker {
  private blocks: Block[] = [];
  private pending: Inline[] = [];
  private marks: Mark[] = [];

  constructor(private readonly options: HtmlToDocOptions) {}

  run(nodes: ChildNode[]): Block[] {
    this.walk(nodes, 0);
    this.flush();
    return this.blocks.slice(0, LIMITS.blocks);
  }

  private walk(nodes: ChildNode[], depth: number): void {
    for (const node of nodes) {
      if (this.blocks.length >= LIMITS.blocks) return;
      if (node.type === 'text') this.text(node.data);
      else if (isElement(node)) {
        if (depth > LIMITS.depth) this.text(textOf(node.children));
        else this.element(node, depth + 1);
      }
    }
  }

  private element(el: Element, depth: number): void {
    switch (el.name) {
      case 'p':
      case 'figcaption':
        this.flush();
        this.walk(el.children, depth);
        this.flush();
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        this.flush();
        this.walk(el.children, depth);
        const content = this.takeInlines();
        // The article's h1 is its headline: pasted h1/h2 become section headings, the rest sub-headings.
        if (content.length) this.push({ type: 'heading', attrs: { level: el.name === 'h1' || el.name === 'h2' ? 2 : 3 }, content });
        return;
      }
      case 'blockquote':
        return this.quote(el, depth);
      case 'ul':
      case 'ol':
        return this.list(el, depth);
      case 'li':
        // A list item outside a list: a paragraph.
        this.flush();
        this.walk(el.children, depth);
        this.flush();
        return;
      case 'figure':
        return this.figure(el, depth);
      case 'img':
        this.flush();
        this.image(el, undefined);
        return;
      case 'iframe':
        this.flush();
        this.embed(el);
        return;
      case 'br':
        this.pending.push({ type: 'hardBreak' });
        return;
      case 'strong':
      case 'b':
        return this.withMark({ type: 'bold' }, el, depth);
      case 'em':
      case 'i':
        return this.withMark({ type: 'italic' }, el, depth);
      case 'a': {
        const href = (el.attribs.href ?? '').trim();
        if (!href || href.length > 2048) return this.walk(el.children, depth);
        return this.withMark({ type: 'link', attrs: { href } }, el, depth);
      }
      default:
        this.walk(el.children, depth);
    }
  }

  private withMark(mark: Mark, el: Element, depth: number): void {
    // One mark of each type: an inner link replaces an outer one, bold inside bold is just bold.
    const saved = this.marks;
    this.marks = [...this.marks.filter((m) => m.type !== mark.type), mark];
    this.walk(el.children, depth);
    this.marks = saved;
  }

  private text(raw: string): void {
    const text = raw.replace(/\s+/gu, ' ');
    if (!text) return;
    const marks = this.marks.length ? this.marks.map((m) => ({ ...m })) : undefined;
    const last = this.pending[this.pending.length - 1];
    if (last && last.type === 'text' && sameMarks(last.marks, marks)) last.text += text;
    else this.pending.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
  }

  /** The pending inline run, trimmed and cut to the schema's limits (empty when it is only space). */
  private takeInlines(): Inline[] {
    const run = this.pending;
    this.pending = [];
    const first = run.findIndex((n) => n.type === 'text' && n.text.trim());
    if (first < 0) return [];
    let lastIndex = run.length - 1;
    while (lastIndex > first) {
      const node = run[lastIndex] as Inline;
      if (node.type === 'text' && node.text.trim()) break;
      lastIndex--;
    }
    const trimmed = run.slice(first, lastIndex + 1);
    const head = trimmed[0];
    if (head?.type === 'text') head.text = head.text.trimStart();
    const tail = trimmed[trimmed.length - 1];
    if (tail?.type === 'text') tail.text = tail.text.trimEnd();
    const out: Inline[] = [];
    for (const node of trimmed) {
      if (node.type !== 'text') out.push(node);
      else for (const part of chunks(node.text, LIMITS.text)) if (part) out.push({ ...node, text: part });
    }
    return out;
  }

  /** Ends the paragraph being collected; long runs become several paragraphs. */
  private flush(): void {
    const content = this.takeInlines();
    for (let i = 0; i < content.length; i += LIMITS.inlines) this.push({ type: 'paragraph', content: content.slice(i, i + LIMITS.inlines) });
  }

  private push(block: Block): void {
    if (block.type === 'heading' && block.content && block.content.length > LIMITS.inlines) block.content = block.content.slice(0, LIMITS.inlines);
    if (this.blocks.length < LIMITS.blocks) this.blocks.push(block);
  }

  /** Converts a subtree on its own: its blocks, without touching the outer paragraph. */
  private sub(nodes: ChildNode[], depth: number): Block[] {
    const inner = new Walker(this.options);
    inner.marks = this.marks;
    inner.walk(nodes, depth);
    inner.flush();
    return inner.blocks;
  }

  private quote(el: Element, depth: number): void {
    this.flush();
    const blocks = this.sub(el.children, depth);
    const paragraphs = blocks.flatMap(textParagraphs);
    for (let i = 0; i < paragraphs.length; i += LIMITS.quoteParagraphs) this.push({ type: 'blockquote', content: paragraphs.slice(i, i + LIMITS.quoteParagraphs) });
    // Pictures and embeds quoted inside a quote follow it.
    for (const block of blocks) if (block.type === 'image' || block.type === 'embed') this.push(block);
  }

  private list(el: Element, depth: number): void {
    this.flush();
    const items: { type: 'listItem'; content: ParagraphBlock[] }[] = [];
    const media: Block[] = [];
    for (const child of el.children) {
      const blocks = this.sub([child], depth);
      const paragraphs = blocks.flatMap(textParagraphs).slice(0, LIMITS.itemParagraphs);
      if (paragraphs.length) items.push({ type: 'listItem', content: paragraphs });
      for (const block of blocks) if (block.type === 'image' || block.type === 'embed') media.push(block);
    }
    const startAttr = Number.parseInt(el.attribs.start ?? '', 10);
    for (let i = 0; i < items.length; i += LIMITS.listItems) {
      const content = items.slice(i, i + LIMITS.listItems);
      if (el.name === 'ol') {
        const start = Number.isSafeInteger(startAttr) && startAttr > 1 && i === 0 ? startAttr : i > 0 ? i + 1 : undefined;
        this.push(start ? { type: 'orderedList', attrs: { start }, content } : { type: 'orderedList', content });
      } else this.push({ type: 'bulletList', content });
    }
    for (const block of media) this.push(block);
  }

  private figure(el: Element, depth: number): void {
    this.flush();
    const captionEl = el.children.find((c): c is Element => isElement(c) && c.name === 'figcaption');
    const caption = captionEl ? textOf(captionEl.children).replace(/\s+/gu, ' ').trim().slice(0, 1000) : '';
    const img = findFirst(el, 'img');
    if (img && this.image(img, caption || undefined)) return;
    const frame = findFirst(el, 'iframe');
    if (frame && this.embed(frame)) return;
    // Not a picture we can keep: whatever text it held stays.
    this.walk(el.children, depth);
    this.flush();
  }

  /**
   * Only pictures from our own media library become image blocks: the library holds their alt
   * text, credit and resized variants. A picture from elsewhere would be hotlinked (a tracking
   * pixel, or gone tomorrow), so it is dropped; upload it to the library first.
   */
  private image(el: Element, caption: string | undefined): boolean {
    const mediaId = ownMediaId(el.attribs.src ?? '', this.options.publicUrl);
    if (!mediaId) return false;
    const alt = (el.attribs.alt ?? '').replace(/\s+/gu, ' ').trim().slice(0, 1000);
    this.push({ type: 'image', attrs: { mediaId, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) } });
    return true;
  }

  private embed(el: Element): boolean {
    const embed = embedFromFrame(el.attribs.src ?? '');
    if (!embed) return false;
    this.push({ type: 'embed', attrs: embed });
    return true;
  }
}

function findFirst(root: Element, name: string): Element | undefined {
  const stack: ChildNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.shift() as ChildNode;
    if (isElement(node)) {
      if (node.name === name) return node;
      stack.push(...node.children);
    }
  }
  return undefined;
}

/** Headings and list items inside quotes and lists flatten to paragraphs (the schema nests only those). */
function textParagraphs(block: Block): ParagraphBlock[] {
  switch (block.type) {
    case 'paragraph':
      return block.content?.length ? [block] : [];
    case 'heading':
    case 'pullQuote':
      return block.content?.length ? [{ type: 'paragraph', content: block.content }] : [];
    case 'blockquote':
      return block.content;
    case 'bulletList':
    case 'orderedList':
      return block.content.flatMap((item) => item.content);
    default:
      return [];
  }
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

export function ownMediaId(src: string, publicUrl: string | undefined): number | null {
  let path = src.trim();
  if (publicUrl && path.startsWith(`${publicUrl.replace(/\/+$/u, '')}/`)) path = path.slice(publicUrl.replace(/\/+$/u, '').length);
  const match = /^\/media\/([1-9][0-9]{0,9})(?:[/?#]|$)/u.exec(path);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}

/** Player iframes of allow-listed providers → the page URL people would share (canonical). */
export function embedFromFrame(src: string): { url: string; provider: string } | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (host === 'www.youtube.com' || host === 'youtube.com' || host === 'www.youtube-nocookie.com') {
    const id = /^\/embed\/([A-Za-z0-9_-]{6,20})$/u.exec(url.pathname)?.[1];
    return id ? { url: `https://www.youtube.com/watch?v=${id}`, provider: 'YouTube' } : null;
  }
  if (host === 'player.vimeo.com') {
    const id = /^\/video\/([0-9]{1,15})$/u.exec(url.pathname)?.[1];
    return id ? { url: `https://vimeo.com/${id}`, provider: 'Vimeo' } : null;
  }
  return null;
}
