/** Latency samples in milliseconds and their summary; nearest-rank percentiles, no interpolation. */
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const sum = sorted.reduce((total, x) => total + x, 0);
  return { n: sorted.length, mean: sum / sorted.length, p50: at(50), p99: at(99), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

/** Collects garbage before a timed loop (when node runs with --expose-gc) so one loop's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs `fn` `warmup` times untimed (JIT, SQLite page cache), then `n` times timed one after the
 * other, so each sample is one call's full latency rather than a share of a concurrent batch.
 *
 * Each call gets its own turn of the event loop (the wait is not timed), as each request does on
 * a server. Without it, a call that never waits for I/O (SQLite is synchronous) runs the next one
 * from the microtask queue, and what calls leave for the next turn never runs: light-my-request's
 * setImmediate clean-up kept every injected response alive, and a run of SQLite HTTP calls grew
 * the heap by 300 MB, which then slowed every garbage collection of the figures after it.
 *
 * `collect: false` is for the later rounds of one series: a forced full collection is not what a
 * server meets every hundred requests, and its background work (sweeping, compacting) competes
 * with the calls after it on two cores (a probe of 5,000 SQLite first pages: p99 1.4 ms with one
 * collection before them, 1.7–2.0 ms with one before every hundred).
 */
export async function timeCalls(n: number, warmup: number, fn: (i: number) => Promise<unknown>, options: { collect?: boolean } = {}): Promise<number[]> {
  for (let i = 0; i < warmup; i++) {
    await fn(i);
    await nextTurn();
  }
  if (options.collect !== false) collectGarbage();
  const samples = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples[i] = performance.now() - start;
    await nextTurn();
  }
  return samples;
}

export function median(values: readonly number[]): number {
  return summarize(values).p50;
}
