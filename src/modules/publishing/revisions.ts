/**
 * Revision history: a snapshot of the article after every save, so no save can lose work.
 * Autosaves by one person coalesce: the first in a 5-minute window makes a row, later ones in the
 * window update it, so the history stays readable while the latest typed text is always kept.
 */
import { diffWords, type Change } from 'diff';
import type { Database } from '../../db/database.js';
import type { Actor } from '../audit/index.js';
import { docText, type Doc } from './body-schema.js';

export const AUTOSAVE_WINDOW_MS = 5 * 60 * 1000;

/** What a revision keeps besides the text (shown for reference; restore brings back the text and these). */
export interface RevisionMetadata {
  slug: string;
  status: string;
  dateline: string | null;
  heroImage: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  socialTitle: string | null;
  socialDescription: string | null;
}

export interface Snapshot {
  headline: string;
  standfirst: string;
  body: Doc;
  metadata: RevisionMetadata;
}

export interface RevisionSummary {
  id: number;
  at: number;
  actor: string;
  autosave: boolean;
  headline: string;
}

export interface Revision extends RevisionSummary, Snapshot {}

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface Revisions {
  /** Stores the snapshot; returns false when an autosave was folded into the window's revision. */
  record(articleId: number, actor: Actor, snapshot: Snapshot, options: { autosave: boolean; at: number }): Promise<boolean>;
  list(articleId: number): Promise<RevisionSummary[]>;
  get(articleId: number, revisionId: number): Promise<Revision | null>;
}

export function createRevisions(db: Database): Revisions {
  const k = db.kysely;
  return {
    async record(articleId, actor, snapshot, { autosave, at }) {
      const content = {
        headline: snapshot.headline,
        standfirst: snapshot.standfirst,
        body: JSON.stringify(snapshot.body),
        metadata: JSON.stringify(snapshot.metadata),
      };
      if (autosave) {
        const latest = await k.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('id', 'desc').limit(1).executeTakeFirst();
        const sameWindow =
          latest !== undefined &&
          latest.autosave === 1 &&
          latest.actor_user_id === actor.userId &&
          latest.actor_label === actor.label &&
          at - latest.window_start < AUTOSAVE_WINDOW_MS;
        if (sameWindow) {
          await k.updateTable('article_revisions').set({ ...content, at }).where('id', '=', latest.id).execute();
          return false;
        }
      }
      await k
        .insertInto('article_revisions')
        .values({ article_id: articleId, at, window_start: at, actor_user_id: actor.userId, actor_label: actor.label.slice(0, 300), autosave: autosave ? 1 : 0, ...content })
        .execute();
      return true;
    },

    async list(articleId) {
      const rows = await k
        .selectFrom('article_revisions')
        .select(['id', 'at', 'actor_label', 'autosave', 'headline'])
        .where('article_id', '=', articleId)
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor_label, autosave: r.autosave === 1, headline: r.headline }));
    },

    async get(articleId, revisionId) {
      const r = await k.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('id', '=', revisionId).executeTakeFirst();
      if (!r) return null;
      return {
        id: r.id,
        at: r.at,
        actor: r.actor_label,
        autosave: r.autosave === 1,
        headline: r.headline,
        standfirst: r.standfirst,
        body: JSON.parse(r.body) as Doc,
        metadata: JSON.parse(r.metadata) as RevisionMetadata,
      };
    },
  };
}

/** Word diff from an old text to the current one: removed parts are the revision's, added the current's. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c: Change) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
}

/** The text a diff compares: standfirst and body, as readers see them. */
export function revisionText(standfirst: string, body: Doc): string {
  return [standfirst, docText(body)].filter(Boolean).join('\n');
}
