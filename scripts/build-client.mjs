#!/usr/bin/env node
// Bundles the browser code: the newsroom's editor (src/client/editor) into dist/client/editor.js,
// and the readers' comments script (src/client/comments) into dist/client/comments.js with its
// stylesheet: minified ES2020 modules, served fingerprinted by the app. Prints the gzipped sizes
// (the comments script must stay within 15 KB gzipped: test/e2e/comments.test.ts checks).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' };
const script = { ...common, format: 'esm', target: 'es2020', platform: 'browser' };

const bundles = [
  { entry: 'src/client/editor/main.ts', out: 'dist/client/editor.js', options: script },
  { entry: 'src/client/comments/main.ts', out: 'dist/client/comments.js', options: script },
  { entry: 'src/client/comments/comments.css', out: 'dist/client/comments.css', options: common },
];

await Promise.all(bundles.map(({ entry, out, options }) => build({ ...options, entryPoints: [path.join(root, entry)], outfile: path.join(root, out) })));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (!process.argv.includes('--quiet')) {
  for (const { out } of bundles) {
    const bytes = fs.readFileSync(path.join(root, out));
    console.log(`${out}: ${kb(bytes.length)} (${kb(zlib.gzipSync(bytes, { level: 9 }).length)} gzipped)`);
  }
}
