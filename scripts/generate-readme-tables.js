// Regenerates the tool and configuration tables in README.md and config/example.env from the code (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { coreTools } from '../dist/core/index.js';
import { renderEnvTable, renderExampleEnv, renderToolCatalogue, replaceSection } from '../dist/docs/readme-tables.js';

const readme = new URL('../README.md', import.meta.url);
let doc = readFileSync(readme, 'utf8');
doc = replaceSection(doc, 'tools', renderToolCatalogue(coreTools));
doc = replaceSection(doc, 'config', renderEnvTable());
writeFileSync(readme, doc);
writeFileSync(new URL('../config/example.env', import.meta.url), renderExampleEnv());
console.log('README.md tables and config/example.env updated');
