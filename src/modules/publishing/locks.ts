/**
 * Edit locks: who has an article open in the editor. A lock lasts 60 seconds and the editor
 * renews it every 20 (heartbeat), so a closed tab frees the article within a minute. Taking over
 * is allowed (and audited): a lock is a courtesy that prevents lost work, not a permission.
 */
import type { Database } from '../../db/database.js';
import { PublishingError } from './errors.js';

export const LOCK_TTL_MS = 60_000;

export interface LockHolder {
  userId: number;
  name: string;
  expiresAt: number;
}

export type LockResult = { held: LockHolder; tookOver: boolean } | { refused: LockHolder };

export interface EditLocks {
  /** The live lock on the article, if any. */
  current(articleId: number, now: number): Promise<LockHolder | null>;
  currentMany(articleIds: number[], now: number): Promise<Map<number, LockHolder>>;
  acquire(articleId: number, user: { id: number; name: string }, now: number, takeOver: boolean): Promise<LockResult>;
  release(articleId: number, userId: number): Promise<boolean>;
}

export function createEditLocks(db: Database): EditLocks {
  const k = db.kysely;
  const toHolder = (r: { user_id: number; user_name: string; expires_at: number }): LockHolder => ({ userId: r.user_id, name: r.user_name, expiresAt: r.expires_at });

  return {
    async current(articleId, now) {
      const row = await k.selectFrom('article_locks').selectAll().where('article_id', '=', articleId).where('expires_at', '>', now).executeTakeFirst();
      return row ? toHolder(row) : null;
    },

    async currentMany(articleIds, now) {
      if (articleIds.length === 0) return new Map();
      const rows = await k.selectFrom('article_locks').selectAll().where('article_id', 'in', articleIds).where('expires_at', '>', now).execute();
      return new Map(rows.map((r) => [r.article_id, toHolder(r)]));
    },

    async acquire(articleId, user, now, takeOver) {
      const expiresAt = now + LOCK_TTL_MS;
      const values = { user_id: user.id, user_name: user.name.slice(0, 300), expires_at: expiresAt };
      // One statement each, so two people racing for a free article cannot both win: the renewal
      // only matches our own or a lapsed lock, the insert only an absent one.
      let took = false;
      if (takeOver) {
        const before = await k.selectFrom('article_locks').selectAll().where('article_id', '=', articleId).where('expires_at', '>', now).executeTakeFirst();
        took = before !== undefined && before.user_id !== user.id;
        await k
          .insertInto('article_locks')
          .values({ article_id: articleId, ...values })
          .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
          .execute();
        return { held: toHolder(values), tookOver: took };
      }
      const renewed = await k
        .updateTable('article_locks')
        .set(values)
        .where('article_id', '=', articleId)
        .where((eb) => eb.or([eb('user_id', '=', user.id), eb('expires_at', '<=', now)]))
        .executeTakeFirst();
      if (Number(renewed.numUpdatedRows) > 0) return { held: toHolder(values), tookOver: false };
      const inserted = await k
        .insertInto('article_locks')
        .values({ article_id: articleId, ...values })
        .onConflict((oc) => oc.column('article_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { held: toHolder(values), tookOver: false };
      const holder = await k.selectFrom('article_locks').selectAll().where('article_id', '=', articleId).executeTakeFirst();
      // Released in between: try once more as if it were free.
      if (!holder) return this.acquire(articleId, user, now, false);
      return { refused: toHolder(holder) };
    },

    async release(articleId, userId) {
      const result = await k.deleteFrom('article_locks').where('article_id', '=', articleId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** 423: someone else holds the edit lock. */
export class LockedError extends PublishingError {
  constructor(readonly holder: LockHolder) {
    super(`${holder.name} is editing this article.`, undefined, 423);
  }
}
