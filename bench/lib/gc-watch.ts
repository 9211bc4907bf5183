/**
 * Garbage-collection pauses during a timed loop. A pause lands inside whichever call is running,
 * so at a few per thousand calls they decide p99; counting them says whether a bad p99 is the
 * code's own work or the collector.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** The collector's own pauses; the bench's forced collections (before timed loops) are counted apart. */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
  forced: number;
}

export function watchGc(): { stop(): Promise<GcPauses> } {
  const pauses: GcPauses = { count: 0, totalMs: 0, maxMs: 0, forced: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (((entry as { detail?: { flags?: number } }).detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) {
        pauses.forced++;
        continue;
      }
      pauses.count++;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered asynchronously; let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      return pauses;
    },
  };
}
