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

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;

interface Envelope {
  instance: string;
  scope: string;
  messages: BusMessage[];
}

/**
 * Local delivery first (the instance that made the change sees it at once), then NOTIFY for the
 * others; each instance ignores its own echo. `scope` keeps separate publications (or test
 * schemas) sharing one server from hearing each other. Messages published in one turn (a new
 * comment's purge and its live update) travel as one NOTIFY: a statement and a delivery to every
 * listener each fewer, on the path of every post.
 */
export async function postgresBus(url: string, scope: string, onError: (error: Error) => void): Promise<EventBus> {
  const local = localBus();
  const instance = crypto.randomUUID();
  const listener = new pg.Client({ connectionString: url });
  // One connection, one NOTIFY after another: other instances hear messages in the order sent.
  const sender = new pg.Pool({ connectionString: url, max: 1 });
  await listener.connect();
  listener.on('error', onError);
  listener.on('notification', (note) => {
    if (!note.payload) return;
    try {
      const envelope = JSON.parse(note.payload) as Envelope;
      if (envelope.instance === instance || envelope.scope !== scope) return;
      for (const message of envelope.messages) local.deliver(message);
    } catch (error) {
      onError(error as Error);
    }
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  let closed = false;
  let waiting: string[] = [];
  let sent: Promise<unknown> = Promise.resolve();

  const notify = (messages: string[]) => {
    const payload = `{"instance":${JSON.stringify(instance)},"scope":${JSON.stringify(scope)},"messages":[${messages.join(',')}]}`;
    sent = sent.then(() => sender.query('SELECT pg_notify($1, $2)', [CHANNEL, payload])).catch(onError);
  };
  /** Sends what waits, as few NOTIFYs as fit under the payload limit. */
  const flush = () => {
    const messages = waiting;
    waiting = [];
    let batch: string[] = [];
    let size = 0;
    for (const message of messages) {
      if (batch.length > 0 && size + message.length > MAX_PAYLOAD) {
        notify(batch);
        batch = [];
        size = 0;
      }
      batch.push(message);
      size += message.length + 1;
    }
    if (batch.length > 0) notify(batch);
  };

  return {
    publish(topic, payload) {
      // A timer may still fire after shutdown (a coalesced purge): nobody is left to tell.
      if (closed) return;
      local.deliver({ topic, payload });
      waiting.push(JSON.stringify({ topic, payload }));
      if (waiting.length === 1) queueMicrotask(flush);
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      flush();
      await sent;
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
