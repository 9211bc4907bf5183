/**
 * Raw-HTML blocks are rendered (synchronously, inside renderBody) as a frame pointing at
 * /frames/html/<sha256 of the HTML>. The HTML itself has to reach the frame route: the renderer
 * hands it to whoever listens here (the embeds module, which stores it), and a small in-memory
 * copy lets this instance serve the frame before that write lands.
 */
import crypto from 'node:crypto';

type Listener = (hash: string, html: string) => void;

const listeners = new Set<Listener>();
const recent = new Map<string, string>();
const RECENT_MAX = 200;

export function rawHtmlHash(html: string): string {
  return crypto.createHash('sha256').update(html).digest('hex');
}

/** Called by the renderer for each raw-HTML block; returns the hash the frame URL uses. */
export function noteRawHtml(html: string): string {
  const hash = rawHtmlHash(html);
  if (!recent.has(hash)) {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(hash, html);
  }
  for (const listener of listeners) listener(hash, html);
  return hash;
}

export function recentRawHtml(hash: string): string | undefined {
  return recent.get(hash);
}

/** Subscribes to rendered raw-HTML blocks; returns the unsubscribe function. */
export function onRawHtml(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
