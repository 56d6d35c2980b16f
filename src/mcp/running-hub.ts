import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { replacePrivateFile } from '../stores/private-files.js';

/** What `ttrpg-hub start` leaves in the data folder while it runs, so local clients can find it. */
export interface RunningHubInfo {
  url: string;
  pid: number;
  startedAt: string;
}

export const runningHubFile = (dataDir: string) => resolve(join(dataDir, 'hub.json'));

/**
 * Announces this hub in its data folder (0600) and returns the function that withdraws the
 * announcement, which leaves a file written meanwhile by another hub on the same folder alone.
 */
export async function announceHub(dataDir: string, url: string): Promise<() => Promise<void>> {
  const info: RunningHubInfo = { url, pid: process.pid, startedAt: new Date().toISOString() };
  const file = runningHubFile(dataDir);
  // Put in place whole (a rename): a client looking at that moment finds the old file or the new one,
  // never an empty one it would take for no hub.
  await replacePrivateFile(file, JSON.stringify(info));
  return async () => {
    const now = await readInfo(file);
    if (now?.pid === info.pid && now.url === info.url) await rm(file, { force: true });
  };
}

/**
 * The hub running on this data folder, if one answers. A file left by a hub that was killed is
 * stale: its process is gone or its address does not answer /health within a second.
 */
export async function findRunningHub(dataDir: string): Promise<RunningHubInfo | null> {
  const info = await readInfo(runningHubFile(dataDir));
  if (!info || !alive(info.pid)) return null;
  try {
    const res = await fetch(`${info.url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? info : null;
  } catch {
    return null;
  }
}

async function readInfo(file: string): Promise<RunningHubInfo | null> {
  try {
    const info = JSON.parse(await readFile(file, 'utf8')) as RunningHubInfo;
    return typeof info.url === 'string' && Number.isInteger(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
