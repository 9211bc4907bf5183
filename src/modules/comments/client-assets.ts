/**
 * The comments browser script and its stylesheet (src/client/comments, built by
 * scripts/build-client.mjs into dist/client/comments.js and .css), served by the site's
 * fingerprinted asset store. The live registration hands that store over; article pages ask for
 * the URLs while rendering. A URL is the fingerprint of the built file, so every app in the
 * process agrees on it; until `npm run build:client` has run there is none, and pages work
 * without the script (as they do with JavaScript off).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assets } from '../site/assets.js';

const BUILT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/client');
export const COMMENTS_BUNDLE = path.join(BUILT, 'comments.js');
export const COMMENTS_BUNDLE_CSS = path.join(BUILT, 'comments.css');

export interface CommentsClient {
  script: string;
  stylesheet: string;
  /** Article pages load the script through this small loader, when the reader nears the comments. */
  loader: string;
}

const stores = new Set<Assets>();
let current: CommentsClient | null = null;

/** Serves the built files from `assets` (until the returned function is called). */
export function serveCommentsClient(assets: Assets): () => void {
  stores.add(assets);
  current = null;
  commentsClient();
  return () => {
    stores.delete(assets);
  };
}

/** The script's and stylesheet's URLs; looked for again while missing, so a build after start-up is picked up. */
export function commentsClient(): CommentsClient | null {
  if (current) return current;
  if (stores.size === 0 || !fs.existsSync(COMMENTS_BUNDLE) || !fs.existsSync(COMMENTS_BUNDLE_CSS)) return null;
  const script = fs.readFileSync(COMMENTS_BUNDLE);
  const css = fs.readFileSync(COMMENTS_BUNDLE_CSS);
  let found: CommentsClient | null = null;
  for (const assets of stores) {
    found = { script: assets.put('comments.js', script), stylesheet: assets.put('comments-live.css', css), loader: assets.load('comments-loader.js') };
  }
  current = found;
  return current;
}
