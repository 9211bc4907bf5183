/**
 * One query layer (Kysely) over two engines: embedded SQLite (better-sqlite3) by default, and
 * PostgreSQL when DATABASE_URL is set. Modules write dialect-neutral queries; the few places that
 * differ (full-text search, id columns) branch on `db.dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PreparingClient } from './postgres-client.js';
import type { Tables } from './tables.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly kysely: Kysely<Tables>;
  readonly dialect: DialectName;
  /**
   * Runs a statement whose SQL is written out rather than built (placeholders written `?`, and no
   * other `?`), outside any transaction: for a module's few hottest fixed statements, which skip
   * Kysely's building and compiling. On PostgreSQL, like every statement sent often, it is
   * prepared once per connection (postgres-client.ts).
   */
  rawQuery<R>(text: string, parameters: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: a schema of its own (created if missing), so test runs never collide. */
  pgSchema?: string;
  /** SQLite only: a file name other than structurecms.db (":memory:" for throwaway databases). */
  sqliteFile?: string;
}

// bigint (int8) columns hold epoch milliseconds and counts; they fit in a double.
pg.types.setTypeParser(20, Number);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.pgSchema) : openSqlite(options);
}

function openSqlite(options: OpenOptions): Database {
  const file = options.sqliteFile ?? 'structurecms.db';
  let location = file;
  if (file !== ':memory:') {
    fs.mkdirSync(options.dataDir, { recursive: true });
    location = path.join(options.dataDir, file);
  }
  const connection = new SQLite(location);
  // WAL lets readers proceed while a write commits; NORMAL sync is durable across app crashes.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    kysely,
    dialect: 'sqlite',
    rawQuery: async <R>(text: string, parameters: readonly unknown[]) => (await kysely.executeQuery<R>(CompiledQuery.raw(text, [...parameters]))).rows,
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query afresh; on a hot page that preparing costs as much as running the
 * query. The SQL text Kysely generates is stable per query shape, so statements are kept and
 * reused (better-sqlite3 statements are reusable once a call has returned).
 */
function withStatementCache(connection: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        let statement = statements.get(source);
        if (!statement) {
          statement = target.prepare(source);
          // Bounded: ad-hoc SQL (migrations, IN lists of varying length) must not grow it forever.
          if (statements.size >= 1000) statements.delete(statements.keys().next().value as string);
          statements.set(source, statement);
        }
        return statement;
      };
    },
  });
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(kysely);
  return {
    kysely,
    dialect: 'postgres',
    rawQuery: async <R>(text: string, parameters: readonly unknown[]) => (await kysely.executeQuery<R>(CompiledQuery.raw(dollarPlaceholders(text), [...parameters]))).rows,
    close: () => kysely.destroy(),
  };
}

/** `?` placeholders as PostgreSQL's `$1`, `$2` … (kept: these are a handful of fixed texts). */
const dollarTexts = new Map<string, string>();
function dollarPlaceholders(source: string): string {
  let text = dollarTexts.get(source);
  if (text === undefined) {
    let n = 0;
    text = source.replace(/\?/gu, () => `$${++n}`);
    if (dollarTexts.size < 200) dollarTexts.set(source, text);
  }
  return text;
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
