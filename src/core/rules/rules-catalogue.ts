import { hostname } from 'node:os';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import type { Store } from '../ports/store.js';
import type { Chunk, ProfileStats, Source } from './rules-schemas.js';

/** A book's record plus the counts its personality profile is built from. */
export interface CatalogueEntry extends Source {
  stats: ProfileStats;
}

/**
 * The library in one key: which version of each book is live, the versions being written (so a crash
 * half-way is cleaned up on the next start), the active personalities, and a revision number that
 * other hub processes watch to notice a change.
 */
export interface Catalogue {
  revision: number;
  sources: CatalogueEntry[];
  pending: PendingVersion[];
  personality: { hub: string | null; campaigns: Record<string, string> };
}

/** A version being written, and by which process: only a dead writer's leftovers are cleaned up. */
export interface PendingVersion {
  sourceId: string;
  version: string;
  host: string;
  pid: number;
  at: number;
}

export const pendingVersion = (sourceId: string, version: string): PendingVersion => ({ sourceId, version, host: hostname(), pid: process.pid, at: Date.now() });

/** Whether the process that was writing this version is gone (or it has been a day). */
export function isAbandoned(p: PendingVersion): boolean {
  if (p.host !== hostname()) return Date.now() - p.at > 86_400_000;
  try {
    process.kill(p.pid, 0);
    return false;
  } catch {
    return true;
  }
}

export const CATALOGUE_KEY = 'rules:catalogue';
/** One key per book version: its passages, written before the catalogue points at them. */
export const chunksKey = (sourceId: string, version: string) => `rules:chunks:${sourceId}:${version}`;

const empty = (): Catalogue => ({ revision: 0, sources: [], pending: [], personality: { hub: null, campaigns: {} } });

/** Reads and changes the catalogue, one change at a time across every process sharing the store. */
export class CatalogueStore {
  constructor(
    private readonly store: Store,
    private readonly mutex: KeyedMutex,
  ) {}

  async read(): Promise<Catalogue> {
    return (await this.store.get<Catalogue>(CATALOGUE_KEY)) ?? empty();
  }

  /** Applies a change and bumps the revision; returns the catalogue as written. */
  modify(change: (c: Catalogue) => Catalogue | void): Promise<Catalogue> {
    return this.mutex.run(CATALOGUE_KEY, async () => {
      // Atomic across processes (an ingest in the CLI while the hub runs); `change` may run again.
      const written = await this.store.update<Catalogue>(CATALOGUE_KEY, (stored) => {
        const current = stored ?? empty();
        const draft = structuredClone(current);
        const next = change(draft) ?? draft;
        return { ...next, revision: current.revision + 1 };
      });
      return written!;
    });
  }

  async chunks(sourceId: string, version: string): Promise<Chunk[] | undefined> {
    return this.store.get<Chunk[]>(chunksKey(sourceId, version));
  }

  writeChunks(sourceId: string, version: string, chunks: Chunk[]): Promise<void> {
    return this.store.set(chunksKey(sourceId, version), chunks);
  }

  deleteChunks(sourceId: string, version: string): Promise<boolean> {
    return this.store.delete(chunksKey(sourceId, version));
  }
}

/** The public record of a catalogue entry (without the raw profile counts). */
export function sourceOf(entry: CatalogueEntry): Source {
  const { stats: _stats, ...source } = entry;
  return source;
}
