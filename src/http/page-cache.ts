/**
 * Rendered pages kept in memory as bytes, with their compressed forms made on first demand.
 * Every entry carries tags (article:12, section:3, front …); content changes purge by tag, so
 * invalidation is precise rather than time-based. A generation counter stops a render that
 * started before a purge from storing its now-stale result after it.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

export interface PageEntry {
  status: number;
  contentType: string;
  body: Buffer;
  etag: string;
  tags: readonly string[];
  /** Extra response headers stored with the page (Link, Location …). */
  headers: Readonly<Record<string, string>>;
  br?: Buffer;
  gzip?: Buffer;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class PageCache {
  #lru: LRUCache<string, PageEntry>;
  #byTag = new Map<string, Set<string>>();
  #generation = 0;
  #hits = 0;
  #misses = 0;

  constructor(maxBytes: number) {
    this.#lru = new LRUCache<string, PageEntry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.body.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + 256,
      dispose: (entry, key) => this.#untag(key, entry.tags),
    });
  }

  /** Increments on every purge; pass it back to `set` to refuse results rendered before one. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string): PageEntry | undefined {
    const entry = this.#lru.get(key);
    if (entry) this.#hits++;
    else this.#misses++;
    return entry;
  }

  set(key: string, entry: PageEntry, renderedAtGeneration: number): void {
    if (renderedAtGeneration !== this.#generation) return;
    this.#lru.set(key, entry);
    for (const tag of entry.tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  purge(tags: readonly string[]): number {
    this.#generation++;
    let purged = 0;
    for (const tag of tags) {
      const keys = this.#byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.#lru.delete(key)) purged++;
      this.#byTag.delete(tag);
    }
    return purged;
  }

  clear(): void {
    this.#generation++;
    this.#lru.clear();
    this.#byTag.clear();
  }

  stats(): PageCacheStats {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize, hits: this.#hits, misses: this.#misses };
  }

  #untag(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.#byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(tag);
    }
  }
}

export function makeEntry(status: number, contentType: string, body: string | Buffer, tags: readonly string[], headers: Record<string, string> = {}): PageEntry {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status, contentType, body: bytes, etag: etagOf(bytes), tags, headers };
}

export function etagOf(bytes: Buffer): string {
  return `"${crypto.createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
}

/** Compressed bodies are made once per entry and kept with it. */
export function compressed(entry: PageEntry, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'br') {
    entry.br ??= zlib.brotliCompressSync(entry.body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
    });
    return entry.br;
  }
  entry.gzip ??= zlib.gzipSync(entry.body, { level: 6 });
  return entry.gzip;
}
