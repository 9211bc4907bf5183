import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDatabase, dropPostgresSchema, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { settingsMigrations } from '../../src/modules/settings/migrations.js';
import { createSettingsService, defaultSettings, PublicationSettingsSchema, SettingsError } from '../../src/modules/settings/service.js';
import { Value } from '@sinclair/typebox/value';
import { AhoCorasick } from '../../src/modules/comments/moderation/aho-corasick.js';
import { textHash, normaliseForRepeat } from '../../src/modules/comments/moderation/fingerprint.js';
import { askAhead, fold, moderate } from '../../src/modules/comments/moderation/pipeline.js';
import { phases } from '../../src/modules/comments/moderation/phases/index.js';
import { bannedWords } from '../../src/modules/comments/moderation/phases/banned-words.js';
import { lengthLimits } from '../../src/modules/comments/moderation/phases/length.js';
import { linkLimit } from '../../src/modules/comments/moderation/phases/link-limit.js';
import { newReader } from '../../src/modules/comments/moderation/phases/new-reader.js';
import { premoderation } from '../../src/modules/comments/moderation/phases/premoderation.js';
import { rateLimit } from '../../src/modules/comments/moderation/phases/rate-limit.js';
import { readerStanding } from '../../src/modules/comments/moderation/phases/reader-standing.js';
import { repeat } from '../../src/modules/comments/moderation/phases/repeat.js';
import { storyClosed } from '../../src/modules/comments/moderation/phases/story-closed.js';
import { suspectWords } from '../../src/modules/comments/moderation/phases/suspect-words.js';
import { defaultModerationSettings, ModerationSettingsSchema } from '../../src/modules/comments/moderation/settings.js';
import { foldForMatching, isWordCharacter, wordMatcher } from '../../src/modules/comments/moderation/words.js';
import type { CommentCandidate, ModerationHistory, ModerationSettings, Phase, PhaseContext, Verdict } from '../../src/modules/comments/moderation/types.js';
import { renderCommentText } from '../../src/modules/comments/text.js';

// ---- A comment, its reader and story, and a history kept in memory ----

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;

interface Stored {
  readerId: number;
  addressHash: string;
  textHash: string;
  at: number;
}

/** The store's answers, computed from a list of earlier comments (the real one asks the database the same). */
function memoryHistory(stored: Stored[] = []): ModerationHistory & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async countByReaderSince(readerId, since) {
      asked.push('reader');
      return stored.filter((c) => c.readerId === readerId && c.at >= since).length;
    },
    async countByAddressSince(addressHash, since) {
      asked.push('address');
      return stored.filter((c) => c.addressHash === addressHash && c.at >= since).length;
    },
    async hasRepeat(readerId, hash, since) {
      asked.push('repeat');
      return stored.some((c) => c.readerId === readerId && c.textHash === hash && c.at >= since);
    },
  };
}

interface Change {
  text?: string;
  links?: string[];
  reader?: Partial<CommentCandidate['reader']>;
  story?: Partial<CommentCandidate['story']>;
  settings?: Partial<ModerationSettings>;
  history?: ModerationHistory;
  addressHash?: string;
}

function context(change: Change = {}): PhaseContext {
  return {
    comment: {
      text: change.text ?? 'A thoughtful comment about the council budget.',
      links: change.links ?? [],
      reader: { id: 7, createdAt: NOW - 30 * 24 * 60 * MINUTE, approvedCount: 5, standing: { kind: 'good' }, ...change.reader },
      story: { id: 3, open: true, closedReason: null, premoderated: false, ...change.story },
      addressHash: change.addressHash ?? 'address-of-7',
      now: NOW,
    },
    settings: { ...defaultModerationSettings, ...change.settings },
    history: change.history ?? memoryHistory(),
  };
}

const check = async (phase: Phase, change: Change = {}) => phase.check(context(change));

function assertReject(verdict: Verdict | null, status: number, reason: RegExp): void {
  assert.ok(verdict && verdict.action === 'reject', `expected a rejection, got ${JSON.stringify(verdict)}`);
  assert.equal(verdict.status, status);
  assert.match(verdict.reason, reason);
}

