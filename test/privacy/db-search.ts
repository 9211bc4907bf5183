/**
 * Searches every table and column of the app's database (listed from sqlite_master or
 * information_schema, so a table added later is searched too) for traces of a person: text
 * containing their address or name, and their user id in id and foreign-key columns.
 */
import { sql } from 'kysely';
import type { TestApp } from '../helpers/app.js';

export interface Trace {
  table: string;
  column: string;
  value: string;
}

/** Columns that hold a user's id: `user_id`, `actor_user_id`, `created_by`, `updated_by` … and users.id. */
const USER_ID_COLUMN = /(^|_)user_id$|_by$/u;

async function columnsOf(app: TestApp): Promise<Map<string, string[]>> {
  const k = app.db.kysely;
  const tables = new Map<string, string[]>();
  if (app.db.dialect === 'sqlite') {
    const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(k);
    for (const { name } of names.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(k);
      tables.set(name, columns.rows.map((c) => c.name));
    }
  } else {
    const rows = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(k);
    for (const row of rows.rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  }
  return tables;
}

export async function tracesOf(app: TestApp, person: { userId: number; email: string; name: string }): Promise<Trace[]> {
  const traces: Trace[] = [];
  const needles = [person.email.toLowerCase(), person.name.toLowerCase()];
  for (const [table, columns] of await columnsOf(app)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(app.db.kysely);
    for (const row of rows.rows) {
      for (const column of columns) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
        const isId = (table === 'users' && column === 'id') || USER_ID_COLUMN.test(column);
        if (isId && Number(value) === person.userId) traces.push({ table, column, value: text });
        else if (needles.some((needle) => text.toLowerCase().includes(needle))) traces.push({ table, column, value: text.slice(0, 200) });
      }
    }
  }
  return traces;
}
