/**
 * Too short says nothing; too long buries the thread. Counted in characters (code points, so an
 * emoji is one) after trimming, and the refusal says both limits.
 */
import type { Phase } from '../types.js';

const number = (n: number) => n.toLocaleString('en-US');

function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export const lengthLimits: Phase = {
  name: 'length',
  check({ comment, settings }) {
    const { minLength, maxLength } = settings;
    const length = characters(comment.text.trim());
    if (length >= minLength && length <= maxLength) return null;
    const limits = `comments must be between ${number(minLength)} and ${number(maxLength)} characters long, and this one has ${number(length)}.`;
    const reason = length < minLength ? `Your comment is too short: ${limits}` : `Your comment is too long: ${limits}`;
    return { action: 'reject', phase: 'length', reason, status: 400 };
  },
};
