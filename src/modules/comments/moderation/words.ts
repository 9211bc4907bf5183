/**
 * Word lists (banned, suspect) matched against a comment: whole words only ("class" does not
 * contain "ass"), ignoring case, and after Unicode NFKC folding so look-alike forms (full-width
 * ＢＡＤ, ligatures, mathematical 𝐛𝐚𝐝) count as the plain letters. One Aho–Corasick pass over the
 * text, whatever the length of the list; the automaton is built once per list.
 *
 * Word boundaries become ordinary characters: a marker goes around every run of word characters,
 * in the text and in each word alike, so "\0bad\0" occurs in the marked text exactly where "bad"
 * stands as a word of its own, and plain substring matching does the rest.
 */
import { AhoCorasick } from './aho-corasick.js';

/** Cannot occur in folded text: control characters fold to spaces. */
const MARK = '\u0000';
/**
 * Letters, marks and digits make words; every other character separates them. Scripts written
 * without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) have no boundaries to find, so
 * their characters count as separators and a listed word in them matches wherever it occurs.
 */
const WORD_RUN = /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}])[\p{L}\p{M}\p{N}])+/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const SPACES = /[\s\p{Z}\p{Cc}]+/gu;

/**
 * Case-insensitive NFKC folding: invisible characters (zero-width joiners, soft hyphens, variation
 * selectors) dropped, so "b\u00adad" is "bad"; runs of spaces, line breaks and control characters
 * become one space, so a listed phrase matches however it is spaced. Close to Unicode's
 * NFKC_Casefold, with the two case foldings that lowercasing misses (ß → ss, final ς → σ).
 */
export function foldForMatching(text: string): string {
  return text
    .replace(IGNORABLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/ς/gu, 'σ')
    .normalize('NFKC')
    .replace(SPACES, ' ');
}

/** Puts the boundary marker around every word of already folded text. */
function markWords(folded: string): string {
  return folded.replace(WORD_RUN, `${MARK}$&${MARK}`);
}

const WORD_CHARACTER = new RegExp(`^${WORD_RUN.source}$`, 'u');

/** Whether one character is part of a word (the matcher's rule); for the tests' naive matcher. */
export function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

export interface WordMatcher {
  /** The list as configured. */
  readonly words: readonly string[];
  /** The listed words found in `text` (as listed, each once); with `first`, at most one. */
  find(text: string, options?: { first?: boolean }): string[];
}

function buildMatcher(words: readonly string[]): WordMatcher {
  // Words that fold to the same thing are one pattern, reported as the first of them.
  const patterns: string[] = [];
  const listed: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const folded = foldForMatching(word).trim();
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    patterns.push(markWords(folded));
    listed.push(word);
  }
  const automaton = new AhoCorasick(patterns);
  return {
    words: [...words],
    find(text, options = {}) {
      if (patterns.length === 0) return [];
      return automaton.search(markWords(foldForMatching(text)), options).matches.map((index) => listed[index]!);
    },
  };
}

// Settings hand over the same array on every comment until they change, so the identity is the
// fast path; a copy of the list guards against an array changed in place. Lists rebuilt with the
// same words (a settings reload) find their matcher by content; a few lists are remembered.
const byIdentity = new WeakMap<readonly string[], WordMatcher>();
const byContent = new Map<string, WordMatcher>();
const REMEMBERED_LISTS = 8;

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((word, i) => word === b[i]);

/** The matcher for a word list: built on first use, then reused until the list changes. */
export function wordMatcher(words: readonly string[]): WordMatcher {
  const known = byIdentity.get(words);
  if (known && sameWords(known.words, words)) return known;
  const key = JSON.stringify(words);
  let matcher = byContent.get(key);
  if (matcher) byContent.delete(key);
  else matcher = buildMatcher(words);
  byContent.set(key, matcher); // most recently used last
  for (const oldest of byContent.keys()) {
    if (byContent.size <= REMEMBERED_LISTS) break;
    byContent.delete(oldest);
  }
  byIdentity.set(words, matcher);
  return matcher;
}

/** Found words for a sentence: quoted, the first few only. */
export function quoteWords(words: readonly string[], shown = 5): string {
  const quoted = words.slice(0, shown).map((word) => `“${word}”`).join(', ');
  return words.length > shown ? `${quoted} and ${words.length - shown} more` : quoted;
}
