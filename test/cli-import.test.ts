import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub } from './helpers/test-hub.js';

let dir: string;
let campaignId: string;
const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), RULES_VECTOR_STORE: 'memory', LOG_LEVEL: 'warn', IMPORT_MAX_MB: '1' });
const cli = (...args: string[]) => spawnSync(process.execPath, [resolve('bin/ttrpg-hub.js'), 'import', ...args], { env: env(), encoding: 'utf8', timeout: 60_000 });
const bundle = {
  format: 'ttrpg-hub.campaign',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  campaign: { id: 'old', name: 'Tomb of Annihilation', system: 'D&D 5e', description: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1 },
  data: { characters: [], npcs: [{ id: 'n1', name: 'Syndra Silvane' }], locations: [], plotPoints: [], quests: [] },
  sessions: [],
  history: [],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ttrpg-import-'));
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
  writeFileSync(join(dir, 'login.html'), '<!DOCTYPE html><html><body>Please sign in</body></html>');
  writeFileSync(join(dir, 'huge.json'), `{"bio":"${'x'.repeat(2 * 1024 * 1024)}"}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ttrpg-hub import', { timeout: 120_000 }, () => {
  it('imports a campaign bundle, then characters into it with progress lines, refreshing on the second run', () => {
    const made = cli(join(dir, 'bundle.json'));
    expect(made.status, made.stderr).toBe(0);
    campaignId = /as (\S+):/.exec(made.stdout)![1]!;
    expect(made.stdout).toMatch(/^Imported campaign "Tomb of Annihilation" as \S+: 0 characters, 0 sessions in [\d.]+ s\n$/);
    const rogue = resolve('test/fixtures/characters/roll20-v2-rogue5.json');
    const first = cli(rogue, '--campaign', campaignId);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Reading .*roll20-v2-rogue5\.json \(\d+ KB\)\n\[0\/2\] Reading the roll20 character\n\[1\/2\] Storing 1 character\(s\)\n\[2\/2\] Done\n$/);
    expect(first.stdout).toMatch(/^Imported Pip Quickfingers: Rogue 5 \(Thief\), AC 15, HP 33\/38 \(\+4\) \(id \S+\) in/);
    const again = cli(rogue, '--campaign', campaignId);
    expect(again.stdout).toMatch(/^Refreshed Pip Quickfingers/);
  });

  it('says clearly what is wrong: no file, no campaign, an HTML page, a file over the limit', () => {
    const none = cli(join(dir, 'missing.json'), '--campaign', 'x');
    expect([none.status, none.stderr]).toEqual([2, expect.stringMatching(/^No file at .*missing\.json/)]);
    const noCampaign = cli(resolve('test/fixtures/characters/roll20-v2-rogue5.json'));
    expect([noCampaign.status, noCampaign.stderr]).toEqual([2, expect.stringMatching(/--campaign <id> is required/)]);
    const html = cli(join(dir, 'login.html'), '--campaign', campaignId);
    expect([html.status, html.stderr]).toEqual([2, expect.stringMatching(/Import failed: This is an HTML page, not a character export/)]);
    const huge = cli(join(dir, 'huge.json'), '--campaign', 'x');
    expect([huge.status, huge.stderr]).toEqual([2, expect.stringMatching(/huge\.json is 2\.0 MB: the import limit is 1 MB/)]);
  });

  it('writes where a running hub on the same data sees it at once', async () => {
    const hub = await startTestHub({ dataDir: join(dir, 'data'), storage: { url: `sqlite://${join(dir, 'data', 'hub.sqlite')}` } });
    try {
      const wizard = cli(resolve('test/fixtures/characters/roll20-v3-wizard3-cleric1.json'), '--campaign', campaignId);
      expect(wizard.status, wizard.stderr).toBe(0);
      const listed = await hub.api('list_characters', { campaignId });
      expect(listed.body.value.characters.map((c: { name: string }) => c.name).sort()).toEqual(['Pip Quickfingers', 'Ysolde Emberquill']);
    } finally {
      await hub.close().catch(() => {});
    }
  });
});
