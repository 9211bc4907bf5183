/**
 * PostgreSQL connections that prepare the statements the app sends again and again. Kysely sends
 * every query as an unnamed statement, which PostgreSQL parses and plans anew each time; posting
 * a comment spent a third of its time on that. A statement text with parameters seen twice
 * becomes a named prepared statement on each connection that runs it: parsed once there, then
 * only bound and executed. (With parameters, pg already sends it in the extended protocol's parse,
 * bind and execute steps; the name is all that changes.)
 *
 * Left unnamed: statements without parameters (pg sends those as simple queries, which may hold
 * several statements), statements that select or return `*` (a migration adding a column to the table,
 * run by a newer instance during a rolling deploy, would make a prepared one fail with "cached
 * plan must not change result type"), anything but select/insert/update/delete/with, and new
 * texts on a connection that already holds MAX_PER_CONNECTION (server memory stays bounded
 * whatever ad-hoc SQL runs). A transaction-mode pooler must support prepared statements
 * (README, "Deploying at scale").
 */
import crypto from 'node:crypto';
import pg from 'pg';

const MAX_PER_CONNECTION = 200;
/** Texts counted before they are named; forgotten all at once when full (hot texts come back at once). */
const MAX_TRACKED = 5_000;

const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/iu;
/** `*` as a select list or returning item (`*`, `t.*`, `"t".*`), not count(*) or a product. */
const STAR = /(?:^|[\s,])(?:(?:"[^"]*"|[A-Za-z_]\w*)\.)?\*(?=\s*(?:,|\bfrom\b|\)|;|\/\*|--|$))/iu;

/** Text → times seen (below 2), or its statement name once it is worth preparing. */
const seen = new Map<string, number | string>();

/** The statement name for a text worth preparing, or null to send it unnamed. */
export function statementName(text: string): string | null {
  const known = seen.get(text);
  if (typeof known === 'string') return known;
  if (known === undefined) {
    if (seen.size >= MAX_TRACKED) seen.clear();
    seen.set(text, PREPARABLE.test(text) && !STAR.test(text) ? 1 : 0);
    return null;
  }
  if (known === 0) return null;
  const name = `scms_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  seen.set(text, name);
  return name;
}

type Callback = (error: Error, result: pg.QueryResult) => void;

export class PreparingClient extends pg.Client {
  /** Names this connection has prepared (its share of MAX_PER_CONNECTION). */
  readonly prepared = new Set<string>();
}

const send = pg.Client.prototype.query as (this: pg.Client, config: unknown, values?: unknown, callback?: Callback) => unknown;

function query(this: PreparingClient, config: unknown, values?: unknown, callback?: Callback): unknown {
  if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0) return send.call(this, config, values, callback);
  const name = statementName(config);
  if (name === null || (!this.prepared.has(name) && this.prepared.size >= MAX_PER_CONNECTION)) return send.call(this, config, values, callback);
  this.prepared.add(name);
  return send.call(this, { name, text: config, values }, callback);
}

PreparingClient.prototype.query = query as unknown as pg.Client['query'];
