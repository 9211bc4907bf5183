/**
 * Tiptap's JSON carries attributes the closed schema does not have (a link's target and rel, a
 * list's type, nulls for unset values). This keeps exactly what the schema allows, so a save is
 * never refused for the editor's own bookkeeping.
 */
import type { JSONContent } from '@tiptap/core';
import type { Block, Doc, Inline, Mark, ParagraphBlock } from '../../modules/publishing/body-schema.js';

type ListItemNode = { type: 'listItem'; content: ParagraphBlock[] };

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const int = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
};
/** Keeps only defined values, so optional attributes are absent rather than null. */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function marks(list: JSONContent['marks']): Mark[] | undefined {
  const out: Mark[] = [];
  for (const mark of list ?? []) {
    if (mark.type === 'bold' || mark.type === 'italic') out.push({ type: mark.type });
    else if (mark.type === 'link' && str(mark.attrs?.href)) out.push({ type: 'link', attrs: { href: String(mark.attrs?.href) } });
  }
  return out.length ? out : undefined;
}

function inlines(content: JSONContent[] | undefined): Inline[] | undefined {
  const out: Inline[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'text' && node.text) out.push(defined({ type: 'text' as const, text: node.text, marks: marks(node.marks) }));
  }
  return out.length ? out : undefined;
}

function paragraph(node: JSONContent): ParagraphBlock {
  return defined({ type: 'paragraph' as const, content: inlines(node.content) });
}

function paragraphs(content: JSONContent[] | undefined): ParagraphBlock[] {
  const out = (content ?? []).map((child) => paragraph(child));
  return out.length ? out : [{ type: 'paragraph' }];
}

function listItems(content: JSONContent[] | undefined): ListItemNode[] {
  const out = (content ?? []).map((item) => ({ type: 'listItem' as const, content: paragraphs(item.content) }));
  return out.length ? out : [{ type: 'listItem', content: [{ type: 'paragraph' }] }];
}

function block(node: JSONContent): Block | null {
  const a = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      return paragraph(node);
    case 'heading':
      return defined({ type: 'heading' as const, attrs: { level: a.level === 3 ? (3 as const) : (2 as const) }, content: inlines(node.content) });
    case 'blockquote':
      return { type: 'blockquote', content: paragraphs(node.content) };
    case 'pullQuote': {
      const attribution = str(a.attribution);
      return defined({ type: 'pullQuote' as const, attrs: attribution ? { attribution } : undefined, content: inlines(node.content) });
    }
    case 'bulletList':
      return { type: 'bulletList', content: listItems(node.content) };
    case 'orderedList': {
      const start = int(a.start);
      return defined({ type: 'orderedList' as const, attrs: start && start > 1 ? { start } : undefined, content: listItems(node.content) });
    }
    case 'image': {
      const mediaId = int(a.mediaId);
      if (!mediaId || mediaId < 1) return null;
      return { type: 'image', attrs: defined({ mediaId, caption: str(a.caption), credit: str(a.credit), alt: str(a.alt) }) };
    }
    case 'embed': {
      const url = str(a.url);
      if (!url) return null;
      return {
        type: 'embed',
        attrs: defined({ url, provider: str(a.provider), title: str(a.title), frameId: str(a.frameId), playerUrl: str(a.playerUrl), width: int(a.width), height: int(a.height) }),
      };
    }
    case 'rawHtml': {
      const html = str(a.html);
      if (!html) return null;
      return { type: 'rawHtml', attrs: defined({ html, height: int(a.height), title: str(a.title) }) };
    }
    default:
      return null;
  }
}

export function toSchemaDoc(json: JSONContent): Doc {
  const content: Block[] = [];
  for (const node of json.content ?? []) {
    const converted = block(node);
    if (converted) content.push(converted);
  }
  // The editor always keeps an empty last paragraph to type into; the stored body need not.
  while (content.length > 0) {
    const last = content[content.length - 1];
    if (last?.type === 'paragraph' && !last.content) content.pop();
    else break;
  }
  return { type: 'doc', content };
}

/** Words in the document as the reader will count them (the server's count uses the same rule). */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}
