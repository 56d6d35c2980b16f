import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, makePrivate, createPrivateFile, replacePrivateFile } from '../stores/private-files.js';
import type { Logger } from '../core/index.js';

/**
 * The owner token: from configuration, else from `<dataDir>/owner-token`, else freshly generated
 * into that file (readable by this user only). The token itself is never logged.
 */
export async function ensureOwnerToken(configured: string | undefined, dataDir: string, logger: Logger): Promise<{ token: string; file: string | null }> {
  if (configured) return { token: configured, file: null };
  const file = resolve(join(dataDir, 'owner-token'));
  let damaged = false;
  try {
    const token = (await readFile(file, 'utf8')).trim();
    if (token.length >= 24) {
      await makePrivate(file);
      return { token, file };
    }
    damaged = true;
    logger.warn({ file }, 'owner-token file is too short; generating a new owner token');
  } catch {
    // No file yet: first start.
  }
  await ensurePrivateDir(resolve(dataDir));
  // Created whole or not at all: a second process starting at the same moment (npm start beside
  // Claude Desktop's stdio server) reads the same token rather than half of one, or writing its own.
  const fresh = `tth_owner_${randomBytes(32).toString('base64url')}\n`;
  let created = true;
  if (damaged) await replacePrivateFile(file, fresh);
  else created = await createPrivateFile(file, fresh);
  await makePrivate(file);
  const token = (await readFile(file, 'utf8')).trim();
  if (created) logger.info({ file }, 'Created the owner token: use it as the bearer token for /mcp, the API and sockets (`ttrpg-hub token` prints it)');
  return { token, file };
}
