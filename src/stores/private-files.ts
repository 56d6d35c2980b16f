import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';

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

/**
 * Creates `file` (0600) holding `text` unless it exists, all at once: the text goes to a temporary
 * file first, which is then linked into place, so another process starting at the same moment sees
 * either no file or the whole of it, never a half-written one, and only one of them creates it.
 * Returns whether this call created it. With `replace`, an existing file is swapped for the new one
 * (atomically, by rename).
 */
export async function writePrivateFileOnce(file: string, text: string, replace = false): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    if (replace) {
      await rename(temporary, file);
      return true;
    }
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
