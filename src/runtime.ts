/**
 * V8 settings the server runs with, applied before it serves anything.
 *
 * Allocation-site pretenuring off: V8 allocates the objects of a site whose objects have often
 * survived a young-generation collection straight into the old generation. The PostgreSQL
 * driver's rows are such a site whenever a collection lands mid-query (start-up, the demo seed, a
 * burst), and once it is pretenured, every row of every later query is old-generation garbage:
 * on the development VM scavenges went from about 3 to 11 ms, and the comment thread's p99 on
 * PostgreSQL from about 7 to 14 ms (see README, Benchmarks). A server's per-request objects die
 * young; this heuristic costs it more than it saves.
 */
import v8 from 'node:v8';

export function tuneRuntime(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
