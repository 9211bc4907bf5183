import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planAdSlots } from '../../src/modules/site/ad-slots.js';
import type { PartKind } from '../../src/modules/publishing/index.js';
import { defaultSettings } from '../../src/modules/settings/service.js';

const rule = defaultSettings.adRule;
const paragraphs = (n: number): PartKind[] => Array.from({ length: n }, () => 'paragraph');

describe('ad slot placement', () => {
  it('puts a slot after every 4th paragraph by default', () => {
    assert.deepEqual(planAdSlots(paragraphs(13), rule), [3, 7, 11]);
  });

  it('never places a slot after the last block', () => {
    assert.deepEqual(planAdSlots(paragraphs(4), rule), []);
  });

  it('moves a slot down rather than putting it next to an image', () => {
    const kinds: PartKind[] = ['paragraph', 'paragraph', 'paragraph', 'paragraph', 'image', 'paragraph', 'paragraph'];
    assert.deepEqual(planAdSlots(kinds, rule), [5]);
  });

  it('does not split a subheading from its paragraph', () => {
    const kinds: PartKind[] = ['paragraph', 'paragraph', 'paragraph', 'paragraph', 'embed', 'heading', 'paragraph', 'paragraph'];
    assert.deepEqual(planAdSlots(kinds, rule), [6]);
  });

  it('honours notBeforeParagraph and maxSlots', () => {
    assert.deepEqual(planAdSlots(paragraphs(10), { everyParagraphs: 1, notBeforeParagraph: 3, maxSlots: 2 }), [2, 3]);
  });

  const kind = fc.constantFrom<PartKind>('paragraph', 'heading', 'quote', 'pullquote', 'list', 'image', 'embed');
  const anyRule = fc.record({ everyParagraphs: fc.integer({ min: 1, max: 8 }), notBeforeParagraph: fc.integer({ min: 1, max: 8 }), maxSlots: fc.integer({ min: 0, max: 6 }) });

  it('for any body and rule: never beside an image or embed, never two in a row, never before the Nth paragraph', () => {
    fc.assert(
      fc.property(fc.array(kind, { maxLength: 60 }), anyRule, (kinds, r) => {
        const slots = planAdSlots(kinds, r);
        assert.ok(slots.length <= r.maxSlots);
        for (const [n, i] of slots.entries()) {
          assert.ok(i >= 0 && i < kinds.length - 1, 'slot sits between two blocks');
          assert.ok(kinds[i] !== 'image' && kinds[i] !== 'embed' && kinds[i + 1] !== 'image' && kinds[i + 1] !== 'embed');
          assert.notEqual(kinds[i], 'heading');
          if (n > 0) assert.ok(i > (slots[n - 1] ?? -1), 'one slot per gap, so slots never touch');
          const before = kinds.slice(0, i + 1).filter((k) => k === 'paragraph').length;
          assert.ok(before >= r.notBeforeParagraph);
          assert.ok(before >= r.everyParagraphs * (n + 1), 'at least N paragraphs per slot so far');
        }
      }),
    );
  });
});
