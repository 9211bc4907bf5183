/**
 * Aho–Corasick: finds which of many patterns occur in a text in one pass, in time linear in the
 * text plus the number of distinct patterns found, however many patterns there are and however
 * they overlap. Built once per pattern list (construction is linear in the patterns' total length).
 *
 * Works on UTF-16 code units; for well-formed strings that is the same as matching code points.
 * Written here because no npm package fit: the common one (ahocorasick 1.0.2, a single release
 * years ago) and its fork (modern-ahocorasick) list every match at every position, which grows
 * with text × patterns when patterns nest ("a", "aa", "aaa"), and none matches whole words.
 */

export interface SearchResult {
  /** Indices (into the constructor's list) of the patterns found, each once, in order of discovery. */
  matches: number[];
  /** Work done: transitions tried, failure links followed and matches reported (at most 2·text + patterns). */
  steps: number;
}

const NONE = -1;

export class AhoCorasick {
  /** Goto edges of the trie, per node; node 0 is the root. */
  private readonly edges: Map<number, number>[] = [new Map()];
  /** The pattern that ends at a node (the first given, when the list repeats one), or NONE. */
  private readonly ends: Int32Array;
  /** The longest proper suffix of a node's string that is also a node. */
  private readonly fail: Int32Array;
  /** The nearest node along the failure links where a pattern ends ("dictionary suffix link"). */
  private readonly dictionary: Int32Array;

  constructor(patterns: readonly string[]) {
    const ends: number[] = [NONE];
    patterns.forEach((pattern, index) => {
      if (pattern === '') return; // would match everywhere: of no use to anyone
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        const here = this.edges[node]!;
        let child = here.get(unit);
        if (child === undefined) {
          child = this.edges.length;
          this.edges.push(new Map());
          ends.push(NONE);
          here.set(unit, child);
        }
        node = child;
      }
      if (ends[node] === NONE) ends[node] = index;
    });
    const size = this.edges.length;
    this.ends = Int32Array.from(ends);
    this.fail = new Int32Array(size);
    this.dictionary = new Int32Array(size).fill(NONE);
    // Breadth first, so a node's failure target (always shallower) is settled before the node.
    const queue = new Int32Array(size);
    let head = 0;
    let tail = 0;
    for (const child of this.edges[0]!.values()) queue[tail++] = child;
    while (head < tail) {
      const node = queue[head++]!;
      for (const [unit, child] of this.edges[node]!) {
        let target = this.fail[node]!;
        while (target !== 0 && !this.edges[target]!.has(unit)) target = this.fail[target]!;
        const failTo = this.edges[target]!.get(unit) ?? 0;
        this.fail[child] = failTo;
        this.dictionary[child] = this.ends[failTo] !== NONE ? failTo : this.dictionary[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  /** Which patterns occur in `text`; with `first`, stops at the first one found. */
  search(text: string, options: { first?: boolean } = {}): SearchResult {
    const matches: number[] = [];
    // A node reported once has had its whole dictionary chain reported too, so walks stop there:
    // that keeps the reporting linear even when every position ends a dozen nested patterns.
    const reported = new Set<number>();
    let steps = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      for (;;) {
        steps++;
        const next = this.edges[node]!.get(unit);
        if (next !== undefined) {
          node = next;
          break;
        }
        if (node === 0) break;
        node = this.fail[node]!;
      }
      let found = this.ends[node] !== NONE ? node : this.dictionary[node]!;
      while (found !== NONE && !reported.has(found)) {
        steps++;
        reported.add(found);
        matches.push(this.ends[found]!);
        if (options.first) return { matches, steps };
        found = this.dictionary[found]!;
      }
    }
    return { matches, steps };
  }
}
