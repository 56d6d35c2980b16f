import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's folder (where package.json, config/ and the default data/ live). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
