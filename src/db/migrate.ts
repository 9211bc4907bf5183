/**
 * One migration set for both engines. Each module owns its migrations and hands them over as a
 * map of name → migration; names start with a date so the merged order is the order they were
 * written in, whichever module they come from.
 */
import { Migrator, sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DialectName } from './database.js';

// Migrations run against whatever shape the tables had before, so they are untyped by nature.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

export interface ModuleMigration {
  up(db: MigrationDb, dialect: DialectName): Promise<void>;
}

export type ModuleMigrations = Record<string, ModuleMigration>;

export async function migrateToLatest(db: Database, sets: ModuleMigrations[]): Promise<string[]> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`two migrations are named ${name}`);
      all[name] = { up: (k) => migration.up(k, db.dialect) };
    }
  }
  const provider: MigrationProvider = { getMigrations: async () => all };
  // Without an explicit schema Kysely takes a migration table in *any* schema for its own, so
  // PostgreSQL schemas sharing a database (test runs, several publications) must name theirs:
  // the one the connection's search_path resolves to, however that was set.
  const schema = db.dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db: db.kysely, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Database): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: create the schema named in search_path first');
  return schema;
}

/** An auto-incrementing integer primary key in either engine. */
export function idColumnType(dialect: DialectName): 'integer' | 'serial' {
  return dialect === 'postgres' ? 'serial' : 'integer';
}

/** Primary key modifier for that id column (AUTOINCREMENT on SQLite so ids are never reused). */
export function primaryId(dialect: DialectName): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
}
