/** TypeBox schemas of the articles Admin API: validated by Fastify and published in the OpenAPI document. */
import { Type, type TSchema } from '@sinclair/typebox';

// Null first: the validator coerces types inside unions in order, and would turn null into 0 or "".
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const RevisionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), rid: Type.Integer({ minimum: 1 }) });

const Time = Nullable(
  // Integer first: the validator coerces types, and a number must not become a string.
  Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 40 })], {
    description: 'ISO 8601 with a time zone offset (2026-12-01T09:00:00+01:00) or epoch milliseconds; null clears.',
  }),
);
const AuthorRef = Type.Union([
  Type.String({ minLength: 1, maxLength: 100, description: 'Author slug' }),
  Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), role: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Byline label such as "Reporting by"' }))) }, { additionalProperties: false }),
]);
const NewStatus = Type.Union([Type.Literal('draft'), Type.Literal('review'), Type.Literal('scheduled'), Type.Literal('published')]);
const AnyStatus = Type.Union([...NewStatus.anyOf, Type.Literal('unpublished')]);

const fields = {
  headline: Type.String({ minLength: 1, maxLength: 300 }),
  standfirst: Type.String({ maxLength: 2000 }),
  slug: Type.String({ minLength: 1, maxLength: 200, description: 'Lower-case letters, digits and single hyphens; made from the headline when left out.' }),
  html: Type.String({ description: 'HTML, sanitized and converted to the block schema (at most 1 MB). Send html or body, not both.' }),
  body: Type.Unknown({ description: 'The block-schema document ({ type: "doc", content: [...] }).' }),
  section: Type.String({ minLength: 1, maxLength: 100, description: 'Section slug' }),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Tag slugs (unknown tags are created)' }),
  authors: Type.Array(AuthorRef, { minItems: 1, maxItems: 20, description: 'Author slugs in byline order' }),
  dateline: Nullable(Type.String({ maxLength: 200 })),
  heroImage: Nullable(Type.Integer({ minimum: 1, description: 'Media id' })),
  publishAt: Time,
  unpublishAt: Time,
  embargoUntil: Time,
  seoTitle: Nullable(Type.String({ maxLength: 300 })),
  seoDescription: Nullable(Type.String({ maxLength: 1000 })),
  socialTitle: Nullable(Type.String({ maxLength: 300 })),
  socialDescription: Nullable(Type.String({ maxLength: 1000 })),
};

const { headline, section, authors, ...optional } = fields;

export const CreateBody = Type.Object(
  {
    headline,
    section,
    authors,
    status: Type.Optional(NewStatus),
    ...Object.fromEntries(Object.entries(optional).map(([name, schema]) => [name, Type.Optional(schema)])),
  },
  { additionalProperties: false },
);

export const PatchBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, Type.Optional(schema)])),
    status: Type.Optional(AnyStatus),
    expectedModifiedAt: Type.Optional(Type.Integer({ description: 'The modifiedAt you last saw: 409 when someone saved since.' })),
    autosave: Type.Optional(Type.Boolean({ description: 'Autosaves coalesce into one revision per person per 5 minutes.' })),
    workingCopy: Type.Optional(
      Type.Boolean({
        description:
          'On a published article: keep these changes in its working copy, off the site, until POST /api/admin/articles/{id}/working-copy/publish. Ignored for articles that are not live. Without it a PATCH changes the live article at once.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PublishWorkingCopyBody = Type.Object(
  { expectedModifiedAt: Type.Optional(Type.Integer({ description: 'The modifiedAt you last saw: 409 when the live article changed since.' })) },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    status: Type.Optional(AnyStatus),
    section: Type.Optional(Type.String({ maxLength: 100 })),
    author: Type.Optional(Type.String({ maxLength: 100 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the headline' })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

const Iso = Nullable(Type.String({ format: 'date-time' }));
const SectionRef = Type.Object({ slug: Type.String(), name: Type.String() });
const Byline = Type.Object({ slug: Type.String(), name: Type.String(), role: Nullable(Type.String()) });
export const LockSchema = Type.Object({ userId: Type.Integer(), name: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
export const NoteSchema = Type.Object({ id: Type.Integer(), kind: Type.String(), body: Type.String(), at: Type.String({ format: 'date-time' }) });

export const ArticleViewSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  headline: Type.String(),
  standfirst: Type.String(),
  status: AnyStatus,
  section: SectionRef,
  authors: Type.Array(Byline),
  tags: Type.Array(Type.String()),
  dateline: Nullable(Type.String()),
  heroImage: Nullable(Type.Integer()),
  body: Type.Unknown(),
  seoTitle: Nullable(Type.String()),
  seoDescription: Nullable(Type.String()),
  socialTitle: Nullable(Type.String()),
  socialDescription: Nullable(Type.String()),
  publishAt: Iso,
  unpublishAt: Iso,
  embargoUntil: Iso,
  publishedAt: Iso,
  updatedAt: Iso,
  modifiedAt: Type.Integer({ description: 'Version token' }),
  wordCount: Type.Integer(),
  readingMinutes: Type.Integer(),
  url: Nullable(Type.String()),
  createdBy: Nullable(Type.Object({ name: Type.String() })),
  notes: Type.Array(NoteSchema),
  lock: Nullable(LockSchema),
  workingCopy: Nullable(
    Type.Object(
      {
        savedAt: Type.String({ format: 'date-time' }),
        savedBy: Type.String(),
        fields: Type.Record(Type.String(), Type.Unknown(), { description: 'The fields as last saved to the working copy (same names as PATCH).' }),
      },
      { description: 'Saved changes to a published article that readers do not see until they are published.' },
    ),
  ),
});

export const ListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      slug: Type.String(),
      headline: Type.String(),
      status: AnyStatus,
      section: SectionRef,
      authors: Type.Array(Byline),
      publishAt: Iso,
      publishedAt: Iso,
      modifiedAt: Type.Integer(),
      wordCount: Type.Integer(),
      lock: Nullable(LockSchema),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const CreatedSchema = Type.Object({ id: Type.Integer(), slug: Type.String(), status: NewStatus, url: Nullable(Type.String()) });

const DiffPart = Type.Object({ value: Type.String(), added: Type.Optional(Type.Boolean()), removed: Type.Optional(Type.Boolean()) });
export const RevisionList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), at: Type.String({ format: 'date-time' }), actor: Type.String(), autosave: Type.Boolean(), headline: Type.String() })),
});
export const RevisionDetail = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  autosave: Type.Boolean(),
  headline: Type.String(),
  standfirst: Type.String(),
  body: Type.Unknown(),
  diff: Type.Array(DiffPart, { description: "Word diff of the revision's body text (removed) against the current body text (added)." }),
  headlineDiff: Type.Array(DiffPart),
  standfirstDiff: Type.Array(DiffPart),
});

export const LockBody = Nullable(Type.Object({ takeOver: Type.Optional(Type.Boolean()) }, { additionalProperties: false }));
export const LockedSchema = Type.Object({ error: Type.String(), holder: LockSchema });
export const NoteBody = Type.Object(
  { kind: Type.Union([Type.Literal('correction'), Type.Literal('clarification'), Type.Literal('update')]), body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export const PreviewLinkSchema = Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
