import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/core/index.js';
import { startDdbStandIn } from '../../helpers/dndbeyond-standin.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

// import_character through a real hub (HTTP API), its D&D Beyond importer pointed at a local stand-in.
const character = (JSON.parse(readFileSync(new URL('../../fixtures/dndbeyond/fighter5-belt-plate-shield.json', import.meta.url), 'utf8')) as { data: Record<string, any> }).data;
const COOKIE = 'hub-e2e-cobalt-session-cookie-value';

const lines: string[] = [];
function collectingLogger(bindings: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (obj: object, msg?: string) => void lines.push(JSON.stringify({ level, ...bindings, ...obj, msg }));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (more) => collectingLogger({ ...bindings, ...more }) };
}

let ddb: Awaited<ReturnType<typeof startDdbStandIn>>;
let hub: TestHub;
beforeAll(async () => {
  ddb = await startDdbStandIn({ validCookie: COOKIE });
  ddb.characters.set('3001', { kind: 'public', data: character });
  ddb.characters.set('3002', { kind: 'private', data: { ...character, id: 3002, name: 'Hidden Hild' } });
  hub = await startTestHub({ dndbeyond: { apiUrl: ddb.apiUrl, authUrl: ddb.authUrl, timeoutMs: 5000 } }, { logger: collectingLogger() });
});
afterAll(async () => {
  await hub?.close();
  await ddb?.close();
});

async function must(tool: string, input: Record<string, unknown>) {
  const res = await hub.api(tool, input);
  if (res.status !== 200) throw new Error(`${tool}: ${JSON.stringify(res.body)}`);
  return res.body.value;
}

describe('import_character from D&D Beyond through the hub', () => {
  it('imports by URL, rolls with the sheet, and a re-import refreshes the same character', async () => {
    const campaignId = (await must('create_campaign', { name: 'Beyond', system: 'D&D 5e' })).campaign.id;
    const first = await must('import_character', { campaignId, url: 'https://www.dndbeyond.com/characters/3001' });
    expect(first.characters).toHaveLength(1);
    const sheet = first.characters[0].character;
    expect(first.characters[0].status).toBe('created');
    expect(sheet).toMatchObject({ name: 'Brakka Ironbelt', ac: 23, abilities: { str: 21 }, hp: { max: 44, current: 40, temp: 5 }, source: { provider: 'dndbeyond', id: '9000001', url: 'https://www.dndbeyond.com/characters/3001' } });

    // The sheet's longsword: +9 to hit, 1d8+6.
    const attack = await must('roll_check', { campaignId, character: sheet.id, check: 'longsword' });
    expect(attack).toMatchObject({ kind: 'attack', character: { id: sheet.id, name: 'Brakka Ironbelt' } });
    expect(attack.expression).toMatch(/^1d20\+9\b/);

    // The player takes damage on D&D Beyond; importing again updates the same character.
    character.removedHitPoints = 20;
    const again = await must('import_character', { campaignId, id: '3001' });
    expect(again.characters[0]).toMatchObject({ status: 'refreshed', character: { id: sheet.id, hp: { max: 44, current: 24 } } });
    const listed = await must('list_characters', { campaignId });
    expect(listed.characters.map((c: { id: string }) => c.id)).toEqual([sheet.id]);
  });

  it('refuses a private character without the cookie, stores nothing, then imports it with the cookie, reused next time', async () => {
    const campaignId = (await must('create_campaign', { name: 'Private', system: 'D&D 5e' })).campaign.id;
    const refused = await hub.api('import_character', { campaignId, url: 'https://www.dndbeyond.com/characters/3002' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toMatch(/private.*CobaltSession/);
    expect((await must('list_characters', { campaignId })).characters).toEqual([]);

    const imported = await must('import_character', { campaignId, url: 'https://www.dndbeyond.com/characters/3002', credential: COOKIE });
    expect(imported.characters[0].character.name).toBe('Hidden Hild');
    const exchanges = ddb.exchanges;
    // The hub kept the cookie (sealed) for this user; the token it got is reused too.
    const again = await must('import_character', { campaignId, url: 'https://www.dndbeyond.com/characters/3002' });
    expect(again.characters[0].status).toBe('refreshed');
    expect(ddb.exchanges).toBe(exchanges);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(COOKIE);
      for (const token of ddb.issuedTokens) expect(line).not.toContain(token);
    }
  });
});
