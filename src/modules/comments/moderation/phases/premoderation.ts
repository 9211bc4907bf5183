/** On a pre-moderated story every comment waits for a moderator before it shows. */
import type { Phase } from '../types.js';

export const premoderation: Phase = {
  name: 'premoderation',
  check({ comment }) {
    if (!comment.story.premoderated) return null;
    return { action: 'hold', phase: 'premoderation', reason: 'The story is pre-moderated: every comment is checked before it shows.' };
  },
};
