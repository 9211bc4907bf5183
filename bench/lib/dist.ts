/**
 * The bench measures the compiled app (dist/, what `npm start` runs), not the TypeScript sources
 * under tsx. Types still come from src/, so a signature change there breaks the bench at compile
 * time rather than at run time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT } from './paths.js';

export type AppModule = typeof import('../../src/app.js');
export type ConfigModule = typeof import('../../src/config.js');
export type SeedModule = typeof import('../../src/modules/demo/seed.js');
export type DatabaseModule = typeof import('../../src/db/database.js');
export type CommentsModule = typeof import('../../src/modules/comments/index.js');
export type CommentsListingModule = typeof import('../../src/modules/comments/listing.js');

export interface Dist {
  app: AppModule;
  config: ConfigModule;
  database: DatabaseModule;
  /** Loaded on first use: the demo content is the part of the app most likely to be mid-edit. */
  seed(): Promise<SeedModule>;
  /** The comments module (its text renderer seeds the comments goal) and its listing SQL (for query plans). */
  comments(): Promise<{ module: CommentsModule; listing: CommentsListingModule }>;
}

const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(DIST, file)).href)) as T;

export async function loadDist(): Promise<Dist> {
  const [app, config, database] = await Promise.all([load<AppModule>('app.js'), load<ConfigModule>('config.js'), load<DatabaseModule>('db/database.js')]);
  return {
    app,
    config,
    database,
    seed: () => load<SeedModule>('modules/demo/seed.js'),
    comments: async () => ({ module: await load<CommentsModule>('modules/comments/index.js'), listing: await load<CommentsListingModule>('modules/comments/listing.js') }),
  };
}

export interface BuildResult {
  ms: number;
  ok: boolean;
  /** First lines of compiler output when it complained. */
  output: string;
}

/** tsc emits even with type errors; a failing build is reported, and the bench goes on if dist/ exists. */
export function buildDist(): BuildResult {
  const start = performance.now();
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  const ms = performance.now() - start;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(0, 20).join('\n');
  if (!fs.existsSync(path.join(DIST, 'app.js')) || !fs.existsSync(path.join(DIST, 'cli.js'))) {
    throw new Error(`the build produced no dist/app.js or dist/cli.js:\n${output}`);
  }
  return { ms, ok: result.status === 0, output };
}
