import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fail, ok, type Result } from '../result.js';

export interface AllowedFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Reads a book the caller named, but only from the folders the hub owner allowed: an assistant talking
 * to the hub must not be talked into indexing (and showing players) any PDF on the machine. Symbolic
 * links are resolved before the check, so a link inside an allowed folder cannot point outside it.
 * A relative path is taken inside the first allowed folder.
 */
export async function readAllowedFile(path: string, allowedFolders: string[], maxBytes: number): Promise<Result<AllowedFile>> {
  if (allowedFolders.length === 0) return fail('FORBIDDEN', 'No folder is allowed for books: set rules.allowedFolders (RULES_ALLOWED_FOLDERS)', { field: 'path' });
  const wanted = isAbsolute(path) ? path : resolve(allowedFolders[0]!, path);
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return fail('NOT_FOUND', `There is no file at ${wanted}`, { field: 'path' });
  }
  const folders = (await Promise.all(allowedFolders.map((f) => realpath(resolve(f)).catch(() => null)))).filter((f): f is string => f !== null);
  const inside = folders.some((folder) => {
    const rel = relative(folder, real);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (!inside) {
    return fail(
      'FORBIDDEN',
      `${wanted} is outside the folders the hub may read books from (${allowedFolders.join(', ')}): move the file into one of them, or add its folder to rules.allowedFolders (RULES_ALLOWED_FOLDERS)`,
      { field: 'path' },
    );
  }
  const info = await stat(real);
  if (!info.isFile()) return fail('BAD_FILE', `${wanted} is not a file`, { field: 'path' });
  if (info.size > maxBytes) {
    return fail('LIMIT', `${basename(real)} is ${(info.size / 2 ** 20).toFixed(0)} MB, over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (rules.maxFileMb)`, { field: 'path' });
  }
  return ok({ path: real, fileName: basename(real), bytes: new Uint8Array(await readFile(real)) });
}
