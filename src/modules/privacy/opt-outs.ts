/**
 * Do Not Sell or Share on the account. A browser remembers the choice in the prefs cookie; a
 * signed-in reader's choice is also kept here, so it survives signing out and follows the reader
 * to another browser. The visitor hook below applies it on every signed-in request.
 */
import type { Database } from '../../db/database.js';
import type { User } from '../accounts/index.js';
import type { VisitorHook } from '../site/visitor.js';
import type { OptOutSource } from './tables.js';

export interface OptOut {
  source: OptOutSource;
  createdAt: number;
}

export interface OptOuts {
  of(userId: number): Promise<OptOut | null>;
  /** Records an opt-out; an existing one (and its source) is kept. */
  record(userId: number, source: OptOutSource): Promise<void>;
  clear(userId: number): Promise<void>;
  /** For site.visitors.addHook: the account's opt-out on the visitor, and the browser's onto the account. */
  hook(): VisitorHook;
}

export function createOptOuts(db: Database, now: () => number): OptOuts {
  const k = db.kysely;
  const optOuts: OptOuts = {
    async of(userId) {
      const row = await k.selectFrom('privacy_opt_outs').select(['source', 'created_at']).where('user_id', '=', userId).executeTakeFirst();
      return row ? { source: row.source, createdAt: Number(row.created_at) } : null;
    },

    async record(userId, source) {
      // Two tabs opting out at once must not fail on the primary key.
      await k
        .insertInto('privacy_opt_outs')
        .values({ user_id: userId, source, created_at: now() })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    },

    async clear(userId) {
      await k.deleteFrom('privacy_opt_outs').where('user_id', '=', userId).execute();
    },

    hook() {
      return async (visitor, user: User) => {
        const stored = await optOuts.of(user.id);
        if (stored) {
          visitor.optedOut = true;
          return;
        }
        // The browser says opt out (its cookie, or Sec-GPC) and the account does not know yet.
        if (visitor.optedOut) await optOuts.record(user.id, visitor.gpc ? 'gpc' : 'form');
      };
    },
  };
  return optOuts;
}
