/**
 * Where ad slots go in an article body, decided from the sequence of top-level block kinds and
 * the publication's rule. Pure, so the rule is tested exhaustively and costs nothing to apply.
 *
 * The default rule: after every 4th paragraph, never before the 2nd paragraph, never next to an
 * image (or embed) and never next to another slot (at most one slot per gap between blocks). When the Nth paragraph is not a legal place,
 * the slot moves down to the next legal gap rather than being dropped.
 */
import type { AdRule } from '../settings/service.js';
import type { PartKind } from '../publishing/index.js';

const VISUAL: ReadonlySet<PartKind> = new Set(['image', 'embed']);

/** Indices i such that a slot goes right after block i. */
export function planAdSlots(kinds: readonly PartKind[], rule: AdRule): number[] {
  const slots: number[] = [];
  let paragraphs = 0;
  let sinceLastSlot = 0;
  let due = false;
  for (let i = 0; i < kinds.length - 1; i++) {
    if (kinds[i] === 'paragraph') {
      paragraphs++;
      sinceLastSlot++;
      if (sinceLastSlot >= rule.everyParagraphs && paragraphs >= rule.notBeforeParagraph) due = true;
    }
    if (!due || slots.length >= rule.maxSlots) continue;
    const before = kinds[i];
    const after = kinds[i + 1];
    if (before === undefined || after === undefined) continue;
    if (VISUAL.has(before) || VISUAL.has(after)) continue;
    // A slot between a subheading and its first paragraph would split them.
    if (before === 'heading') continue;
    slots.push(i);
    due = false;
    sinceLastSlot = 0;
  }
  return slots;
}
