import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, makePrivate, createPrivateFile } from '../stores/private-files.js';
import type { Logger } from '../core/index.js';

export const secretKeyHelp = 'expected 32 bytes in base64, e.g. from `openssl rand -base64 32`';

/** Parses a base64 32-byte key; the error says how to make a good one. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new Error(`The hub secret key from ${source} is malformed: ${secretKeyHelp}`);
  return key;
}

/**
 * The hub's one key for everything secret: `HUB_SECRET_KEY` when set, else `<dataDir>/secret-key`,
 * else generated into that file (0600) on first start, so nothing needs configuring. Never logged.
 */
export async function ensureHubSecretKey(configured: string | undefined, dataDir: string, logger: Logger): Promise<Buffer> {
  if (configured) return parseSecretKey(configured, 'HUB_SECRET_KEY (auth.secretKey)');
  const file = resolve(join(dataDir, 'secret-key'));
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No file yet: first start.
  }
  if (text !== undefined) {
    await makePrivate(file);
    return parseSecretKey(text, file);
  }
  await ensurePrivateDir(resolve(dataDir));
  // Another process starting at the same moment may create it first: then theirs is used, so both
  // encrypt with the same key.
  const created = await createPrivateFile(file, `${randomBytes(32).toString('base64')}\n`);
  await makePrivate(file);
  const stored = parseSecretKey(await readFile(file, 'utf8'), file);
  if (created) logger.info({ file }, 'Created the hub secret key (encrypts stored tokens and API keys); back it up with the data folder');
  return stored;
}
