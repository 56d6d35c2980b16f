import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEnvTable, renderToolCatalogue } from '../../src/docs/readme-tables.js';
import { coreTools } from '../../src/core/index.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

describe('what a new user meets first', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('explains the {"input": ...} wrapper when a body forgets it', async () => {
    const res = await fetch(`${hub.url}/api/tools/roll_dice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expression: '1d20' }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/\{"input": \{\.\.\.\}\}.*"expression" at the top level: put the tool's arguments inside "input"/);
    expect(body.error.field).toBe('input');
  });

  it('documents unset settings as unset, generated secrets as generated, and each tool with a whole sentence', () => {
    const env = renderEnvTable();
    expect(env).toMatch(/\| `DISCORD_TOKEN` \|[^\n]*\| unset \|/);
    expect(env).toMatch(/\| `HUB_OWNER_TOKEN` \|[^\n]*\| generated \|/);
    const catalogue = renderToolCatalogue(coreTools);
    for (const line of catalogue.split('\n').slice(2).filter(Boolean)) expect(line.split(' | ')[1], line).not.toMatch(/\b(e\.g|i\.e)\.$/);
  });
});
