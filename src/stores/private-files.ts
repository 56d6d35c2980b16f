import { chmod, mkdir } from 'node:fs/promises';

/**
 * The data folder holds secret notes, hidden combatants, tokens and keys: only the hub's own user
 * may read it. Folders are 0700 and files 0600, also when they existed with looser modes before.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** Narrows an existing file to 0600; a file that is not there (yet) is fine. */
export async function makePrivate(file: string): Promise<void> {
  await chmod(file, 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
