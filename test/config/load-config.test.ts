import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeUrl } from '../../src/config/config-schema.js';
import { envVars } from '../../src/config/env-vars.js';
import { renderExampleEnv } from '../../src/docs/readme-tables.js';
import { loadConfig } from '../../src/config/load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('runs with embedded defaults and no configuration at all', () => {
    const config = loadConfig({ env: {}, cwd: dir });
    expect(config.server).toEqual({ host: '127.0.0.1', port: 3000, allowedOrigins: [] });
    expect(config.dataDir).toBe(resolve('data')); // the installation's data/, wherever the hub is started from
    expect(storeUrl(config)).toBe(`sqlite://${resolve('data')}/hub.sqlite`);
    expect(config.dice.maxDice).toBe(1000);
  });

  it('takes environment variables over files, and the command line over both', () => {
    const file = join(dir, 'hub.yaml');
    writeFileSync(file, 'server:\n  port: 4000\nlog:\n  level: debug\n');
    const config = loadConfig({ file, env: { PORT: '5000', REDIS_URL: 'redis://cache:6379', ALLOWED_ORIGINS: 'foundry.example, obs.local' }, overrides: { 'server.host': '0.0.0.0' } });
    expect(config.server).toEqual({ port: 5000, host: '0.0.0.0', allowedOrigins: ['foundry.example', 'obs.local'] });
    expect(config.log.level).toBe('debug');
    expect(storeUrl(config)).toBe('redis://cache:6379');
    expect(loadConfig({ env: { DATA_DIR: 'campaigns' }, cwd: dir }).dataDir).toBe(join(dir, 'campaigns'));
  });

  it('stops on a wrong value with one line naming the key, the value, where it came from and what is allowed', () => {
    expect(() => loadConfig({ env: { PORT: 'abc' }, cwd: dir })).toThrow(/server\.port = "abc" \(from environment variable PORT\): .*expected number/);
    expect(() => loadConfig({ env: { LOG_LEVEL: 'loud' }, cwd: dir })).toThrow(/log\.level = "loud" .*expected one of "fatal"\|"error"/);
    expect(() => loadConfig({ env: { STORE_URL: 'mysql://x' }, cwd: dir })).toThrow(/storage\.url = "mysql:\/\/x" .*expected a URL starting with sqlite:\/\//);
    expect(() => loadConfig({ env: { HUB_OWNER_TOKEN: 'short' }, cwd: dir })).toThrow(/auth\.ownerToken = \(hidden\) .*at least 24 characters/);
  });

  it('refuses unknown keys in a file, so a typo is not silently ignored', () => {
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, 'sever:\n  port: 4000\n');
    expect(() => loadConfig({ file, env: {} })).toThrow(/Unrecognized key.*sever/);
  });

  it('documents every environment variable in config/example.env (run `npm run docs` after adding one)', () => {
    const example = readFileSync('config/example.env', 'utf8');
    for (const v of envVars) expect(example, v.name).toMatch(new RegExp(`^#? ?${v.name}=`, 'm'));
    expect(example).toBe(renderExampleEnv());
  });
});
