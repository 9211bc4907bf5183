/**
 * A "skeleton" of a name, after Unicode's confusable detection (UTS #39): two names with the same
 * skeleton look alike to a person, however different their code points. "Аna Editor" with a
 * Cyrillic А, "Ana Editor" in fullwidth letters, "Ána  Editor." and "ANA EDITOR" all reduce to
 * the skeleton of "Ana Editor".
 *
 * Steps: NFKC (fullwidth and compatibility forms become plain letters), canonical decomposition
 * and removal of combining marks (accents), Unicode's confusables table (the unhomoglyph package
 * keeps it current; it also maps "m" and "rn" alike), case folding (before or after the table:
 * see skeletons()), and last everything that is not a letter or digit is dropped.
 */
import unhomoglyph from 'unhomoglyph';

const fold = (text: string) => text.toUpperCase().toLowerCase();

function reduce(name: string, foldFirst: boolean): string {
  let plain = name.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '');
  if (foldFirst) plain = fold(plain);
  // Upper then lower case folds "ß" to "ss" the way case folding does.
  return fold(unhomoglyph(plain)).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Two skeletons, because look-alikes depend on case: "DanieI" (capital I) passes for "Daniel"
 * only before folding case, "ANA EDITOR" for "Ana Editor" only after it. Names look alike when
 * either skeleton is the same.
 */
export function skeletons(name: string): readonly [string, string] {
  return [reduce(name, false), reduce(name, true)];
}

export function looksAlike(a: string, b: string): boolean {
  const [a1, a2] = skeletons(a);
  const [b1, b2] = skeletons(b);
  return a1 === b1 || a2 === b2;
}
