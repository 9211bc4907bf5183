/**
 * Static assets (the stylesheet, small scripts, icons) served from memory under fingerprinted
 * names, so they can be cached for a year: a new build or a new accent colour is a new URL.
 * The publication's colours are prepended to the stylesheet as custom properties, which keeps
 * inline styles (and `unsafe-inline` in the CSP) out of the page.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets');

export interface Asset {
  /** Public path with the fingerprint, e.g. /assets/site.3f2a9c1b.css */
  url: string;
  contentType: string;
  body: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export class Assets {
  #byUrl = new Map<string, Asset>();
  #byName = new Map<string, Asset>();

  constructor(private readonly dir: string = ASSETS_DIR) {}

  /** Loads (or reloads) one file, optionally with text prepended; returns its fingerprinted URL. */
  load(name: string, prefix = ''): string {
    const raw = fs.readFileSync(path.join(this.dir, name));
    return this.put(name, prefix ? Buffer.concat([Buffer.from(prefix), raw]) : raw);
  }

  put(name: string, body: Buffer): string {
    const ext = path.extname(name);
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
    const url = `/assets/${path.basename(name, ext)}.${hash}${ext}`;
    const previous = this.#byName.get(name);
    if (previous?.url === url) return url;
    const asset: Asset = {
      url,
      contentType: TYPES[ext] ?? 'application/octet-stream',
      body,
      br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: zlib.gzipSync(body, { level: 9 }),
      etag: `"${hash}"`,
    };
    // Keep the previous version servable: cached pages may still point at it for a while.
    this.#byUrl.set(url, asset);
    this.#byName.set(name, asset);
    return url;
  }

  url(name: string): string {
    const asset = this.#byName.get(name);
    if (!asset) throw new Error(`asset ${name} was never loaded`);
    return asset.url;
  }

  byUrl(url: string): Asset | undefined {
    return this.#byUrl.get(url);
  }
}

/** The custom properties the stylesheet reads, from the publication's settings. */
export function themeCss(accent: string): string {
  return `:root{--accent:${accent};}\n`;
}
