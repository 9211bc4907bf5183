/**
 * The closed block schema of an article body.
 *
 * The shape is ProseMirror/Tiptap JSON on purpose: the editor (newsroom issue) stores exactly
 * this, and the server validates it against the TypeBox schema below before it is saved, so
 * nothing outside this list can ever reach the renderer.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Bold = Type.Object({ type: Type.Literal('bold') }, { additionalProperties: false });
const Italic = Type.Object({ type: Type.Literal('italic') }, { additionalProperties: false });
const Link = Type.Object(
  {
    type: Type.Literal('link'),
    attrs: Type.Object({ href: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export const MarkSchema = Type.Union([Bold, Italic, Link]);

const TextNode = Type.Object(
  {
    type: Type.Literal('text'),
    text: Type.String({ minLength: 1, maxLength: 100_000 }),
    marks: Type.Optional(Type.Array(MarkSchema, { maxItems: 3 })),
  },
  { additionalProperties: false },
);
const HardBreak = Type.Object({ type: Type.Literal('hardBreak') }, { additionalProperties: false });
export const InlineSchema = Type.Union([TextNode, HardBreak]);
const Inlines = Type.Optional(Type.Array(InlineSchema, { maxItems: 5_000 }));

const Paragraph = Type.Object(
  { type: Type.Literal('paragraph'), content: Inlines },
  { additionalProperties: false },
);
const Heading = Type.Object(
  {
    type: Type.Literal('heading'),
    attrs: Type.Object({ level: Type.Union([Type.Literal(2), Type.Literal(3)]) }, { additionalProperties: false }),
    content: Inlines,
  },
  { additionalProperties: false },
);
const Blockquote = Type.Object(
  {
    type: Type.Literal('blockquote'),
    attrs: Type.Optional(Type.Object({ cite: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false })),
    content: Type.Array(Paragraph, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
const PullQuote = Type.Object(
  {
    type: Type.Literal('pullQuote'),
    attrs: Type.Optional(
      Type.Object({ attribution: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false }),
    ),
    content: Inlines,
  },
  { additionalProperties: false },
);
const ListItem = Type.Object(
  { type: Type.Literal('listItem'), content: Type.Array(Paragraph, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
const BulletList = Type.Object(
  { type: Type.Literal('bulletList'), content: Type.Array(ListItem, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
const OrderedList = Type.Object(
  {
    type: Type.Literal('orderedList'),
    attrs: Type.Optional(Type.Object({ start: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false })),
    content: Type.Array(ListItem, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
const Image = Type.Object(
  {
    type: Type.Literal('image'),
    attrs: Type.Object(
      {
        mediaId: Type.Integer({ minimum: 1 }),
        caption: Type.Optional(Type.String({ maxLength: 1000 })),
        credit: Type.Optional(Type.String({ maxLength: 300 })),
        alt: Type.Optional(Type.String({ maxLength: 1000 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const Embed = Type.Object(
  {
    type: Type.Literal('embed'),
    attrs: Type.Object(
      {
        url: Type.String({ minLength: 8, maxLength: 2048 }),
        provider: Type.Optional(Type.String({ maxLength: 100 })),
        title: Type.Optional(Type.String({ maxLength: 300 })),
        /** Id of the provider's embed HTML stored by the embeds module (GET /api/admin/embeds/resolve). */
        frameId: Type.Optional(Type.String({ pattern: '^[0-9a-f]{32}$' })),
        /** A provider's player framed directly; only allow-listed player origins render. */
        playerUrl: Type.Optional(Type.String({ minLength: 8, maxLength: 2048 })),
        /** The provider's size, so the frame's height is reserved before it loads. */
        width: Type.Optional(Type.Integer({ minimum: 1, maximum: 4000 })),
        height: Type.Optional(Type.Integer({ minimum: 50, maximum: 4000 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Editors only (policy action article.raw-html); rendered in a sandboxed frame, never inline. */
const RawHtml = Type.Object(
  {
    type: Type.Literal('rawHtml'),
    attrs: Type.Object(
      {
        html: Type.String({ minLength: 1, maxLength: 100_000 }),
        /** Frame height in CSS pixels; the frame cannot size itself (it is cross-origin by sandbox). */
        height: Type.Optional(Type.Integer({ minimum: 50, maximum: 4000 })),
        title: Type.Optional(Type.String({ maxLength: 300 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const BlockSchema = Type.Union([Paragraph, Heading, Blockquote, PullQuote, BulletList, OrderedList, Image, Embed, RawHtml]);
export const DocSchema = Type.Object(
  { type: Type.Literal('doc'), content: Type.Array(BlockSchema, { maxItems: 2_000 }) },
  { additionalProperties: false },
);

export type Mark = Static<typeof MarkSchema>;
export type Inline = Static<typeof InlineSchema>;
export type TextNode = Static<typeof TextNode>;
export type ParagraphBlock = Static<typeof Paragraph>;
export type ListItemNode = Static<typeof ListItem>;
export type Block = Static<typeof BlockSchema>;
export type BlockType = Block['type'];
export type Doc = Static<typeof DocSchema>;

export interface SchemaProblem {
  path: string;
  message: string;
}

/** Validates untrusted JSON against the closed schema; returns the first few problems, or none. */
export function checkDoc(value: unknown): SchemaProblem[] {
  return checkAgainst(DocSchema, value);
}

export function isDoc(value: unknown): value is Doc {
  return Value.Check(DocSchema, value);
}

function checkAgainst(schema: TSchema, value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of Value.Errors(schema, value)) {
    problems.push({ path: error.path || '/', message: error.message });
    if (problems.length >= 5) break;
  }
  return problems;
}

/** Plain text of a run of inline nodes (search index, word counts, feed summaries). */
export function inlineText(content: Inline[] | undefined): string {
  if (!content) return '';
  return content.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/** Plain text of the whole document, one block per line. */
export function docText(doc: Doc): string {
  const lines: string[] = [];
  for (const block of doc.content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'pullQuote':
        lines.push(inlineText(block.content));
        break;
      case 'blockquote':
        for (const p of block.content) lines.push(inlineText(p.content));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content) for (const p of item.content) lines.push(inlineText(p.content));
        break;
      case 'image':
        if (block.attrs.caption) lines.push(block.attrs.caption);
        break;
      case 'embed':
      case 'rawHtml':
        break;
    }
  }
  return lines.filter(Boolean).join('\n');
}

export function wordCount(doc: Doc): number {
  const text = docText(doc).trim();
  return text ? text.split(/\s+/u).length : 0;
}

/** True when the document holds a raw-HTML block, which only editors may add or change. */
export function hasRawHtml(doc: Doc): boolean {
  return doc.content.some((block) => block.type === 'rawHtml');
}
