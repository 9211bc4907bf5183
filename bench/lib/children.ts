/**
 * Child processes the bench starts (servers under load, the CLI being timed). Every one is
 * tracked and killed by its own pid when the bench ends, however it ends, so no server is left
 * listening after a failed or interrupted run.
 */
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';
import { ROOT } from './paths.js';

const live = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export function killAllChildren(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
}

process.once('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

/**
 * The environment a child gets: ours without DATABASE_URL (a stray one would silently move a
 * SQLite measurement to PostgreSQL), plus the given variables.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** Runs a TypeScript file under tsx in its own process, with an IPC channel for ready messages. */
export function forkTs(file: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  return track(fork(file, [], { cwd: ROOT, env: childEnv(env), execArgv: [...nodeFlags, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, options));
}

/** Waits for the first IPC message that passes `accept`; fails if the child exits first or time runs out. */
export function waitForMessage<T>(child: ChildProcess, accept: (message: unknown) => message is T, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no message from child ${child.pid} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown) => {
      if (accept(message)) done(null, message);
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`child ${child.pid} exited (code ${code}, signal ${signal}) before it was ready`));
    function done(error: Error | null, message?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Stops a child politely (SIGTERM), then firmly after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago on 127.0.0.1 (for servers whose public URL must name it up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

export interface ReadyMessage {
  type: 'ready';
  port: number;
}

export const isReady = (message: unknown): message is ReadyMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready' && typeof (message as { port?: unknown }).port === 'number';
