import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestHub } from './helpers/test-hub.js';

/** Runs the real CLI (async, so the machine's other work goes on) with the data folder given. */
const run = (args: string[], dataDir: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [resolve('bin/ttrpg-hub.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', STORE_URL: '', REDIS_URL: '', DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-ops-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A hub on a SQLite file in `dataDir`, the way `npm start` runs. */
const sqliteHub = (dataDir: string) => startTestHub({ dataDir, storage: { url: `sqlite://${join(dataDir, 'hub.sqlite')}` } });

describe('ttrpg-hub backup and restore', () => {
  it('restores a campaign with its session, notes, rolls and tokens exactly, into a new installation', async () => {
    const source = tempDir();
    const hub = await sqliteHub(source);
    const campaignId = (await hub.api('create_campaign', { name: 'Backed Up', system: 'D&D 5e', description: 'keep me' })).body.value.campaign.id;
    const sessionId = (await hub.api('start_session', { campaignId, name: 'One' })).body.value.session.id;
    await hub.api('add_session_note', { sessionId, note: 'the lich is the innkeeper', secret: true });
    await hub.api('roll_dice', { expression: '1d20+5', sessionId });
    const player = (await hub.api('create_access_token', { campaignId, name: 'Ana', role: 'player' })).body.value.token;
    const before = (await hub.api('get_session', { sessionId })).body.value;
    await hub.close();

    const file = join(tempDir(), 'hub.jsonl.gz');
    const backup = await run(['backup', file], source);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Wrote \d+ keys/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = tempDir();
    const restored = await run(['restore', file], target);
    expect(restored.status, restored.stderr).toBe(0);
    const again = await sqliteHub(target);
    try {
      expect((await again.api('get_session', { sessionId })).body.value).toEqual(before);
      expect((await again.api('get_campaign', { campaignId })).body.value.campaign.description).toBe('keep me');
      // The player's token works on the restored hub: token hashes came along.
      expect((await again.api('roll_dice', { expression: '1d6', campaignId }, player)).status).toBe(200);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('refuses to overwrite a store that holds data unless asked, and changes nothing on a bad file', async () => {
    const dataDir = tempDir();
    const hub = await sqliteHub(dataDir);
    const campaignId = (await hub.api('create_campaign', { name: 'Live', system: 'D&D 5e' })).body.value.campaign.id;
    await hub.close();
    const file = join(tempDir(), 'b.jsonl.gz');
    expect((await run(['backup', file], dataDir)).status).toBe(0);

    const refused = await run(['restore', file], dataDir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already holds \d+ keys: restore with --replace/);

    const bad = join(tempDir(), 'bad.jsonl.gz');
    writeFileSync(bad, gzipSync('{"format":"something-else"}\n'));
    const rejected = await run(['restore', bad, '--replace'], dataDir);
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toMatch(/is not a ttrpg-hub backup/);
    const missing = await run(['restore', join(dataDir, 'nope.gz'), '--replace'], dataDir);
    expect(missing.stderr).toMatch(/no such file/);

    const after = await sqliteHub(dataDir);
    try {
      expect((await after.api('get_campaign', { campaignId })).body.value.campaign.name).toBe('Live');
    } finally {
      await after.close();
    }
  }, 60_000);
});

describe('ttrpg-hub roll and search', () => {
  it('rolls from the shell and explains bad notation', async () => {
    const dataDir = tempDir();
    const rolled = await run(['roll', '1d20+5', 'adv'], dataDir);
    expect(rolled.status, rolled.stderr).toBe(0);
    expect(rolled.stdout).toMatch(/2d20kh1\+5: \[\d+d?, \d+d?\]\+5 = \d+/);
    const bad = await run(['roll', '1d20+banana'], dataDir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Could not read "1d20\+banana" at position 6/);
  }, 30_000);

  it('searches the library and says so when it is empty', async () => {
    const result = await run(['search', 'how does grappling work?'], tempDir());
    expect(`${result.stdout}${result.stderr}`).toMatch(/book|library|source/i);
  }, 30_000);
});
