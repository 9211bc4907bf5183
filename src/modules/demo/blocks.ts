/**
 * Tiny builders so the demo content reads like prose rather than JSON.
 * Every helper returns a node of the closed body schema (or a DemoBlock for inline images).
 */
import type { Block, Inline, ListItemNode, ParagraphBlock, TextNode } from '../publishing/body-schema.js';
import type { DemoBlock, DemoImage } from './types.js';

/** A paragraph part: plain text or a marked text node from b(), i() or a(). */
export type Part = string | TextNode;

const text = (value: string): TextNode => ({ type: 'text', text: value });
const inline = (parts: Part[]): Inline[] =>
  parts.filter((part) => (typeof part === 'string' ? part.length > 0 : true)).map((part) => (typeof part === 'string' ? text(part) : part));

export const b = (value: string): TextNode => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
export const i = (value: string): TextNode => ({ type: 'text', text: value, marks: [{ type: 'italic' }] });
export const a = (value: string, href: string): TextNode => ({
  type: 'text',
  text: value,
  marks: [{ type: 'link', attrs: { href } }],
});

export const p = (...parts: Part[]): ParagraphBlock => ({ type: 'paragraph', content: inline(parts) });
export const h2 = (value: string): Block => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
export const h3 = (value: string): Block => ({ type: 'heading', attrs: { level: 3 }, content: [text(value)] });

/** Text with single newlines kept as hard line breaks (verse, addresses). */
const lines = (value: string): Inline[] => {
  const out: Inline[] = [];
  value.split('\n').forEach((line, k) => {
    if (k > 0) out.push({ type: 'hardBreak' });
    if (line) out.push(text(line));
  });
  return out;
};

/**
 * A blockquote. Blank lines ("\n\n") separate paragraphs; a single newline is a line break,
 * so verse keeps its lines.
 */
export const quote = (value: string, cite?: string): Block => ({
  type: 'blockquote',
  ...(cite ? { attrs: { cite } } : {}),
  content: value.split(/\n{2,}/u).map((para): ParagraphBlock => ({ type: 'paragraph', content: lines(para) })),
});

export const pull = (value: string, attribution?: string): Block => ({
  type: 'pullQuote',
  ...(attribution ? { attrs: { attribution } } : {}),
  content: [text(value)],
});

/** A list item is a string, or an array of parts for one paragraph with marks. */
type Item = string | Part[];
const item = (value: Item): ListItemNode => ({
  type: 'listItem',
  content: [typeof value === 'string' ? p(value) : p(...value)],
});

export const ul = (...items: Item[]): Block => ({ type: 'bulletList', content: items.map(item) });
export const ol = (...items: Item[]): Block => ({ type: 'orderedList', content: items.map(item) });

export const embed = (url: string, provider: string, title: string): Block => ({
  type: 'embed',
  attrs: { url, provider, title },
});

export const img = (image: DemoImage): DemoBlock => ({ type: 'demoImage', image });

/** Credit line of the publication's own illustrations. */
export const ILLUSTRATION = 'Illustration: The Civic Ledger';
