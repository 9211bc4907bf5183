/**
 * A small broadcast bus for facts every app instance must hear (cache purges today; new comments
 * later). In one process it is a plain in-memory fan-out; on PostgreSQL it also travels between
 * instances with LISTEN/NOTIFY, so a change made on one instance purges the caches of all.
 */
import crypto from 'node:crypto';
import pg from 'pg';

export interface BusMessage {
  topic: string;
  payload: unknown;
}

export type Listener = (payload: unknown) => void;

export interface EventBus {
  publish(topic: string, payload: unknown): void;
  subscribe(topic: string, listener: Listener): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'structurecms_events';

export function localBus(): EventBus & { deliver(message: BusMessage): void } {
  const listeners = new Map<string, Set<Listener>>();
  const deliver = (message: BusMessage) => {
    for (const listener of listeners.get(message.topic) ?? []) listener(message.payload);
  };
  return {
    deliver,
    publish: (topic, payload) => deliver({ topic, payload }),
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    close: async () => {},
  };
}

/**
 * Local delivery first (the instance that made the change sees it at once), then NOTIFY for the
 * others; each instance ignores its own echo. `scope` keeps separate publications (or test
 * schemas) sharing one server from hearing each other.
 */
export async function postgresBus(url: string, scope: string, onError: (error: Error) => void): Promise<EventBus> {
  const local = localBus();
  const instance = crypto.randomUUID();
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Pool({ connectionString: url, max: 2 });
  await listener.connect();
  listener.on('error', onError);
  listener.on('notification', (note) => {
    if (!note.payload) return;
    try {
      const message = JSON.parse(note.payload) as BusMessage & { instance: string; scope: string };
      if (message.instance !== instance && message.scope === scope) local.deliver(message);
    } catch (error) {
      onError(error as Error);
    }
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  let closed = false;
  return {
    publish(topic, payload) {
      // A timer may still fire after shutdown (a coalesced purge): nobody is left to tell.
      if (closed) return;
      local.deliver({ topic, payload });
      const message = JSON.stringify({ topic, payload, instance, scope });
      sender.query('SELECT pg_notify($1, $2)', [CHANNEL, message]).catch(onError);
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
