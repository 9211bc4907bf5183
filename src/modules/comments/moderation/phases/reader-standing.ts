/**
 * The reader's standing with the moderators: banned readers and readers suspended until a time
 * still to come are refused with the moderator's message; a warned reader posts as usual (the
 * comments module shows them the warning).
 */
import type { Phase, Verdict } from '../types.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function refuse(sentence: string, message: string): Verdict {
  const said = message.trim();
  return { action: 'reject', phase: 'reader-standing', reason: said ? `${sentence} The moderator's message: ${said}` : sentence, status: 403 };
}

export const readerStanding: Phase = {
  name: 'reader-standing',
  check({ comment }) {
    const standing = comment.reader.standing;
    switch (standing.kind) {
      case 'banned':
        return refuse('A moderator has banned you from commenting.', standing.message);
      case 'suspended':
        // A suspension that has run out is no longer in force.
        if (standing.until <= comment.now) return null;
        return refuse(`A moderator has suspended you from commenting until ${when.format(standing.until)} UTC.`, standing.message);
      case 'warned':
        return { action: 'accept' };
      default:
        return null;
    }
  },
};