function assertHold(verdict: Verdict | null, reason: RegExp): void {
  assert.ok(verdict && verdict.action === 'hold', `expected a hold, got ${JSON.stringify(verdict)}`);
  assert.match(verdict.reason, reason);
}

function assertPasses(verdict: Verdict | null): void {
  assert.ok(verdict === null || verdict.action === 'accept', `expected no objection, got ${JSON.stringify(verdict)}`);
}

// ---- Folding ----

const phaseName = fc.constantFrom('length', 'story-closed', 'rate-limit', 'banned-words', 'link-limit', 'new-reader');
// fast-check builds records without a prototype; verdicts from phases are plain objects.
const verdictArb: fc.Arbitrary<Verdict | null> = fc.oneof(
  fc.constant(null),
  fc.constant({ action: 'accept' as const }),
  fc.record({ action: fc.constant('hold' as const), phase: phaseName, reason: fc.string() }).map((v) => ({ ...v })),
  fc
    .record(
      { action: fc.constant('reject' as const), phase: phaseName, reason: fc.string(), status: fc.constantFrom(400 as const, 403 as const, 429 as const), retryAfterSeconds: fc.integer({ min: 1, max: 120 }) },
      { requiredKeys: ['action', 'phase', 'reason', 'status'] },
    )
    .map((v) => ({ ...v })),
);

const nonAccepting = (verdicts: (Verdict | null)[]) =>
  verdicts.flatMap((v) => (v && v.action !== 'accept' ? [{ phase: v.phase, action: v.action, reason: v.reason }] : []));

describe('folding verdicts', () => {
  it('the first rejection wins, with the holds before it and the rejection as reasons', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 12 }), fc.array(verdictArb, { maxLength: 12 }), verdictArb, (before, afterwards, anyVerdict) => {
        const reject: Verdict = { action: 'reject', phase: 'story-closed', reason: 'closed', status: 403 };
        const list = [...before.filter((v) => v?.action !== 'reject'), reject, ...afterwards, anyVerdict];
        const firstReject = list.find((v) => v?.action === 'reject');
        const decision = fold(list);
        assert.deepEqual(decision.verdict, firstReject);
        const upTo = list.slice(0, list.indexOf(firstReject!) + 1);
        assert.deepEqual(decision.reasons, nonAccepting(upTo));
      }),
    );
  });

  it('any list with a rejection folds to its first rejection', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 20 }), (list) => {
        const firstReject = list.find((v) => v?.action === 'reject');
        fc.pre(firstReject !== undefined);
        assert.deepEqual(fold(list).verdict, firstReject);
      }),
    );
  });

  it('no rejection but some hold: holds with the first hold and every hold reason', () => {
    const noReject = verdictArb.filter((v) => v?.action !== 'reject');
    fc.assert(
      fc.property(fc.array(noReject, { maxLength: 20 }), (list) => {
        const holds = list.filter((v): v is Extract<Verdict, { action: 'hold' }> => v?.action === 'hold');
        fc.pre(holds.length > 0);
        const decision = fold(list);
        assert.deepEqual(decision.verdict, { action: 'hold', phase: holds[0]!.phase, reason: holds[0]!.reason });
        assert.deepEqual(decision.reasons, holds.map((h) => ({ phase: h.phase, action: 'hold', reason: h.reason })));
      }),
    );
  });

  it('all accept or no opinion: accepts with no reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Verdict | null>(null, { action: 'accept' }), { maxLength: 20 }), (list) => {
        assert.deepEqual(fold(list), { verdict: { action: 'accept' }, reasons: [] });
      }),
    );
  });

  it('is pure: leaves its input as it was and answers the same every time', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { maxLength: 20 }), (list) => {
        const copy = structuredClone(list);
        const frozen = Object.freeze(list.map((v) => (v ? Object.freeze({ ...v }) : v)));
        const first = fold(frozen);
        assert.deepEqual(frozen, copy);
        assert.deepEqual(fold(frozen), first);
        // The decision is a value of its own: changing it changes no later answer.
        (first.verdict as { reason?: string }).reason = 'tampered';
        first.reasons.push({ phase: 'x', action: 'hold', reason: 'x' });
        assert.deepEqual(fold(frozen), fold(copy));
      }),
    );
  });

  it('moderate() decides as folding every phase would, and runs no phase after a rejection given at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(verdictArb, { maxLength: 12 }), async (verdicts) => {
        const ran: number[] = [];
        const list: Phase[] = verdicts.map((verdict, i) => ({
          name: `p${i}`,
          // Half the phases answer asynchronously, as phases that ask the store do.
          check: () => {
            ran.push(i);
            return i % 2 ? Promise.resolve(verdict) : verdict;
          },
        }));
        const decision = await moderate(list, context());
        assert.deepEqual(decision, fold(verdicts));
        // Asynchronous phases run side by side, so only a synchronous rejection stops the rest from starting.
        const firstSyncReject = verdicts.findIndex((v, i) => i % 2 === 0 && v?.action === 'reject');
        assert.deepEqual(ran, [...verdicts.keys()].slice(0, firstSyncReject === -1 ? verdicts.length : firstSyncReject + 1));
      }),
    );
  });
});

