/** A closed story takes no comments: closed by an editor, or automatically some days after publication. */
import type { Phase } from '../types.js';

export const storyClosed: Phase = {
  name: 'story-closed',
  check({ comment }) {
    if (comment.story.open) return null;
    // The store may say why (closed by hand or automatically); the plain sentence otherwise.
    const reason = comment.story.closedReason?.trim() || 'Comments on this story are closed.';
    return { action: 'reject', phase: 'story-closed', reason, status: 403 };
  },
};
