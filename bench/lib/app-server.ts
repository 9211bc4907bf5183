/** Starts servers/app-server.ts (the real app) in its own process on a free 127.0.0.1 port. */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PageCacheStats } from '../../src/http/page-cache.js';
import { forkTs, freePort, isReady, stopChild, waitForMessage } from './children.js';
import { ROOT } from './paths.js';

export interface ServerHandle {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface AppServerHandle extends ServerHandle {
  cacheStats(): Promise<PageCacheStats>;
}

const isStats = (message: unknown): message is { type: 'stats'; stats: PageCacheStats } =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'stats';

export async function startAppServer(dataDir: string): Promise<AppServerHandle> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=<dir> profiles the app under load, to see where a missed target's time goes.
  const profileDir = process.env.BENCH_CPU_PROF;
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child = forkTs(path.join(ROOT, 'bench', 'servers', 'app-server.ts'), { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: origin, LOG_LEVEL: 'warn' }, flags);
  await waitForMessage(child, isReady, 30_000);
  return {
    origin,
    child,
    stop: () => stopChild(child),
    async cacheStats() {
      const reply = waitForMessage(child, isStats, 5000);
      child.send({ type: 'stats' });
      return (await reply).stats;
    },
  };
}

export async function startBareServer(bodyFile: string, contentType: string): Promise<ServerHandle> {
  const child = forkTs(path.join(ROOT, 'bench', 'servers', 'bare-server.ts'), { BENCH_BODY_FILE: bodyFile, BENCH_CONTENT_TYPE: contentType });
  const { port } = await waitForMessage(child, isReady, 30_000);
  return { origin: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}
