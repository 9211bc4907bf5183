/**
 * Child process: the real app (compiled dist/) on an existing data dir, listening on 127.0.0.1.
 * Runs apart from the load generator so the two never share an event loop. BENCH_PG_SCHEMA puts
 * it on that PostgreSQL schema. Answers `stats` messages with the page cache counters (so the
 * parent can prove the load hit the cache) and `memory` messages with process.memoryUsage(),
 * after a full GC when asked and started with --expose-gc (so the parent can tell the JavaScript
 * heap from the rest of the RSS it reads in /proc).
 */
import { loadDist } from '../lib/dist.js';

export interface MemoryRequest {
  type: 'memory';
  gc: boolean;
}

export interface MemoryReply {
  type: 'memory';
  memory: NodeJS.MemoryUsage;
}

const dist = await loadDist();
const config = dist.config.loadConfig({ ...process.env, HOST: '127.0.0.1', DEMO: 'false' });
const pgSchema = process.env.BENCH_PG_SCHEMA?.trim() || undefined;
const app = await dist.app.createApp(config, pgSchema ? { pgSchema } : {});
await app.http.listen({ port: config.port, host: '127.0.0.1' });

process.on('message', (message: unknown) => {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (type === 'stats') process.send?.({ type: 'stats', stats: app.cache.stats() });
  if (type === 'memory') {
    if ((message as MemoryRequest).gc) (globalThis as { gc?: () => void }).gc?.();
    const reply: MemoryReply = { type: 'memory', memory: process.memoryUsage() };
    process.send?.(reply);
  }
});
process.once('SIGTERM', () => {
  void app.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', port: config.port });
