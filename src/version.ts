import { readFileSync } from 'node:fs';

/** The hub's version, read from package.json once. */
export const hubVersion: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
