/**
 * The durable job queue behind every side effect that must survive a restart: scheduled
 * publishing, webhooks, email. Jobs live in the `jobs` table of the publication's own database,
 * so SQLite and PostgreSQL share one implementation and one set of tests.
 *
 * Claiming is one atomic UPDATE: on PostgreSQL the candidate row is picked `FOR UPDATE SKIP
 * LOCKED`, so several app instances polling the same table never take the same job; SQLite has a
 * single writer, so the same statement is atomic there too. A claim is a lease: if an instance dies
 * mid-job the lease lapses and another instance retries it, so handlers are written to be
 * idempotent (a scheduled publish re-checks that the article is still scheduled).
 */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { Database } from '../../db/database.js';
import type { JobStatus } from './tables.js';

export interface JobContext {
  id: number;
  /** 1 on the first try. */
  attempt: number;
  now: number;
}

export type JobHandler<T> = (payload: T, context: JobContext) => Promise<void>;

export interface JobOptions {
  /** Tries before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** Wait before retry number `attempt` (default: 30 s doubling, at most 1 h). */
  backoffMs?: (attempt: number) => number;
  /** How long a claim lasts before another instance may take the job over (default 5 min). */
  leaseMs?: number;
}

export interface EnqueueOptions {
  /** When to run (epoch ms; default now). */
  runAt?: number;
  /**
   * The caller's open transaction: the job exists exactly when the caller's change commits (no
   * crash between a change and the work it calls for can lose the work).
   */
  within?: Kysely<Tables>;
  /** At most one pending job per key: enqueueing again replaces the pending one. */
  key?: string;
  maxAttempts?: number;
}

export interface JobRecord {
  id: number;
  name: string;
  payload: unknown;
  runAt: number;
  status: JobStatus;
  attempts: number;
  key: string | null;
  lastError: string | null;
}

export interface JobQueue {
  define<T>(name: string, handler: JobHandler<T>, options?: JobOptions): void;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<number>;
  /** Cancels the pending job with this key; true when there was one. */
  cancel(key: string): Promise<boolean>;
  /** The pending job with this key, if any. */
  find(key: string): Promise<JobRecord | undefined>;
  /** Runs every job that is due by the clock, one after another; returns how many ran. */
  runDue(): Promise<number>;
  /** Polls for due jobs every `intervalMs` until stop(). */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  list(filter?: { name?: string; status?: JobStatus; limit?: number }): Promise<JobRecord[]>;
}

interface Definition {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  leaseMs: number;
}

