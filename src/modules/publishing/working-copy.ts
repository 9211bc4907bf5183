/**
 * Working copies: edits to a published article that readers do not see yet. The editor saves a
 * published article here (every autosave and "Save changes"), and only Update takes the working
 * copy live, in one save with all the checks a live change gets. Without this, every keystroke
 * autosaved in a live article would reach readers, feeds and webhooks within 5 seconds.
 *
 * A working copy holds the article's editable fields as last saved (not a diff), so applying it
 * is an ordinary save of those fields; revisions keep every version of it as well.
 */
import type { Database } from '../../db/database.js';
import type { Actor } from '../audit/index.js';
import type { Doc } from './body-schema.js';
import type { Snapshot } from './revisions.js';
import type { ArticleFields, PatchFields } from './workflow-rules.js';

/** The fields a working copy can hold: everything an editor edits except the status. */
export const WORKING_COPY_FIELDS = [
  'headline',
  'standfirst',
  'slug',
  'body',
  'section',
  'tags',
  'authors',
  'dateline',
  'heroImage',
  'seoTitle',
  'seoDescription',
  'socialTitle',
  'socialDescription',
  'publishAt',
  'unpublishAt',
  'embargoUntil',
] as const satisfies readonly (keyof ArticleFields)[];

export type WorkingCopyFields = Pick<ArticleFields, (typeof WORKING_COPY_FIELDS)[number]>;

export interface WorkingCopy {
  fields: WorkingCopyFields;
  savedAt: number;
  savedBy: string;
}

export interface WorkingCopies {
  get(articleId: number): Promise<WorkingCopy | null>;
  /** Merges `fields` over the stored copy (if any) and returns the result. */
  save(articleId: number, fields: WorkingCopyFields, actor: Actor, at: number): Promise<WorkingCopy>;
  clear(articleId: number): Promise<boolean>;
}

/** The working-copy fields a request carries, with the body already in the block schema. */
export function workingCopyFieldsOf(patch: PatchFields, body: Doc | undefined): WorkingCopyFields {
  const picked: Record<string, unknown> = {};
  for (const name of WORKING_COPY_FIELDS) if (patch[name] !== undefined) picked[name] = patch[name];
  if (body) picked.body = body;
  return picked as WorkingCopyFields;
}

/** A revision of the working copy: the live snapshot with the copy's fields laid over it. */
export function workingCopySnapshot(live: Snapshot, fields: WorkingCopyFields): Snapshot {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    headline: pick(fields.headline, live.headline),
    standfirst: pick(fields.standfirst, live.standfirst),
    body: fields.body === undefined ? live.body : (fields.body as Doc),
    metadata: {
      ...live.metadata,
      slug: pick(fields.slug, live.metadata.slug),
      dateline: pick(fields.dateline, live.metadata.dateline),
      heroImage: pick(fields.heroImage, live.metadata.heroImage),
      seoTitle: pick(fields.seoTitle, live.metadata.seoTitle),
      seoDescription: pick(fields.seoDescription, live.metadata.seoDescription),
      socialTitle: pick(fields.socialTitle, live.metadata.socialTitle),
      socialDescription: pick(fields.socialDescription, live.metadata.socialDescription),
    },
  };
}

export function createWorkingCopies(db: Database): WorkingCopies {
  const k = db.kysely;

  async function get(articleId: number): Promise<WorkingCopy | null> {
    const row = await k.selectFrom('article_working_copies').selectAll().where('article_id', '=', articleId).executeTakeFirst();
    return row ? { fields: JSON.parse(row.fields) as WorkingCopyFields, savedAt: Number(row.saved_at), savedBy: row.saved_by_label } : null;
  }

  return {
    get,

    async save(articleId, fields, actor, at) {
      // The caller holds the article's edit lock (or is the only writer), so read-merge-write is safe.
      const existing = await get(articleId);
      const merged: WorkingCopyFields = { ...existing?.fields, ...fields };
      const values = { fields: JSON.stringify(merged), saved_at: at, saved_by_user: actor.userId, saved_by_label: actor.label.slice(0, 300) };
      await k
        .insertInto('article_working_copies')
        .values({ article_id: articleId, ...values })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
        .execute();
      return { fields: merged, savedAt: at, savedBy: values.saved_by_label };
    },

    async clear(articleId) {
      const result = await k.deleteFrom('article_working_copies').where('article_id', '=', articleId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
