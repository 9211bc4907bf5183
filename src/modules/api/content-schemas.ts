/** The Content API's shapes, as TypeBox schemas: they validate requests and make the OpenAPI document. */
import { Type, type Static } from '@sinclair/typebox';

const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'A URL slug.' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC.' });

export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: 'What went wrong, for a person.' }),
    field: Type.Optional(Type.String({ description: 'The input at fault.' })),
    reason: Type.Optional(Type.String()),
  },
);

export const SlugParams = Type.Object({ slug: Slug });
export type SlugParams = Static<typeof SlugParams>;

export const ArticleListQuery = Type.Object(
  {
    section: Type.Optional(Slug),
    tag: Type.Optional(Slug),
    author: Type.Optional(Slug),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full-text search in headline, standfirst and body.' })),
    since: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Only articles published at or after this ISO 8601 time.' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'nextCursor from the previous page.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const SectionRefSchema = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() });
export const BylineSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  role: Nullable(Type.String({ description: 'A role label such as "Reporting by", or null for a plain byline.' })),
  url: Type.String(),
});
export const TagRefSchema = Type.Object({ slug: Type.String(), name: Type.String() });
export const ImageSchema = Type.Object({
  url: Type.String({ description: 'The largest variant, in JPEG or PNG.' }),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
});

export const ArticleItemSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  url: Type.String(),
  headline: Type.String(),
  standfirst: Type.String(),
  section: SectionRefSchema,
  authors: Type.Array(BylineSchema),
  tags: Type.Array(TagRefSchema),
  dateline: Nullable(Type.String()),
  publishedAt: Timestamp,
  updatedAt: Nullable(Timestamp),
  heroImage: Nullable(ImageSchema),
  wordCount: Type.Integer(),
  commentCount: Type.Integer({ description: 'Approved comments under the article, replies included.' }),
});
export type ArticleItem = Static<typeof ArticleItemSchema>;

export const ArticleListSchema = Type.Object({
  items: Type.Array(ArticleItemSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page.' })),
});

export const ArticleDetailSchema = Type.Intersect([
  ArticleItemSchema,
  Type.Object({
    body: Type.Unknown({ description: 'The body as a document of the closed block schema (paragraphs, headings, quotes, lists, images, embeds).' }),
    html: Type.String({ description: 'The body rendered to HTML.' }),
    notes: Type.Array(Type.Object({ kind: Type.String(), body: Type.String(), createdAt: Timestamp }), { description: 'Corrections, clarifications and updates, newest first.' }),
  }),
]);

export const SectionSchema = Type.Object({ slug: Type.String(), name: Type.String(), description: Type.String(), url: Type.String() });
export const TagSchema = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() });
export const AuthorSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  title: Type.String(),
  bio: Type.String(),
  url: Type.String(),
  photo: Nullable(ImageSchema),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
});

export const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T, paged = false) =>
  Type.Object({ items: Type.Array(item), ...(paged ? { nextCursor: Nullable(Type.String()) } : {}) });
