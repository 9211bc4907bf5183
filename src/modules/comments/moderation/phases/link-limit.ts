/**
 * Links are how spam spreads: a comment with more links than the setting allows waits for a
 * moderator instead of being refused, since a reader citing sources is no spammer.
 */
import type { Phase } from '../types.js';

const links = (n: number) => `${n} ${n === 1 ? 'link' : 'links'}`;

export const linkLimit: Phase = {
  name: 'link-limit',
  check({ comment, settings }) {
    const count = comment.links.length;
    if (count <= settings.maxLinks) return null;
    return {
      action: 'hold',
      phase: 'link-limit',
      reason: `Has ${links(count)}, more than the ${settings.maxLinks} allowed without review: links are how spam spreads.`,
    };
  },
};
