import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AesSecretBox, silentLogger } from '../../src/core/index.js';
import { ensureHubSecretKey } from '../../src/secrets/hub-secret-key.js';
import { ensureOwnerToken } from '../../src/http/owner-token.js';

describe('the hub secret key', () => {
  it('is generated once into the data folder, readable by its owner only, and reused at the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-key-'));
    const first = await ensureHubSecretKey(undefined, dir, silentLogger);
    const again = await ensureHubSecretKey(undefined, dir, silentLogger);
    expect(first.length).toBe(32);
    expect(again.equals(first)).toBe(true);
    expect((await stat(join(dir, 'secret-key'))).mode & 0o777).toBe(0o600);
  });

  it('is the same key and owner token for hubs starting at the same moment on one data folder', async () => {
    // npm start beside Claude Desktop's stdio server, or two hubs started together: none may read a
    // half-written file, and none may write a token of its own over another's.
    const dir = await mkdtemp(join(tmpdir(), 'hub-key-'));
    const [keys, tokens] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, () => ensureHubSecretKey(undefined, dir, silentLogger))),
      Promise.all(Array.from({ length: 30 }, () => ensureOwnerToken(undefined, dir, silentLogger))),
    ]);
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect((await readFile(join(dir, 'owner-token'), 'utf8')).trim()).toBe(tokens[0]!.token);
    expect((await readdir(dir)).sort()).toEqual(['owner-token', 'secret-key']);
    for (const name of ['owner-token', 'secret-key']) expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged owner-token file with a new token, readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-key-'));
    await writeFile(join(dir, 'owner-token'), 'short\n', { mode: 0o644 });
    const { token } = await ensureOwnerToken(undefined, dir, silentLogger);
    expect(token).toMatch(/^tth_owner_.{40,}$/);
    expect((await readFile(join(dir, 'owner-token'), 'utf8')).trim()).toBe(token);
    expect((await stat(join(dir, 'owner-token'))).mode & 0o777).toBe(0o600);
    expect((await ensureOwnerToken(undefined, dir, silentLogger)).token).toBe(token);
  });

  it('refuses a malformed key and says how to make one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-key-'));
    await expect(ensureHubSecretKey('too-short', dir, silentLogger)).rejects.toThrow(/HUB_SECRET_KEY.*openssl rand -base64 32/);
    await writeFile(join(dir, 'secret-key'), 'not base64 at all!!\n');
    await expect(ensureHubSecretKey(undefined, dir, silentLogger)).rejects.toThrow(/secret-key is malformed/);
  });

  it('seals values that cannot be read without the key, nor altered unnoticed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-key-'));
    const box = new AesSecretBox(await ensureHubSecretKey(undefined, dir, silentLogger));
    const sealed = box.seal('sk-ant-very-secret');
    expect(sealed).not.toContain('very-secret');
    expect(box.seal('sk-ant-very-secret')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('sk-ant-very-secret');
    const other = new AesSecretBox(Buffer.alloc(32, 7));
    expect(() => other.open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(await readFile(join(dir, 'secret-key'), 'utf8')).not.toContain('very-secret');
  });
});
