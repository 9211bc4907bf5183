#!/usr/bin/env node
// The `structurecms` command. The TypeScript sources are compiled to dist/ on `npm install`
// (the prepare script); run `npm run build` after changing them.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('structurecms: dist/cli.js is missing. Run `npm install` (or `npm run build`) in the project folder first.');
  process.exit(1);
}
await import(entry.href);