describe('moderate() and the store', () => {
  it('runs the phases that ask the store side by side, not one after another', async () => {
    let secondStarted!: () => void;
    const started = new Promise<void>((resolve) => (secondStarted = resolve));
    const list: Phase[] = [
      // Answers only once the next phase has begun: run in turn, it would never answer.
      { name: 'first', check: () => started.then(() => null) },
      { name: 'second', check: () => (secondStarted(), Promise.resolve({ action: 'hold', phase: 'second', reason: 'look' })) },
    ];
    const timeout = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 2000).unref());
    const decision = await Promise.race([moderate(list, context()), timeout]);
    assert.notEqual(decision, 'timed out');
    assert.deepEqual(decision, { verdict: { action: 'hold', phase: 'second', reason: 'look' }, reasons: [{ phase: 'second', action: 'hold', reason: 'look' }] });
  });
});

// ---- The phases, one by one ----

describe('moderation phases', () => {
  it('length: refuses too short and too long with both limits, counting characters after trimming', async () => {
    assertPasses(await check(lengthLimits, { text: '   ok   ' }));
    assertReject(await check(lengthLimits, { text: '  x  ' }), 400, /too short: comments must be between 2 and 5,000 characters long, and this one has 1\./u);
    assertReject(await check(lengthLimits, { text: 'y'.repeat(5001) }), 400, /too long: comments must be between 2 and 5,000 characters long, and this one has 5,001\./u);
    assertPasses(await check(lengthLimits, { text: 'y'.repeat(5000) }));
    // An emoji is one character (two UTF-16 units): 5000 of them fit.
    assertPasses(await check(lengthLimits, { text: '😀'.repeat(5000) }));
    assertReject(await check(lengthLimits, { text: 'abcdef', settings: { maxLength: 5 } }), 400, /between 2 and 5 characters/u);
  });

  it('story-closed: refuses with 403 on a closed story', async () => {
    assertPasses(await check(storyClosed));
    assertReject(await check(storyClosed, { story: { open: false } }), 403, /^Comments on this story are closed\.$/u);
    assertReject(
      await check(storyClosed, { story: { open: false, closedReason: 'Comments on this story closed automatically some time after it was published.' } }),
      403,
      /closed automatically/u,
    );
  });

  it('reader-standing: banned and suspended readers are refused with the moderator’s message; warned readers post', async () => {
    assertPasses(await check(readerStanding));
    assertReject(await check(readerStanding, { reader: { standing: { kind: 'banned', message: 'Repeated personal attacks.' } } }), 403, /banned.*Repeated personal attacks\./u);
    const until = NOW + 3 * 24 * 60 * MINUTE;
    const suspended = await check(readerStanding, { reader: { standing: { kind: 'suspended', until, message: 'Cool off.' } } });
    assertReject(suspended, 403, /suspended you from commenting until 1 December 2026 at 12:00 UTC\..*Cool off\./u);
    // Once the suspension has run out it no longer counts.
    assertPasses(await check(readerStanding, { reader: { standing: { kind: 'suspended', until: NOW - 1, message: 'Over.' } } }));
    assert.deepEqual(await check(readerStanding, { reader: { standing: { kind: 'warned', message: 'Stay on topic.' } } }), { action: 'accept' });
  });

  it('rate-limit: 429 with Retry-After once a reader or an address has posted its share in the last minute', async () => {
    const mine = (n: number, at: number, address = 'elsewhere') => Array.from({ length: n }, () => ({ readerId: 7, addressHash: address, textHash: 'h', at }));
    // Five in the last minute is the limit; the sixth is refused.
    assertPasses(await check(rateLimit, { history: memoryHistory(mine(4, NOW - 10_000)) }));
    const tooFast = await check(rateLimit, { history: memoryHistory(mine(5, NOW - 10_000)) });
    assertReject(tooFast, 429, /at most 5 comments a minute/u);
    assert.equal(tooFast?.action === 'reject' && tooFast.retryAfterSeconds, 60);
    // Comments older than a minute do not count.
    assertPasses(await check(rateLimit, { history: memoryHistory(mine(50, NOW - MINUTE - 1)) }));
    // Twenty from one address, by different readers.
    const others = Array.from({ length: 20 }, (_, i) => ({ readerId: 100 + i, addressHash: 'address-of-7', textHash: 'h', at: NOW - 5_000 }));
    assertReject(await check(rateLimit, { history: memoryHistory(others) }), 429, /from your network.*at most 20 a minute/u);
    assertPasses(await check(rateLimit, { history: memoryHistory(others.slice(1)) }));
    // 0 turns a limit off.
    assertPasses(await check(rateLimit, { history: memoryHistory(mine(500, NOW)), settings: { perReaderPerMinute: 0, perAddressPerMinute: 0 } }));
  });

  it('repeat: the same text (other spacing and capitals) from the same reader within the window is refused', async () => {
    const earlier = (at: number, readerId = 7) => memoryHistory([{ readerId, addressHash: 'a', textHash: textHash('The budget is  wrong.'), at }]);
    assertReject(await check(repeat, { text: 'the BUDGET is wrong.', history: earlier(NOW - 30 * MINUTE) }), 400, /^You already posted this\.$/u);
    assertPasses(await check(repeat, { text: 'The budget is right.', history: earlier(NOW - 30 * MINUTE) }));
    assertPasses(await check(repeat, { text: 'The budget is wrong.', history: earlier(NOW - 61 * MINUTE) }));
    assertPasses(await check(repeat, { text: 'The budget is wrong.', history: earlier(NOW, 8) }));
    assertPasses(await check(repeat, { text: 'The budget is wrong.', history: earlier(NOW), settings: { repeatWindowMinutes: 0 } }));
  });

  it('banned-words: refuses with 400 and names the words', async () => {
    const settings = { bannedWords: ['scum', 'go to hell'] };
    assertPasses(await check(bannedWords, { text: 'Scrumptious pie.', settings }));
    assertReject(await check(bannedWords, { text: 'You are SCUM.', settings }), 400, /contains a word this publication does not allow \(“scum”\)/u);
    assertReject(await check(bannedWords, { text: 'Scum! Go to\nhell.', settings }), 400, /words .*“scum”, “go to hell”/u);
    assertPasses(await check(bannedWords, { text: 'You are SCUM.' }));
  });

  it('suspect-words: holds for a moderator and says which words', async () => {
    const settings = { suspectWords: ['casino', 'crypto'] };
    assertPasses(await check(suspectWords, { text: 'Cryptography matters.', settings }));
    assertHold(await check(suspectWords, { text: 'Best CASINO bonus, crypto accepted', settings }), /suspect words: “casino”, “crypto”/u);
  });

  it('link-limit: more than maxLinks links holds, because links are the spam vector', async () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`);
    assertPasses(await check(linkLimit, { links: links(2) }));
    assertHold(await check(linkLimit, { links: links(3) }), /Has 3 links, more than the 2 allowed without review: links are how spam spreads/u);
    assertHold(await check(linkLimit, { links: links(1), settings: { maxLinks: 0 } }), /Has 1 link,/u);
  });

  it('new-reader: holds until enough of the reader’s comments were approved; staff are vouched for', async () => {
    assertHold(await check(newReader, { reader: { approvedCount: 0 } }), /New reader: 0 of their first 1 comments approved/u);
    assertPasses(await check(newReader, { reader: { approvedCount: 1 } }));
    assertHold(await check(newReader, { reader: { approvedCount: 2 }, settings: { newReaderApprovals: 3 } }), /2 of their first 3/u);
    assertPasses(await check(newReader, { reader: { approvedCount: 0 }, settings: { newReaderApprovals: 0 } }));
    assertPasses(await check(newReader, { reader: { approvedCount: 0, staff: true } }));
  });

  it('premoderation: every comment on a pre-moderated story is held', async () => {
    assertPasses(await check(premoderation));
    assertHold(await check(premoderation, { story: { premoderated: true } }), /pre-moderated/u);
  });
});

describe('the pipeline as the comments module runs it', () => {
  it('runs the decisive phases first and the holding ones after', () => {
    assert.deepEqual(
      phases.map((p) => p.name),
      ['length', 'story-closed', 'reader-standing', 'rate-limit', 'repeat', 'banned-words', 'suspect-words', 'link-limit', 'new-reader', 'premoderation'],
    );
  });

  it('accepts an ordinary comment from a regular reader', async () => {
    assert.deepEqual(await moderate(phases, context()), { verdict: { action: 'accept' }, reasons: [] });
  });

  it('holds a new reader’s comment with links on a pre-moderated story, with every reason', async () => {
    const decision = await moderate(phases, context({ links: ['https://a.example', 'https://b.example', 'https://c.example'], reader: { approvedCount: 0 }, story: { premoderated: true } }));
    assert.equal(decision.verdict.action, 'hold');
    assert.equal(decision.verdict.action === 'hold' && decision.verdict.phase, 'link-limit');
    assert.deepEqual(decision.reasons.map((r) => r.phase), ['link-limit', 'new-reader', 'premoderation']);
  });

  it('a banned reader is refused before the store is asked anything', async () => {
    const history = memoryHistory();
    const decision = await moderate(phases, context({ reader: { standing: { kind: 'banned', message: '' } }, history, settings: { bannedWords: ['x'] } }));
    assert.equal(decision.verdict.action === 'reject' && decision.verdict.status, 403);
    assert.deepEqual(history.asked, []);
  });

  it('a closed story wins over a banned word that comes later', async () => {
    const decision = await moderate(phases, context({ text: 'scum', story: { open: false }, settings: { bannedWords: ['scum'] } }));
    assert.deepEqual(decision.reasons.map((r) => r.phase), ['story-closed']);
  });
});

// ---- Aho–Corasick ----

/** Which patterns occur, the obvious way: each pattern that repeats an earlier one answers as the earlier. */
function naiveSearch(patterns: string[], text: string): number[] {
  return patterns.flatMap((p, i) => (p !== '' && patterns.indexOf(p) === i && text.includes(p) ? [i] : []));
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('Aho–Corasick', () => {
  it('finds overlapping patterns in one pass', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    assert.deepEqual(sorted(ac.search('ushers').matches), [0, 1, 3]);
    assert.deepEqual(ac.search('nothing').matches, []);
    assert.deepEqual(new AhoCorasick([]).search('anything').matches, []);
    assert.deepEqual(new AhoCorasick(['', 'a']).search('a').matches, [1], 'an empty pattern is ignored');
    assert.equal(ac.search('ushers', { first: true }).matches.length, 1);
  });

  it('reports a pattern reached only through a chain of failure links', () => {
    // At "xabc" nothing ends; its failure node "abc" ends nothing either; "c" does.
    assert.deepEqual(new AhoCorasick(['xabcd', 'abcd', 'c']).search('xabc').matches, [2]);
  });

  it('agrees with the naive matcher on any patterns and text', () => {
    // A small alphabet makes patterns overlap and nest, which is where matchers go wrong (the emoji: two code units).
    const unit = fc.constantFrom('a', 'b', '😀');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 6 }), { maxLength: 12 }), fc.string({ unit, maxLength: 60 }), (patterns, text) => {
        assert.deepEqual(sorted(new AhoCorasick(patterns).search(text).matches), naiveSearch(patterns, text));
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on adversarial input: 100,000 characters against nested and near-miss patterns', () => {
    const text = 'a'.repeat(100_000);
    // Every position ends hundreds of nested patterns ("a", "aa", …): reporting them naively is 10^8 steps.
    const nested = Array.from({ length: 500 }, (_, i) => 'a'.repeat(i + 1));
    // Every position starts hundreds of near misses ("a…ab"): comparing naively is as bad.
    const nearMisses = Array.from({ length: 500 }, (_, i) => `${'a'.repeat(i + 1)}b`);
    const ac = new AhoCorasick([...nested, ...nearMisses]);
    const { matches, steps } = ac.search(text);
    assert.deepEqual(sorted(matches), [...nested.keys()]);
    assert.ok(steps <= 2 * text.length + 1000, `${steps} steps for ${text.length} characters`);
    const firstOnly = ac.search(text, { first: true });
    assert.deepEqual(firstOnly.matches, [0]);
    assert.ok(firstOnly.steps <= 2, 'stops at the first match');
  });
});

// ---- Word lists ----

/** Whole-word matching the obvious way, over the same folding: every occurrence, boundaries checked by hand. */
function naiveWords(words: string[], text: string): string[] {
  const t = foldForMatching(text);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const word of words) {
    const w = foldForMatching(word).trim();
    if (w === '' || seen.has(w)) continue;
    seen.add(w);
    for (let i = t.indexOf(w); i !== -1; i = t.indexOf(w, i + 1)) {
      const end = i + w.length;
      const startOk = !isWordCharacter(w[0]!) || i === 0 || !isWordCharacter(t[i - 1]!);
      const endOk = !isWordCharacter(w[w.length - 1]!) || end === t.length || !isWordCharacter(t[end]!);
      if (startOk && endOk) {
        found.push(word);
        break;
      }
    }
  }
  return found;
}

describe('word lists', () => {
  it('matches whole words only: "class" does not contain "ass"', () => {
    const matcher = wordMatcher(['ass']);
    assert.deepEqual(matcher.find('A class of their own, with brass and assets.'), []);
    assert.deepEqual(matcher.find('What an ass.'), ['ass']);
    assert.deepEqual(matcher.find('ASS!'), ['ass']);
    assert.deepEqual(matcher.find('"ass"'), ['ass']);
    assert.deepEqual(wordMatcher(['class']).find('classy classes'), []);
  });

  it('folds case and Unicode compatibility forms (NFKC): full-width, ligatures, mathematical letters', () => {
    const matcher = wordMatcher(['bad', 'fish']);
    assert.deepEqual(matcher.find('ＢＡＤ idea'), ['bad']);
    assert.deepEqual(matcher.find('𝐁𝐚𝐝 take'), ['bad']);
    assert.deepEqual(matcher.find('ﬁsh soup'), ['fish']);
    // A listed word written in full-width matches plain text too.
    assert.deepEqual(wordMatcher(['ｓｐａｍ']).find('pure spam here'), ['ｓｐａｍ']);
    // Decomposed accents match composed ones.
    assert.deepEqual(wordMatcher(['café']).find('CAFE\u0301 open'), ['café']);
    assert.deepEqual(wordMatcher(['strasse']).find('Die Straße'), ['strasse']);
  });

  it('sees through invisible characters and odd spacing in phrases', () => {
    assert.deepEqual(wordMatcher(['bad']).find('b\u00adad and b\u200dad'), ['bad']);
    assert.deepEqual(wordMatcher(['go to hell']).find('Go  to\n\thell'), ['go to hell']);
    assert.deepEqual(wordMatcher(['go to hell']).find('go to hello'), []);
  });

  it('matches scripts without spaces wherever the word occurs', () => {
    assert.deepEqual(wordMatcher(['笨蛋']).find('你是笨蛋吗'), ['笨蛋']);
  });

  it('agrees with the naive whole-word matcher on any words and text', () => {
    const unit = fc.constantFrom('a', 'b', 'A', 'ａ', 'ß', 's', 'e\u0301', 'é', ' ', '-', '\n', '1', '\u00ad');
    const piece = fc.string({ unit, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.string({ unit, maxLength: 80 }), (words, text) => {
        assert.deepEqual([...wordMatcher(words).find(text)].sort(), naiveWords(words, text).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('handles a 100,000-character comment against 1,000 words correctly', () => {
    // Nested words ("a", "aa", … a×100) and near misses ("a…ab"), against a text of 99-letter words.
    const words = [...Array.from({ length: 100 }, (_, i) => 'a'.repeat(i + 1)), ...Array.from({ length: 900 }, (_, i) => `${'a'.repeat((i % 99) + 1)}b${i}`)];
    assert.equal(words.length, 1000);
    const text = `${'a'.repeat(99)} `.repeat(1000);
    assert.equal(text.length, 100_000);
    assert.deepEqual(wordMatcher(words).find(text), ['a'.repeat(99)]);
    assert.deepEqual(wordMatcher(words).find(text.replaceAll(' ', '')), [], 'one 100,000-letter word matches nothing');
  });

  it('builds a list’s automaton once, and again only when the list changes', () => {
    const list = ['alpha', 'beta'];
    const matcher = wordMatcher(list);
    assert.equal(wordMatcher(list), matcher, 'the same list');
    assert.equal(wordMatcher(['alpha', 'beta']), matcher, 'the same words again (settings reloaded)');
    const changed = wordMatcher(['alpha', 'gamma']);
    assert.notEqual(changed, matcher);
    assert.deepEqual(changed.find('gamma rays'), ['gamma']);
    list.push('delta'); // changed in place
    assert.deepEqual(wordMatcher(list).find('delta force'), ['delta']);
  });
});

describe('repeat fingerprint', () => {
  it('ignores spacing, capitals and compatibility forms, and nothing else', () => {
    assert.equal(normaliseForRepeat('  The  Budget\nis WRONG '), 'the budget is wrong');
    assert.equal(textHash('The budget is wrong'), textHash('the  BUDGET is ｗｒｏｎｇ'));
    assert.notEqual(textHash('The budget is wrong'), textHash('The budget is right'));
    assert.match(textHash('x'), /^[0-9a-f]{64}$/u);
  });

  it('is the hash the comments store keeps as text_hash (or repeats would never be found)', () => {
    for (const text of ['Hello', '  Mixed CASE\n\ntext ', 'ＦＵＬＬ width', 'émoji 😀']) {
      assert.equal(renderCommentText(text).hash, textHash(text));
    }
  });
});

// ---- Settings ----

describe('moderation settings', () => {
  let db: Database;
  let dataDir: string;
  const pgSchema = process.env.DATABASE_URL ? `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}` : undefined;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-moderation-'));
    db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir, pgSchema, sqliteFile: ':memory:' });
    await migrateToLatest(db, [settingsMigrations]);
  });
  after(async () => {
    await db.close();
    if (process.env.DATABASE_URL && pgSchema) await dropPostgresSchema(process.env.DATABASE_URL, pgSchema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function storeRaw(value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await db.kysely
      .insertInto('settings')
      .values({ key: 'publication', value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }

  it('has newsroom defaults that satisfy the schema', () => {
    assert.ok(Value.Check(ModerationSettingsSchema, defaultModerationSettings));
    assert.ok(Value.Check(PublicationSettingsSchema, defaultSettings));
    assert.deepEqual(defaultSettings.comments.moderation, {
      minLength: 2,
      maxLength: 5000,
      maxLinks: 2,
      bannedWords: [],
      suspectWords: [],
      newReaderApprovals: 1,
      repeatWindowMinutes: 60,
      perReaderPerMinute: 5,
      perAddressPerMinute: 20,
    });
    assert.equal(defaultSettings.comments.editWindowMinutes, 10);
    assert.deepEqual(defaultSettings.comments.embedOrigins, []);
  });

  it('loads settings stored before the comment rules existed, filling them from the defaults', async () => {
    // Exactly what the previous version wrote.
    await storeRaw({ ...defaultSettings, name: 'The Harbour Gazette', comments: { openByDefault: false, autoCloseDays: 30, preModeration: true } });
    const settings = await createSettingsService(db);
    const loaded = settings.get();
    assert.equal(loaded.name, 'The Harbour Gazette', 'the stored settings were kept, not replaced by the defaults');
    assert.deepEqual(loaded.comments, {
      openByDefault: false,
      autoCloseDays: 30,
      preModeration: true,
      editWindowMinutes: 10,
      embedOrigins: [],
      moderation: defaultModerationSettings,
    });
  });

  it('fills moderation keys missing from stored settings one by one', async () => {
    await storeRaw({ ...defaultSettings, name: 'Partial', comments: { ...defaultSettings.comments, moderation: { maxLinks: 7, bannedWords: ['scum'] } } });
    const loaded = (await createSettingsService(db)).get();
    assert.equal(loaded.name, 'Partial');
    assert.deepEqual(loaded.comments.moderation, { ...defaultModerationSettings, maxLinks: 7, bannedWords: ['scum'] });
  });

  it('changes one moderation setting and keeps the others, across a reload', async () => {
    await storeRaw({ ...defaultSettings, comments: { openByDefault: true, autoCloseDays: 0, preModeration: false } });
    const settings = await createSettingsService(db);
    await settings.update({ comments: { moderation: { suspectWords: ['casino'] }, editWindowMinutes: 15 } });
    await settings.update({ comments: { moderation: { perReaderPerMinute: 3 } } });
    const reloaded = await (await createSettingsService(db)).reload();
    assert.deepEqual(reloaded.comments.moderation, { ...defaultModerationSettings, suspectWords: ['casino'], perReaderPerMinute: 3 });
    assert.equal(reloaded.comments.editWindowMinutes, 15);
    assert.equal(reloaded.comments.autoCloseDays, 0);
  });

  it('refuses bad values with the field at fault, and saves nothing', async () => {
    await storeRaw(defaultSettings);
    const settings = await createSettingsService(db);
    const cases: [Parameters<typeof settings.update>[0], string, RegExp][] = [
      [{ comments: { moderation: { bannedWords: Array.from({ length: 1001 }, (_, i) => `w${i}`) } } }, 'comments.moderation.bannedWords', /1000/u],
      [{ comments: { moderation: { suspectWords: ['ok', 'x'.repeat(101)] } } }, 'comments.moderation.suspectWords.1', /100/u],
      [{ comments: { moderation: { suspectWords: [''] } } }, 'comments.moderation.suspectWords.0', /1/u],
      [{ comments: { moderation: { minLength: 50, maxLength: 20 } } }, 'comments.moderation.minLength', /not be more than maxLength/u],
      [{ comments: { moderation: { maxLinks: -1 } } }, 'comments.moderation.maxLinks', /0/u],
      [{ comments: { editWindowMinutes: 1.5 } }, 'comments.editWindowMinutes', /.+/u],
      [{ comments: { embedOrigins: ['http://partner.example'] } }, 'comments.embedOrigins.0', /not an https origin/u],
      [{ comments: { embedOrigins: ['https://partner.example', 'https://partner.example/comments'] } }, 'comments.embedOrigins.1', /scheme and host only/u],
    ];
    for (const [patch, field, message] of cases) {
      await assert.rejects(settings.update(patch), (error: unknown) => {
        assert.ok(error instanceof SettingsError, String(error));
        assert.equal(error.field, field, JSON.stringify(patch).slice(0, 200));
        assert.match(error.message, message);
        return true;
      });
    }
    assert.deepEqual((await settings.reload()).comments, defaultSettings.comments, 'nothing was saved');
  });

  it('accepts 1,000 words of 100 characters, and writes embed origins as browsers send them', async () => {
    await storeRaw(defaultSettings);
    const settings = await createSettingsService(db);
    const words = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(4, '0')}${'w'.repeat(96)}`);
    const saved = await settings.update({ comments: { moderation: { bannedWords: words }, embedOrigins: ['https://Partner.Example/', 'https://blog.example:8443'] } });
    assert.equal(saved.comments.moderation.bannedWords.length, 1000);
    assert.deepEqual(saved.comments.embedOrigins, ['https://partner.example', 'https://blog.example:8443']);
  });
});

describe('askAhead()', () => {
  it('starts every phase on the provisional context up to a rejection given at once, and lets failures wait for moderate()', async () => {
    const ran: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const list: Phase[] = [
        { name: 'asks', check: () => (ran.push('asks'), Promise.reject(new Error('the store is down'))) },
        { name: 'holds', check: () => (ran.push('holds'), { action: 'hold', phase: 'holds', reason: 'look' }) },
        { name: 'refuses', check: () => (ran.push('refuses'), { action: 'reject', phase: 'refuses', reason: 'no', status: 400 }) },
        { name: 'after', check: () => (ran.push('after'), null) },
      ];
      assert.equal(askAhead(list, context()), undefined);
      assert.deepEqual(ran, ['asks', 'holds', 'refuses']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
