import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreTools } from '../src/core/index.js';
import { renderEnvTable, renderToolCatalogue, replaceSection } from '../src/docs/readme-tables.js';

describe('README', () => {
  it('lists exactly the tools and variables the code has (run `npm run docs` after changing them)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const regenerated = replaceSection(replaceSection(readme, 'tools', renderToolCatalogue(coreTools)), 'config', renderEnvTable());
    expect(readme).toBe(regenerated);
  });

  it('gives the two set-up commands and the test command that CI runs', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('npm install');
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    // CI installs from the lockfile, then runs exactly the README's test command, last.
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci.trimEnd().split('\n').at(-1)).toBe('npm test');
  });
});
