/**
 * PostgreSQL statements sent again and again are prepared once per connection
 * (src/db/postgres-client.ts); the ones a migration could break stay unnamed.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { dropPostgresSchema, openDatabase, type Database } from '../../src/db/database.js';
import { statementName } from '../../src/db/postgres-client.js';

const databaseUrl = process.env.DATABASE_URL || undefined;

describe('which statements are prepared', () => {
  // Each text is new to this process: the counts are process-wide.
  const fresh = (text: string) => `${text} /* ${crypto.randomUUID()} */`;

  it('names a select, insert, update, delete or with the second time it is sent, always by the same name', () => {
    for (const text of ['select "id" from "users" where "id" = $1', 'insert into "t" ("a") values ($1)', 'update "t" set "a" = $1', 'delete from "t" where "a" = $1', 'with x as (select 1) select count(*) from x']) {
      const once = fresh(text);
      assert.equal(statementName(once), null, `${text}: not on first sight`);
      const name = statementName(once);
      assert.match(name ?? '', /^scms_[0-9a-f]{24}$/u, text);
      assert.equal(statementName(once), name);
    }
    const a = fresh('select 1');
    const b = fresh('select 1');
    statementName(a);
    statementName(b);
    assert.notEqual(statementName(a), statementName(b));
  });

  it('never names what selects or returns *, nor anything but data statements', () => {
    for (const text of [
      'select * from "users" where "id" = $1',
      'select "u".* from "users" as "u"',
      'select "a"."id", "b".* from "a" join "b" on true',
      'select page.* from page',
      'insert into "t" ("a") values ($1) returning *',
      'with x as (select 1) select * from x',
      'alter table "t" add column "b" integer',
      'begin',
    ]) {
      const text2 = fresh(text);
      statementName(text2);
      assert.equal(statementName(text2), null, text2);
    }
    // count(*) and a product are not a select list's star.
    for (const text of ['select count(*) as "n" from "t" where "a" = $1', 'select "a" * 2 as "b" from "t"']) {
      const text2 = fresh(text);
      statementName(text2);
      assert.notEqual(statementName(text2), null, text);
    }
  });
});

describe('prepared statements on a PostgreSQL connection', {
  // SQLite keeps every statement prepared in-process (database.ts); this is about the server.
  skip: databaseUrl ? false : 'needs PostgreSQL (DATABASE_URL): prepared statements live on the server',
}, () => {
  const schema = `prep_test_${crypto.randomBytes(4).toString('hex')}`;
  let db: Database;
  before(async () => {
    db = await openDatabase({ databaseUrl: databaseUrl ?? '', dataDir: '', pgSchema: schema });
    await sql`create table notes (id integer primary key, body text not null)`.execute(db.kysely);
    await sql`insert into notes values (1, 'one'), (2, 'two')`.execute(db.kysely);
  });
  after(async () => {
    await db.close();
    await dropPostgresSchema(databaseUrl ?? '', schema);
  });

  const prepared = async <DB>(k: Kysely<DB>) => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(k)).rows.map((r) => r.statement);

  it('prepares a repeated statement on the connection that runs it, and keeps a star statement unnamed through a column added by a migration', async () => {
    const k = db.kysely as unknown as Kysely<{ notes: { id: number; body: string; pinned?: number } }>;
    await k.connection().execute(async (connection) => {
      const explicit = () => connection.selectFrom('notes').select(['id', 'body']).where('id', '=', 2).executeTakeFirst();
      const star = () => connection.selectFrom('notes').selectAll().where('id', '=', 1).executeTakeFirst();
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await explicit(), { id: 2, body: 'two' });
        assert.deepEqual(await star(), { id: 1, body: 'one' });
      }
      const statements = await prepared(connection);
      assert.ok(statements.some((s) => s.includes('select "id", "body" from "notes"')), `prepared: ${statements.join(' | ')}`);
      assert.ok(!statements.some((s) => s.includes('select * from "notes"')));
      // A newer instance migrates while this one runs: both statements go on working.
      await sql`alter table notes add column pinned integer not null default 0`.execute(connection);
      assert.deepEqual(await explicit(), { id: 2, body: 'two' });
      assert.deepEqual(await star(), { id: 1, body: 'one', pinned: 0 });
    });
  });

  it('sends statements without parameters as simple queries, so several in one text still run', async () => {
    for (let i = 0; i < 3; i++) await sql`update notes set body = body where id = 1; update notes set body = body where id = 2`.execute(db.kysely);
    const statements = await prepared(db.kysely);
    assert.ok(!statements.some((s) => s.includes('update notes set body = body')));
  });

  it('runs written-out statements (rawQuery) with ? placeholders, prepared too', async () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await db.rawQuery('select id, body from notes where id = ? and body = ?', [1, 'one']), [{ id: 1, body: 'one' }]);
  });
});
