/** Words the publication does not allow: the comment is refused, and the reader told which words. */
import { quoteWords, wordMatcher } from '../words.js';
import type { Phase } from '../types.js';

export const bannedWords: Phase = {
  name: 'banned-words',
  check({ comment, settings }) {
    const found = wordMatcher(settings.bannedWords).find(comment.text);
    if (found.length === 0) return null;
    const what = found.length === 1 ? 'a word' : 'words';
    return { action: 'reject', phase: 'banned-words', reason: `Your comment contains ${what} this publication does not allow (${quoteWords(found)}). Please rephrase it.`, status: 400 };
  },
};
