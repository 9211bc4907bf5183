/**
 * The same text again from the same reader within the window is refused: double submissions and
 * copy-paste flooding. "The same" ignores spacing and capitals (fingerprint.ts).
 */
import { textHash } from '../fingerprint.js';
import type { Phase } from '../types.js';

export const repeat: Phase = {
  name: 'repeat',
  async check({ comment, settings, history }) {
    if (settings.repeatWindowMinutes <= 0) return null;
    const since = comment.now - settings.repeatWindowMinutes * 60_000;
    if (!(await history.hasRepeat(comment.reader.id, textHash(comment.text), since))) return null;
    return { action: 'reject', phase: 'repeat', reason: 'You already posted this.', status: 400 };
  },
};
