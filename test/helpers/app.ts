/**
 * Builds a real app for a test: a throwaway SQLite file, or a PostgreSQL schema of its own when
 * DATABASE_URL is set (so the same suite runs on both engines, in parallel, without collisions).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { dropPostgresSchema } from '../../src/db/database.js';
import { seedDemo } from '../../src/modules/demo/seed.js';

export interface TestApp extends App {
  /** Removes the app's database schema or files. */
  destroy(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  seed?: boolean;
  env?: Record<string, string>;
}

export const PUBLIC_URL = 'http://localhost:3000';

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-test-'));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const pgSchema = databaseUrl ? `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}` : undefined;
  const app = await createApp(config, { ...options, pgSchema });
  if (options.seed) await seedDemo(app, { imageWidth: 960 });
  let destroyed = false;
  return Object.assign(app, {
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await app.close();
      if (databaseUrl && pgSchema) await dropPostgresSchema(databaseUrl, pgSchema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A port nothing listens on right now (for a server whose address must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * An app listening on 127.0.0.1 whose PUBLIC_URL is that very address, for a browser to follow
 * the absolute links and redirects it makes (checkout, emailed links).
 */
export async function startServedApp(options: TestAppOptions = {}): Promise<{ app: TestApp; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await startTestApp({ ...options, env: { ...options.env, PUBLIC_URL: origin } });
  await app.http.listen({ port, host: '127.0.0.1' });
  return { app, origin };
}

export function engineName(): string {
  return process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

/**
 * Several app instances on ONE PostgreSQL schema (DATABASE_URL required), as a deployment runs
 * them: for tests of what crosses instances (the event bus over LISTEN/NOTIFY).
 */
export async function startSharedInstances(count: number): Promise<{ apps: App[]; destroy(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('startSharedInstances needs DATABASE_URL');
  const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  const apps: App[] = [];
  // One after the other: the first creates the schema's tables, the others find them there.
  for (let i = 0; i < count; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-test-'));
    dirs.push(dataDir);
    const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_URL: databaseUrl });
    apps.push(await createApp(config, { pgSchema: schema }));
  }
  return {
    apps,
    async destroy() {
      for (const app of apps) await app.close();
      await dropPostgresSchema(databaseUrl, schema);
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
