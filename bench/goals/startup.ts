/**
 * Goal 5: start-up to first served page on an existing database — spawn the compiled CLI's
 * `start` command and poll GET / until it answers 200. Includes process start, module loading,
 * migrations check, and the front page's first (cold) render.
 */
import path from 'node:path';
import { childEnv, freePort, spawnTracked, stopChild } from '../lib/children.js';
import { ms, seconds } from '../lib/format.js';
import { get } from '../lib/http-get.js';
import { DIST, ROOT } from '../lib/paths.js';
import { row, type Section } from '../lib/report.js';
import { median } from '../lib/stats.js';

const RUNS = 3;
const POLL_MS = 10;
const GIVE_UP_MS = 30_000;
export const STARTUP_TARGET_MS = 2000;

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

async function timeOneStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const env = childEnv({ DATA_DIR: dataDir, DEMO: 'true', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  let output = '';
  const start = performance.now();
  const child = spawnTracked(process.execPath, [path.join(DIST, 'cli.js'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    while (performance.now() - start < GIVE_UP_MS) {
      if (child.exitCode !== null) throw new Error(`structurecms start exited with ${child.exitCode}:\n${output}`);
      const response = await get(`http://127.0.0.1:${port}/`, {}, 2000).catch(() => null);
      if (response?.status === 200) return performance.now() - start;
      await sleep(POLL_MS);
    }
    throw new Error(`GET / did not answer 200 within ${GIVE_UP_MS} ms:\n${output}`);
  } finally {
    await stopChild(child);
  }
}

export async function startupGoal(dataDir: string): Promise<Section> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeOneStart(dataDir));
  const med = median(runs);
  return {
    id: '5 start-up',
    title: `5. Start-up to first served page (node dist/cli.js start on the seeded database, GET / polled every ${POLL_MS} ms)`,
    rows: [
      ...runs.map((t, i) => row(`run ${i + 1}`, ms(t, 0))),
      row('median', `${ms(med, 0)} (${seconds(med)})`, `< ${seconds(STARTUP_TARGET_MS)}`, med < STARTUP_TARGET_MS),
    ],
    notes: [],
    data: { runsMs: runs, medianMs: med, target: STARTUP_TARGET_MS },
  };
}
