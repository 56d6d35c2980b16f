import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, makePrivate } from '../stores/private-files.js';
import type { Logger } from '../core/index.js';

/**
 * The owner token: from configuration, else from `<dataDir>/owner-token`, else freshly generated
 * into that file (readable by this user only). The token itself is never logged.
 */
export async function ensureOwnerToken(configured: string | undefined, dataDir: string, logger: Logger): Promise<{ token: string; file: string | null }> {
  if (configured) return { token: configured, file: null };
  const file = resolve(join(dataDir, 'owner-token'));
  try {
    const token = (await readFile(file, 'utf8')).trim();
    if (token.length >= 24) {
      await makePrivate(file);
      return { token, file };
    }
    logger.warn({ file }, 'owner-token file is too short; generating a new owner token');
  } catch {
    // No file yet: first start.
  }
  await ensurePrivateDir(resolve(dataDir));
  const token = `tth_owner_${randomBytes(32).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created: a regenerated token must not keep an old 0644.
  await makePrivate(file);
  logger.info({ file }, 'Created the owner token: use it as the bearer token for /mcp, the API and sockets (`ttrpg-hub token` prints it)');
  return { token, file };
}
