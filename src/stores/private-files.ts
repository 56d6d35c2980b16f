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
 * Returns whether this call created it.
 */
export async function createPrivateFile(file: string, text: string): Promise<boolean> {
  return viaTemporary(file, text, async (temporary) => {
    try {
      await link(temporary, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  });
}

/** Replaces `file` (0600) by one holding `text`, all at once (a rename): readers see the old or the new. */
export async function replacePrivateFile(file: string, text: string): Promise<void> {
  await viaTemporary(file, text, (temporary) => rename(temporary, file));
}

async function viaTemporary<T>(file: string, text: string, put: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    return await put(temporary);
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
