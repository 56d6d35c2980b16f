import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/core/index.js';
import { createDndBeyondImporter, type DndBeyondImporterOptions } from '../../../src/importers/dndbeyond/index.js';
import { startDdbStandIn } from '../../helpers/dndbeyond-standin.js';

const character = (JSON.parse(readFileSync(new URL('../../fixtures/dndbeyond/fighter5-belt-plate-shield.json', import.meta.url), 'utf8')) as { data: Record<string, unknown> }).data;
const COOKIE = 'eyJ0ZXN0IjoiY29iYWx0LXNlc3Npb24tY29va2llIn0.secret-cookie-value';

/** Every line the importer logs, serialised, so a test can look for secrets in them. */
const lines: string[] = [];
function collectingLogger(bindings: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (obj: object, msg?: string) => void lines.push(JSON.stringify({ level, ...bindings, ...obj, msg }));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (more) => collectingLogger({ ...bindings, ...more }) };
}

let ddb: Awaited<ReturnType<typeof startDdbStandIn>>;
let clock = Date.parse('2026-01-01T00:00:00Z');
const importer = (extra: Partial<DndBeyondImporterOptions> = {}) =>
  createDndBeyondImporter({ apiUrl: ddb.apiUrl, authUrl: ddb.authUrl, logger: collectingLogger(), now: () => clock, timeoutMs: 5000, ...extra });
const signal = () => new AbortController().signal;

beforeAll(async () => {
  ddb = await startDdbStandIn({ validCookie: COOKIE, ttlSeconds: 300 });
  ddb.characters.set('1001', { kind: 'public', data: character });
  ddb.characters.set('1002', { kind: 'private', data: { ...character, name: 'Secret Sal' } });
  ddb.characters.set('1003', { kind: 'deleted' });
  ddb.characters.set('1004', { kind: 'html', status: 503 });
  ddb.characters.set('1005', { kind: 'slow', ms: 20_000, data: character });
  ddb.characters.set('1006', { kind: 'huge', bytes: 8 * 1024 * 1024, declareLength: false });
  ddb.characters.set('1007', { kind: 'huge', bytes: 8 * 1024 * 1024, declareLength: true });
  ddb.characters.set('1008', { kind: 'html', status: 403 });
});
afterAll(() => ddb?.close());

describe('importing from D&D Beyond by link or id', () => {
  it.each([
    ['a character page', 'https://www.dndbeyond.com/characters/1001'],
    ['a profile link', 'https://www.dndbeyond.com/profile/SomePlayer/characters/1001'],
    ['a share link', 'https://www.dndbeyond.com/characters/1001/Ab3dEf'],
    ['a character-service URL', 'https://character-service.dndbeyond.com/character/v5/character/1001'],
  ])('fetches a public character from %s without any credential', async (_label, url) => {
    const before = ddb.requests.length;
    const result = await importer().import({ url }, signal());
    expect(result).toMatchObject({ ok: true, value: { name: 'Brakka Ironbelt', ac: 23, source: { provider: 'dndbeyond', id: '9000001', url: 'https://www.dndbeyond.com/characters/1001' } } });
    const sent = ddb.requests.slice(before);
    expect(sent).toEqual([{ method: 'GET', path: '/character/v5/character/1001', authorization: null, cookie: null }]);
  });

  it('fetches by bare id', async () => {
    expect(await importer().import({ id: '1001' }, signal())).toMatchObject({ ok: true, value: { name: 'Brakka Ironbelt' } });
  });

  it('says how to get the cookie when a private character is asked for without one', async () => {
    const result = await importer().import({ url: 'https://www.dndbeyond.com/characters/1002' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'url' } });
    expect(!result.ok && result.error.message).toMatch(/character 1002 is private.*no OAuth.*CobaltSession/s);
  });

  it('exchanges the CobaltSession cookie for a token, reuses it until it expires, then exchanges again', async () => {
    const ddbImporter = importer();
    const start = ddb.exchanges;
    const first = await ddbImporter.import({ id: '1002', credential: COOKIE }, signal());
    expect(first).toMatchObject({ ok: true, value: { name: 'Secret Sal' } });
    const exchange = ddb.requests.findLast((r) => r.path === '/v1/cobalt-token');
    expect(exchange).toMatchObject({ method: 'POST', cookie: `CobaltSession=${COOKIE}` });
    const fetch = ddb.requests.at(-1);
    expect(fetch?.authorization).toMatch(/^Bearer ddb-token-/);
    expect(ddb.issuedTokens.has(fetch!.authorization!.slice(7))).toBe(true);

    // A pasted "CobaltSession=..." works too, and hits the cache.
    clock += 60_000;
    expect(await ddbImporter.import({ id: '1002', credential: `CobaltSession=${COOKIE}` }, signal())).toMatchObject({ ok: true });
    expect(ddb.exchanges).toBe(start + 1);

    clock += 300_000; // past the five-minute ttl
    expect(await ddbImporter.import({ id: '1002', credential: COOKIE }, signal())).toMatchObject({ ok: true });
    expect(ddb.exchanges).toBe(start + 2);
  });

  it('reports a cookie the auth service refuses', async () => {
    const result = await importer().import({ id: '1002', credential: 'expired-cookie' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'credential' } });
    expect(!result.ok && result.error.message).toMatch(/CobaltSession cookie .*expired/);
  });

  it('reports a deleted character', async () => {
    const result = await importer().import({ url: 'https://www.dndbeyond.com/characters/1003' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'url' } });
    expect(!result.ok && result.error.message).toMatch(/1003 does not exist: it was deleted/);
  });

  it.each([
    ['a maintenance page (503)', '1004'],
    ['a browser check (403 HTML), which is not a private character', '1008'],
  ])('reports %s instead of JSON', async (_label, id) => {
    const result = await importer().import({ id }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', field: 'id' } });
    expect(!result.ok && result.error.message).toMatch(/answered with a web page \(HTTP (503|403)\) instead of the character's JSON/);
  });

  it('gives up on a slow answer after the timeout', async () => {
    const started = performance.now();
    const result = await importer({ timeoutMs: 1000 }).import({ id: '1005' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!result.ok && result.error.message).toMatch(/did not send .* within 1 s/);
    // The stand-in waits 20 s; generous bound for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await importer().import({ id: '1005' }, controller.signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it.each([
    ['streamed without a length', '1006'],
    ['with a declared length', '1007'],
  ])('stops reading an oversize answer %s', async (_label, id) => {
    const cutBefore = ddb.cutOff;
    const result = await importer({ maxBytes: 1024 * 1024 }).import({ id }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'LIMIT' } });
    expect(!result.ok && result.error.message).toMatch(/larger than 1 MB; the download was stopped/);
    // The stand-in saw the connection close before it had sent its 8 MB.
    await expect.poll(() => ddb.cutOff, { timeout: 5000 }).toBe(cutBefore + 1);
  });

  it('refuses links that hold no character id', async () => {
    const result = await importer().import({ url: 'https://www.dndbeyond.com/campaigns/42' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'url' } });
  });

  it('never logs the cookie or the token', () => {
    expect(lines.length).toBeGreaterThan(5);
    const tokens = [...ddb.issuedTokens];
    expect(tokens.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(COOKIE);
      expect(line).not.toContain('secret-cookie-value');
      for (const token of tokens) expect(line).not.toContain(token);
    }
  });
});
