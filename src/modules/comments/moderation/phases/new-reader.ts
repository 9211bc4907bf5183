/** A new reader's first comments are read by a person until enough of theirs have been approved. */
import type { Phase } from '../types.js';

export const newReader: Phase = {
  name: 'new-reader',
  check({ comment, settings }) {
    const { approvedCount, staff } = comment.reader;
    const needed = settings.newReaderApprovals;
    // Staff accounts are vouched for by the newsroom that made them.
    if (staff || approvedCount >= needed) return null;
    return { action: 'hold', phase: 'new-reader', reason: `New reader: ${approvedCount} of their first ${needed} comments approved so far.` };
  },
};
