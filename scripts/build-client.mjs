#!/usr/bin/env node
// Bundles the newsroom's browser code (src/client/editor) into dist/client/editor.js: one
// minified ES2020 module, served fingerprinted by the app. Prints the bundle's gzipped size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outfile = path.join(root, 'dist/client/editor.js');

await build({
  entryPoints: [path.join(root, 'src/client/editor/main.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
});

const bytes = fs.readFileSync(outfile);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (!process.argv.includes('--quiet')) console.log(`dist/client/editor.js: ${kb(bytes.length)} (${kb(zlib.gzipSync(bytes, { level: 9 }).length)} gzipped)`);
