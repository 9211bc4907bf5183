/** The two stores behind sandboxed frames: provider embed HTML and raw-HTML blocks. */
import crypto from 'node:crypto';
import type { Database } from '../../db/database.js';

export interface FrameStore {
  /** Stores provider HTML once; returns its id (used in the embed block's `frameId`). */
  saveEmbed(input: { provider: string; url: string; html: string }): Promise<string>;
  embed(id: string): Promise<{ provider: string; url: string; html: string } | null>;
  saveRawHtml(hash: string, html: string): Promise<void>;
  rawHtml(hash: string): Promise<string | null>;
}

export function createFrameStore(db: Database, now: () => number): FrameStore {
  const k = db.kysely;
  return {
    async saveEmbed({ provider, url, html }) {
      const id = crypto.createHash('sha256').update(`${provider}\n${html}`).digest('hex').slice(0, 32);
      await k
        .insertInto('embeds')
        .values({ id, provider, url: url.slice(0, 2048), html, created_at: now() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return id;
    },
    async embed(id) {
      const row = await k.selectFrom('embeds').select(['provider', 'url', 'html']).where('id', '=', id).executeTakeFirst();
      return row ?? null;
    },
    async saveRawHtml(hash, html) {
      await k
        .insertInto('html_frames')
        .values({ hash, html, created_at: now() })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
    },
    async rawHtml(hash) {
      const row = await k.selectFrom('html_frames').select('html').where('hash', '=', hash).executeTakeFirst();
      return row?.html ?? null;
    },
  };
}
