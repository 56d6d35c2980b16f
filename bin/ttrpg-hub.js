#!/usr/bin/env node
// Runs the compiled CLI. `npm start` and `npm test` build it first; after a plain checkout run `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('ttrpg-hub is not built yet: run `npm run build` (or `npm start`, which builds first).\n');
  process.exit(1);
}
await import(cli.href);
