import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnouncer, LIKES_PURGE_INTERVAL_MS, threadTag } from '../../src/modules/comments/events.js';

describe('like counts and the page cache', () => {
  it('tells every like at once but purges a story’s cached page at most once per interval', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const purged: string[][] = [];
      const told: unknown[] = [];
      const announce = createAnnouncer(
        (tags) => purged.push(tags),
        (_topic, payload) => told.push(payload),
      );
      for (let i = 1; i <= 100; i++) announce.likes({ storyId: 7, commentId: 70, kind: 'likes', likeCount: i });
      announce.likes({ storyId: 8, commentId: 80, kind: 'likes', likeCount: 1 });
      assert.equal(told.length, 101);
      assert.deepEqual(purged, []);
      mock.timers.tick(LIKES_PURGE_INTERVAL_MS - 1);
      assert.deepEqual(purged, []);
      mock.timers.tick(1);
      assert.deepEqual(purged, [[threadTag(7)], [threadTag(8)]]);
      // The next like starts a new interval.
      announce.likes({ storyId: 7, commentId: 70, kind: 'likes', likeCount: 101 });
      mock.timers.tick(LIKES_PURGE_INTERVAL_MS);
      assert.deepEqual(purged.at(-1), [threadTag(7)]);
      assert.equal(purged.length, 3);
    } finally {
      mock.timers.reset();
    }
  });
});
