/** Words that are often, not always, trouble: the comment waits for a moderator, who sees which. */
import { quoteWords, wordMatcher } from '../words.js';
import type { Phase } from '../types.js';

export const suspectWords: Phase = {
  name: 'suspect-words',
  check({ comment, settings }) {
    const found = wordMatcher(settings.suspectWords).find(comment.text);
    if (found.length === 0) return null;
    return { action: 'hold', phase: 'suspect-words', reason: `Contains suspect ${found.length === 1 ? 'word' : 'words'}: ${quoteWords(found)}.` };
  },
};
