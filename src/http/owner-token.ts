import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
    if (token.length >= 24) return { token, file };
    logger.warn({ file }, 'owner-token file is too short; generating a new owner token');
  } catch {
    // No file yet: first start.
  }
  await mkdir(resolve(dataDir), { recursive: true });
  const token = `tth_owner_${randomBytes(32).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  logger.info({ file }, 'Created the owner token: use it as the bearer token for /mcp, the API and sockets (`ttrpg-hub token` prints it)');
  return { token, file };
}
