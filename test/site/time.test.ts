import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayDateTime, isoInZone, yearInZone } from '../../src/modules/site/time.js';

describe('publication time zone', () => {
  const t = Date.UTC(2026, 10, 28, 14, 5, 9); // 2026-11-28 14:05:09 UTC

  it('writes ISO 8601 with the zone offset', () => {
    assert.equal(isoInZone(t, 'America/New_York'), '2026-11-28T09:05:09-05:00');
    assert.equal(isoInZone(Date.UTC(2026, 6, 1, 12), 'America/New_York'), '2026-07-01T08:00:00-04:00');
    assert.equal(isoInZone(t, 'Asia/Kolkata'), '2026-11-28T19:35:09+05:30');
    assert.equal(isoInZone(t, 'UTC'), '2026-11-28T14:05:09+00:00');
  });

  it('shows people the local time with the zone', () => {
    assert.match(displayDateTime(t, 'America/New_York', 'en-US'), /November 28, 2026.*9:05.*AM.*EST/u);
  });

  it('uses the local calendar year', () => {
    assert.equal(yearInZone(Date.UTC(2027, 0, 1, 2), 'America/New_York'), 2026);
  });
});