const defaultBackoff = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export function createJobQueue(db: Database, options: { now?: () => number; onError?: (error: unknown, job: { id: number; name: string }) => void } = {}): JobQueue {
  const k = db.kysely;
  const now = options.now ?? Date.now;
  const definitions = new Map<string, Definition>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<{ id: number; name: string; payload: string; attempts: number } | undefined> {
    const names = [...definitions.keys()];
    if (names.length === 0) return undefined;
    const at = now();
    const lease = Math.max(...[...definitions.values()].map((d) => d.leaseMs));
    const lock = db.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const result = await sql<{ id: number; name: string; payload: string; attempts: number }>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = ${at + lease}
      WHERE id = (
        SELECT id FROM jobs
        WHERE name IN (${sql.join(names)})
          AND ((status = 'pending' AND run_at <= ${at}) OR (status = 'running' AND locked_until < ${at}))
        ORDER BY run_at, id
        LIMIT 1
        ${lock}
      )
      RETURNING id, name, payload, attempts`.execute(k);
    return result.rows[0];
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const definition = definitions.get(job.name);
    if (!definition) return true; // unreachable: only defined names are claimed
    try {
      await definition.handler(JSON.parse(job.payload) as unknown, { id: job.id, attempt: job.attempts, now: now() });
      // The attempts check: if our lease lapsed and another instance re-claimed, its result wins.
      await k.updateTable('jobs').set({ status: 'done', finished_at: now(), locked_until: null }).where('id', '=', job.id).where('attempts', '=', job.attempts).execute();
    } catch (error) {
      options.onError?.(error, job);
      const message = error instanceof Error ? error.message : String(error);
      const finalTry = job.attempts >= (await maxAttemptsOf(job.id, definition));
      await k
        .updateTable('jobs')
        .set(
          finalTry
            ? { status: 'failed', finished_at: now(), locked_until: null, last_error: message.slice(0, 2000) }
            : { status: 'pending', run_at: now() + definition.backoffMs(job.attempts), locked_until: null, last_error: message.slice(0, 2000) },
        )
        .where('id', '=', job.id)
        .where('attempts', '=', job.attempts)
        .execute();
    }
    return true;
  }

  async function maxAttemptsOf(id: number, definition: Definition): Promise<number> {
    const row = await k.selectFrom('jobs').select('max_attempts').where('id', '=', id).executeTakeFirst();
    return row?.max_attempts ?? definition.maxAttempts;
  }

  function toRecord(row: { id: number; name: string; payload: string; run_at: number; status: JobStatus; attempts: number; key: string | null; last_error: string | null }): JobRecord {
    return { id: row.id, name: row.name, payload: JSON.parse(row.payload) as unknown, runAt: row.run_at, status: row.status, attempts: row.attempts, key: row.key, lastError: row.last_error };
  }

  const queue: JobQueue = {
    define(name, handler, jobOptions = {}) {
      if (definitions.has(name)) throw new Error(`job ${name} is defined twice`);
      definitions.set(name, {
        handler: handler as JobHandler<unknown>,
        maxAttempts: jobOptions.maxAttempts ?? 5,
        backoffMs: jobOptions.backoffMs ?? defaultBackoff,
        leaseMs: jobOptions.leaseMs ?? 300_000,
      });
    },

    async enqueue(name, payload, enqueueOptions = {}) {
      const values = {
        name,
        payload: JSON.stringify(payload ?? null),
        run_at: enqueueOptions.runAt ?? now(),
        status: 'pending' as const,
        attempts: 0,
        max_attempts: enqueueOptions.maxAttempts ?? definitions.get(name)?.maxAttempts ?? 5,
        locked_until: null,
        key: enqueueOptions.key ?? null,
        last_error: null,
        created_at: now(),
        finished_at: null,
      };
      const insert = async (trx: Kysely<Tables>) => {
        // Two enqueues of one key at the same moment (PostgreSQL, READ COMMITTED) would both find
        // no pending row and collide on the unique key: one waits for the other, then replaces
        // its job as if it had come a moment later. SQLite runs write transactions one at a time.
        if (values.key && db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${values.key}))`.execute(trx);
        if (values.key) await trx.deleteFrom('jobs').where('key', '=', values.key).where('status', '=', 'pending').execute();
        const live = values.key ? await trx.selectFrom('jobs').select('id').where('key', '=', values.key).where('status', '=', 'running').executeTakeFirst() : undefined;
        // A job with this key is running right now: the new one still runs after it, without the
        // key (handlers re-check state, so a repeat is harmless).
        const row = await trx
          .insertInto('jobs')
          .values(live ? { ...values, key: null } : values)
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      return enqueueOptions.within ? insert(enqueueOptions.within) : k.transaction().execute(insert);
    },

    async cancel(key) {
      const result = await k.deleteFrom('jobs').where('key', '=', key).where('status', '=', 'pending').executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async find(key) {
      const row = await k.selectFrom('jobs').selectAll().where('key', '=', key).where('status', 'in', ['pending', 'running']).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    async runDue() {
      // One pass at a time per instance; a caller during a pass waits for it and then runs its own.
      while (running) await running.catch(() => 0);
      running = (async () => {
        let count = 0;
        while (await runOne()) count += 1;
        return count;
      })();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },

    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        queue.runDue().catch((error: unknown) => options.onError?.(error, { id: 0, name: 'poll' }));
      }, intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => 0);
    },

    async list(filter = {}) {
      let query = k.selectFrom('jobs').selectAll().orderBy('run_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 100);
      if (filter.name) query = query.where('name', '=', filter.name);
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toRecord);
    },
  };
  return queue;
}
