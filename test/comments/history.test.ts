/**
 * The store behind the moderation pipeline's questions about the past (history.ts), on the real
 * database: questions asked in one turn travel as one statement, and a post's questions, asked
 * ahead beside its reads (askAhead) and again by the pipeline, are sent once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely, KyselyPlugin } from 'kysely';
import type { Tables } from '../../src/db/tables.js';
import { moderationHistory } from '../../src/modules/comments/history.js';
import { askAhead, moderate } from '../../src/modules/comments/moderation/pipeline.js';
import { phases } from '../../src/modules/comments/moderation/phases/index.js';
import { defaultModerationSettings } from '../../src/modules/comments/moderation/settings.js';
import type { CommentCandidate, PhaseContext } from '../../src/modules/comments/moderation/types.js';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';

/** The database, counting the statements sent through it. */
function counting(k: Kysely<Tables>): { k: Kysely<Tables>; sent: () => number } {
  let sent = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => (sent++, node),
    transformResult: async ({ result }) => result,
  };
  return { k: k.withPlugin(plugin), sent: () => sent };
}

describe('moderation history', () => {
  let f: CommentsFixture;
  let ann: Reader;
  let earlier: { text_hash: string; address_hash: string; created_at: number };

  before(async () => {
    f = await commentsFixture();
    ann = await f.reader('Ann History', { regular: true });
    const article = await f.article('history-questions');
    const { id } = await f.comment(ann, { articleId: article.id }, 'The bridge closure was announced far too late.', '192.0.2.10');
    earlier = await f.app.db.kysely.selectFrom('comments').select(['text_hash', 'address_hash', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow();
  });
  after(() => f.close());

  it('sends the questions of one turn as one statement and never sends a question twice', async () => {
    const db = counting(f.app.db.kysely);
    const history = moderationHistory(db.k);
    const since = earlier.created_at - 1;
    const answers = await Promise.all([
      history.countByReaderSince(ann.id, since),
      history.countByAddressSince(earlier.address_hash, since),
      history.hasRepeat(ann.id, earlier.text_hash, since),
      history.hasRepeat(ann.id, 'a text never posted', since),
    ]);
    assert.deepEqual(answers, [1, 1, true, false]);
    assert.equal(db.sent(), 1);
    // The same questions again (as the pipeline asks what was asked ahead): answered, not sent.
    assert.deepEqual(await Promise.all([history.countByReaderSince(ann.id, since), history.hasRepeat(ann.id, earlier.text_hash, since)]), [1, true]);
    assert.equal(db.sent(), 1);
    // A different question is.
    assert.equal(await history.countByReaderSince(ann.id, earlier.created_at + 1), 0);
    assert.equal(db.sent(), 2);
  });

  it('asked ahead on a provisional context, the pipeline decides as it would alone, with one statement in all', async () => {
    const settings = { ...defaultModerationSettings, perReaderPerMinute: 1, newReaderApprovals: 3, suspectWords: ['bridge'] };
    const candidate = (text: string, reader: Partial<CommentCandidate['reader']>, story: Partial<CommentCandidate['story']>): CommentCandidate => ({
      text,
      links: [],
      reader: { id: ann.id, createdAt: 0, approvedCount: 10, standing: { kind: 'good' }, ...reader },
      story: { id: 1, open: true, closedReason: null, premoderated: false, ...story },
      addressHash: earlier.address_hash,
      // Within a minute of the earlier comment: the per-reader limit of 1 is reached.
      now: earlier.created_at + 30_000,
    });
    const provisional = (c: CommentCandidate): CommentCandidate => ({ ...c, reader: { ...c.reader, approvedCount: 0, standing: { kind: 'good' } }, story: { id: 0, open: true, closedReason: null, premoderated: false } });
    const cases: { name: string; comment: CommentCandidate; limit: number }[] = [
      { name: 'accepted', comment: candidate('A fresh point about the budget.', {}, {}), limit: 0 },
      { name: 'rate limited', comment: candidate('A fresh point about the budget.', {}, {}), limit: 1 },
      { name: 'a repeat', comment: candidate('The bridge closure was announced far too late.', {}, {}), limit: 0 },
      { name: 'held: suspect word, new reader, pre-moderated', comment: candidate('The bridge again.', { approvedCount: 1 }, { premoderated: true }), limit: 0 },
      { name: 'closed story', comment: candidate('A fresh point about the budget.', {}, { open: false, closedReason: 'Comments are closed on this story.' }), limit: 0 },
      { name: 'banned reader', comment: candidate('A fresh point about the budget.', { standing: { kind: 'banned', message: 'No.' } }, {}), limit: 1 },
    ];
    for (const { name, comment, limit } of cases) {
      const context = (history: PhaseContext['history'], c: CommentCandidate): PhaseContext => ({ comment: c, settings: { ...settings, perReaderPerMinute: limit }, history });
      const alone = await moderate(phases, context(moderationHistory(f.app.db.kysely), comment));
      const db = counting(f.app.db.kysely);
      const history = moderationHistory(db.k);
      askAhead(phases, context(history, provisional(comment)));
      const decided = await moderate(phases, context(history, comment));
      assert.deepEqual(decided, alone, name);
      assert.equal(db.sent(), 1, `${name}: statements sent`);
    }
  });
});
