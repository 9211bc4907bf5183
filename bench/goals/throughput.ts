/**
 * Goal 1: requests per second of the real app serving a cached article page, against a bare
 * node:http server sending the same bytes from memory. Same load generator, same settings, same
 * run; each server in its own process so neither shares an event loop with autocannon.
 */
import autocannon, { type Result } from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBareServer, type AppServerHandle, type ServerHandle } from '../lib/app-server.js';
import { int, ms, percent } from '../lib/format.js';
import { get } from '../lib/http-get.js';
import { row, type Section } from '../lib/report.js';

export const LOAD = { connections: 50, warmupSeconds: 2, seconds: 10 } as const;
const RATIO_TARGET = 0.7;

export interface LoadFigures {
  requestsPerSecond: number;
  totalRequests: number;
  latencyP50: number;
  latencyP99: number;
  latencyMean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  megabytesPerSecond: number;
}

async function load(url: string, seconds: number): Promise<Result> {
  // No Accept-Encoding: both servers send the identical uncompressed bytes.
  return autocannon({ url, connections: LOAD.connections, duration: seconds, pipelining: 1, timeout: 10, headers: {} });
}

function figures(result: Result): LoadFigures {
  return {
    requestsPerSecond: result.requests.average,
    totalRequests: result.totalCompletedRequests,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMean: result.latency.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    megabytesPerSecond: result.throughput.average / 1024 / 1024,
  };
}

async function measure(server: ServerHandle, pagePath: string): Promise<LoadFigures> {
  await load(server.origin + pagePath, LOAD.warmupSeconds);
  return figures(await load(server.origin + pagePath, LOAD.seconds));
}

export async function throughputGoal(app: AppServerHandle, pagePath: string): Promise<Section> {
  // Warm: the first request renders and stores the page, the second must come from the cache.
  const first = await get(app.origin + pagePath);
  if (first.status !== 200) throw new Error(`GET ${pagePath} answered ${first.status}`);
  const before = await app.cacheStats();
  const page = await get(app.origin + pagePath);
  const afterWarm = await app.cacheStats();
  if (afterWarm.hits !== before.hits + 1 || !page.body.equals(first.body)) throw new Error('the article page was not served from the page cache when warm');

  const bodyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-bench-body-')), 'page.html');
  fs.writeFileSync(bodyFile, page.body);
  const contentType = String(page.headers['content-type'] ?? 'text/html; charset=utf-8');
  const bare = await startBareServer(bodyFile, contentType);
  try {
    const bareCheck = await get(bare.origin + pagePath);
    if (!bareCheck.body.equals(page.body)) throw new Error('the bare server does not send the same bytes');

    const bareFigures = await measure(bare, pagePath);
    const hitsBefore = (await app.cacheStats()).hits;
    const appFigures = await measure(app, pagePath);
    const stats = await app.cacheStats();
    const hitsDuringLoad = stats.hits - hitsBefore;
    const ratio = appFigures.requestsPerSecond / bareFigures.requestsPerSecond;

    return {
      id: '1 warm throughput',
      title: `1. Warm article page throughput (autocannon, ${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up + ${LOAD.seconds} s each, no Accept-Encoding)`,
      rows: [
        row('page', `${pagePath} — ${int(page.body.length)} B body`),
        row('response header bytes (app / bare)', `${int(page.headerBytes)} / ${int(bareCheck.headerBytes)}`),
        row('bare node:http req/s', int(bareFigures.requestsPerSecond)),
        row('app req/s', int(appFigures.requestsPerSecond)),
        row('app / bare', percent(ratio), `≥ ${percent(RATIO_TARGET)}`, ratio >= RATIO_TARGET),
        row('app latency p50 / p99 (autocannon, 1 ms resolution)', `${ms(appFigures.latencyP50, 0)} / ${ms(appFigures.latencyP99, 0)}`),
        row('bare latency p50 / p99', `${ms(bareFigures.latencyP50, 0)} / ${ms(bareFigures.latencyP99, 0)}`),
        row('app errors / timeouts / non-2xx', `${appFigures.errors} / ${appFigures.timeouts} / ${appFigures.non2xx}`),
        row('page-cache hits during app load (warm-up + measure)', `${int(hitsDuringLoad)} (misses total ${int(stats.misses)})`),
      ],
      notes: [
        `autocannon and the server under test share this machine's ${os.availableParallelism()} CPU(s); with few cores the load generator competes with the server, which caps the bare figure most`,
      ],
      data: { pagePath, bodyBytes: page.body.length, headerBytes: { app: page.headerBytes, bare: bareCheck.headerBytes }, bare: bareFigures, app: appFigures, ratio, target: RATIO_TARGET, cacheStats: stats },
    };
  } finally {
    await bare.stop();
    fs.rmSync(path.dirname(bodyFile), { recursive: true, force: true });
  }
}
