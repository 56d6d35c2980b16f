import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-ddb-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dndbeyond configuration block', () => {
  it("defaults to D&D Beyond's own services", () => {
    expect(loadConfig({ env: {}, cwd: dir }).dndbeyond).toEqual({
      apiUrl: 'https://character-service.dndbeyond.com/character/v5',
      authUrl: 'https://auth-service.dndbeyond.com/v1/cobalt-token',
      timeoutMs: 15_000,
    });
  });

  it('takes DNDBEYOND_API_URL, DNDBEYOND_AUTH_URL and DNDBEYOND_TIMEOUT_MS', () => {
    const env = { DNDBEYOND_API_URL: 'http://127.0.0.1:9999/character/v5', DNDBEYOND_AUTH_URL: 'http://127.0.0.1:9999/v1/cobalt-token', DNDBEYOND_TIMEOUT_MS: '2500' };
    expect(loadConfig({ env, cwd: dir }).dndbeyond).toEqual({ apiUrl: env.DNDBEYOND_API_URL, authUrl: env.DNDBEYOND_AUTH_URL, timeoutMs: 2500 });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ env: { DNDBEYOND_TIMEOUT_MS: '10' }, cwd: dir })).toThrow(/dndbeyond\.timeoutMs.*DNDBEYOND_TIMEOUT_MS/s);
    expect(() => loadConfig({ env: { DNDBEYOND_API_URL: 'not a url' }, cwd: dir })).toThrow(/dndbeyond\.apiUrl/);
  });
});
