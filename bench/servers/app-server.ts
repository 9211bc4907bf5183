/**
 * Child process: the real app (compiled dist/) on an existing data dir, listening on 127.0.0.1.
 * Runs apart from the load generator so the two never share an event loop. Answers `stats`
 * messages with the page cache counters, so the parent can prove the load hit the cache.
 */
import { loadDist } from '../lib/dist.js';

const dist = await loadDist();
const config = dist.config.loadConfig({ ...process.env, HOST: '127.0.0.1', DEMO: 'false' });
const app = await dist.app.createApp(config);
await app.http.listen({ port: config.port, host: '127.0.0.1' });

process.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'stats') {
    process.send?.({ type: 'stats', stats: app.cache.stats() });
  }
});
process.once('SIGTERM', () => {
  void app.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', port: config.port });
