import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { fail, ok, type Logger, type Result, type Store } from '../core/index.js';
import { ensurePrivateDir, makePrivate } from './private-files.js';

/**
 * Backups of the whole store: every campaign, session, roll page, token hash, setting and the rules
 * library's catalogue and passages (vectors are rebuilt from the passages at the next start). The
 * file is gzipped JSON lines, a header first, then one `[key, value]` per line, so a backup of any
 * size streams in and out without holding it all in memory. It holds secret notes: mode 0600.
 */
const BackupHeaderSchema = z.object({
  format: z.literal('ttrpg-hub-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  hubVersion: z.string(),
  store: z.string(),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export interface BackupProgress {
  (entries: number): void;
}

/** Writes the store to `file` (atomically: a temporary file renamed into place). */
export async function writeBackup(store: Store, file: string, options: { hubVersion: string; onProgress?: BackupProgress; now?: Date }): Promise<{ file: string; entries: number }> {
  const partial = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const finished = once(out, 'close');
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let entries = 0;
  try {
    const header: BackupHeader = { format: 'ttrpg-hub-backup', version: 1, createdAt: (options.now ?? new Date()).toISOString(), hubVersion: options.hubVersion, store: store.kind };
    await write(JSON.stringify(header));
    for await (const entry of store.entries()) {
      await write(JSON.stringify(entry));
      entries++;
      if (entries % 500 === 0) options.onProgress?.(entries);
    }
    gzip.end();
    await finished;
    await makePrivate(partial);
    await rename(partial, file);
  } catch (error) {
    gzip.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  options.onProgress?.(entries);
  return { file, entries };
}

/** Reads and checks a whole backup before anything is restored, so a bad file changes nothing. */
export async function readBackup(file: string): Promise<Result<{ header: BackupHeader; entries: [string, unknown][] }>> {
  const entries: [string, unknown][] = [];
  let header: BackupHeader | undefined;
  let lineNo = 0;
  try {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      lineNo++;
      if (!line) continue;
      const parsed: unknown = JSON.parse(line);
      if (!header) {
        const checked = BackupHeaderSchema.safeParse(parsed);
        if (!checked.success) return fail('BAD_FILE', `${file} is not a ttrpg-hub backup: its first line is not a backup header`, { field: 'file' });
        header = checked.data;
        continue;
      }
      if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string') return fail('BAD_FILE', `${file} line ${lineNo}: expected a [key, value] pair`, { field: 'file' });
      entries.push([parsed[0], parsed[1]]);
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail('BAD_FILE', `Cannot read the backup ${file}${lineNo ? ` (line ${lineNo})` : ''}: ${reason}`, { field: 'file' });
  }
  if (!header) return fail('BAD_FILE', `${file} is empty: expected a ttrpg-hub backup`, { field: 'file' });
  return ok({ header, entries });
}

/**
 * Restores a backup into the store. Refuses a store that already holds data unless `replace` is
 * set, in which case keys absent from the backup are deleted, so the result equals the backup.
 */
export async function restoreBackup(store: Store, file: string, options: { replace?: boolean; onProgress?: BackupProgress } = {}): Promise<Result<{ header: BackupHeader; entries: number; removed: number }>> {
  const backup = await readBackup(file);
  if (!backup.ok) return backup;
  const existing: string[] = [];
  for await (const [key] of store.entries()) existing.push(key);
  if (existing.length > 0 && !options.replace) {
    return fail('STATE', `The store already holds ${existing.length} keys: restore with --replace to make it equal to the backup (stop every hub using it first)`);
  }
  const keep = new Set(backup.value.entries.map(([key]) => key));
  let removed = 0;
  for (const key of existing) if (!keep.has(key) && (await store.delete(key))) removed++;
  let done = 0;
  for (const [key, value] of backup.value.entries) {
    await store.set(key, value);
    if (++done % 500 === 0) options.onProgress?.(done);
  }
  options.onProgress?.(done);
  return ok({ header: backup.value.header, entries: done, removed });
}

export interface BackupSchedule {
  dir: string;
  intervalHours: number;
  keep: number;
}

/** Writes a backup every `intervalHours` into `dir`, keeping the newest `keep` files. */
export function scheduleBackups(store: Store, schedule: BackupSchedule, options: { hubVersion: string; logger: Logger }): { close(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = async () => {
    await ensurePrivateDir(schedule.dir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const { entries } = await writeBackup(store, join(schedule.dir, `ttrpg-hub-${stamp}.jsonl.gz`), { hubVersion: options.hubVersion });
    const files = (await readdir(schedule.dir)).filter((f) => /^ttrpg-hub-.*\.jsonl\.gz$/.test(f)).sort();
    for (const old of files.slice(0, Math.max(0, files.length - schedule.keep))) await rm(join(schedule.dir, old), { force: true });
    options.logger.info({ dir: schedule.dir, entries }, `Backup written (${entries} keys); keeping the newest ${schedule.keep}`);
  };
  const timer = setInterval(() => {
    running ??= run()
      .catch((error: Error) => options.logger.error({ err: error }, 'scheduled backup failed'))
      .finally(() => (running = null));
  }, schedule.intervalHours * 3_600_000);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
