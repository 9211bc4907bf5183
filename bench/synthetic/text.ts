/**
 * Deterministic filler text for synthetic articles: real English words (so the FTS tokenizer and
 * stemmer do real work), sentences of news-like length, the same output for the same seed.
 */

// The demo illustrations' seeded PRNG (mulberry32) serves the synthetic text as well.
export { prng } from '../../src/modules/demo/art/svg.js';

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const WORDS = `the of and to in a that is was for on with as by at from council city river water school budget
housing plan residents officials said report vote mayor state county board public new year years people local
district funding project community health transit bus station bridge road flood levee farmers harvest drought
election candidate campaign ballot court judge ruling lawsuit police department investigation records data
analysis survey percent million dollars tax rate rent tenants landlord market business owners workers union
contract strike teachers students parents hospital clinic nurses doctors patients emergency fire storm wind
power grid solar energy climate heat summer winter spring autumn week month morning evening meeting hearing
committee agency federal program grant policy proposal decision change increase decrease cost price food
neighborhood street park library museum theater festival music artists history archive family children
young older families downtown north south east west valley hill lake coast harbor port ship trade jobs
economy growth plant factory mill closure opening construction permit zoning development developer land
property owner sale buyers lenders bank loan debt interest credit pension retirement benefits insurance
coverage claims review audit findings evidence documents emails interviews sources spokesperson statement
according told asked added noted explained argued warned expected planned announced approved rejected
delayed canceled reopened expanded reduced moved built repaired replaced measured counted tracked reported
because although while after before during since until across through between among around against
however meanwhile still already also only even just more most less least many much several few every
first second third last next early late long short high low large small major minor key critical local`
  .split(/\s+/u)
  .filter((w) => w !== '');

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function words(random: Random, n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = pick(random, WORDS);
  return out;
}

export function sentence(random: Random): string {
  return `${capitalize(words(random, between(random, 8, 20)).join(' '))}.`;
}

/** About 60 words: four to six sentences. */
export function paragraph(random: Random): string {
  const parts: string[] = [];
  let count = 0;
  while (count < 50) {
    const s = sentence(random);
    parts.push(s);
    count += s.split(' ').length;
  }
  return parts.join(' ');
}

export function title(random: Random, min: number, max: number): string {
  return capitalize(words(random, between(random, min, max)).join(' '));
}

export function wordCountOf(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== '').length;
}
