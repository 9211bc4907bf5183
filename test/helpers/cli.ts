/**
 * A sandbox for running the structurecms command as a user would: its own data folder, and on
 * PostgreSQL its own schema, reached through the connection's search_path.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropPostgresSchema } from '../../src/db/database.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliSandbox {
  dataDir: string;
  /** The server's PostgreSQL URL ('' on SQLite) and the schema the CLI works in. */
  pgUrl: string;
  schema: string;
  /** Environment for a CLI process: DATA_DIR and a DATABASE_URL pinned to the schema. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  run(args: string[], extra?: Record<string, string>): SpawnSyncReturns<string>;
  /** Creates the PostgreSQL schema (no-op on SQLite). */
  prepare(): Promise<void>;
  destroy(): Promise<void>;
}

export function cliSandbox(name: string): CliSandbox {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `structurecms-${name}-`));
  const pgUrl = process.env.DATABASE_URL || '';
  const schema = `${name.replace(/\W/gu, '_')}_${process.pid}`;
  const databaseUrl = pgUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}` : '';
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...extra });
  return {
    dataDir,
    pgUrl,
    schema,
    env,
    run: (args, extra) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: env(extra), timeout: 120_000 }),
    async prepare() {
      if (!pgUrl) return;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.end();
    },
    async destroy() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgUrl) await dropPostgresSchema(pgUrl, schema);
    },
  };
}
