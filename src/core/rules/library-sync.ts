import { randomUUID } from 'node:crypto';
import type { Logger } from '../ports/logger.js';
import { embedChunks, removeVersion, type PipelineDeps } from './ingest-pipeline.js';
import type { IngestQueue } from './ingest-queue.js';
import { isAbandoned, sourceOf, type Catalogue } from './rules-catalogue.js';

export type SyncDeps = PipelineDeps & { queue: IngestQueue; logger: Logger };

/**
 * Makes memory match the catalogue: loads books that appeared or changed version (another hub
 * process, or this one at start), drops those that went. Returns whether anything changed.
 */
export async function syncFromCatalogue(catalogue: Catalogue, deps: SyncDeps): Promise<boolean> {
  const { index } = deps;
  let changed = false;
  for (const live of index.sources()) {
    if (!catalogue.sources.some((s) => s.id === live.id && s.version === live.version)) {
      index.drop(live.id, live.version);
      changed = true;
    }
  }
  for (const entry of catalogue.sources) {
    if (index.live(entry.id)?.version === entry.version) continue;
    const chunks = await deps.catalogue.chunks(entry.id, entry.version);
    if (!chunks) {
      deps.logger.error({ source: entry.name, version: entry.version }, 'a book in the catalogue has no stored passages; add it again');
      continue;
    }
    await index.stage(entry, entry.version, chunks);
    const replaced = index.goLive(sourceOf(entry));
    if (replaced && replaced.version !== entry.version) index.drop(replaced.id, replaced.version);
    changed = true;
  }
  return changed;
}

/** Removes the versions an interrupted ingestion (a crashed or killed hub) left half-written. */
export async function cleanAbandoned(catalogue: Catalogue, deps: SyncDeps): Promise<void> {
  const stale = catalogue.pending.filter(isAbandoned);
  if (!stale.length) return;
  for (const p of stale) {
    if (catalogue.sources.some((s) => s.id === p.sourceId && s.version === p.version)) continue;
    await removeVersion(p.sourceId, p.version, deps);
  }
  await deps.catalogue.modify((c) => void (c.pending = c.pending.filter((p) => !stale.some((s) => s.sourceId === p.sourceId && s.version === p.version))));
  deps.logger.info({ versions: stale.length }, 'removed what an interrupted ingestion left behind');
}

/**
 * Queues books whose vectors are missing (a new embedder, a lost Chroma, an earlier outage) to be
 * embedded again from their stored passages; until then they are found by keywords.
 */
export async function repairVectors(deps: SyncDeps, closed: () => boolean): Promise<void> {
  const { vectors, embedder, index } = deps;
  if (!vectors || !embedder) return;
  for (const source of index.sources()) {
    if (closed() || (await vectors.count(source.id, source.version)) >= source.chunks) continue;
    const chunks = index.chunksOf(source.id, source.version);
    deps.queue.enqueue({ jobId: randomUUID(), sourceId: source.id, name: source.name, fileName: source.fileName }, `reindex:${source.version}`, async (report, signal) => {
      report('embedding', 0, `Embedding ${chunks.length} passages again for ${vectors.kind}`);
      const done = await embedChunks(chunks, { ...source, sourceId: source.id }, deps, (n) => report('embedding', (n / chunks.length) * 100, `Embedded ${n} of ${chunks.length} passages`), signal);
      if (done.ok && !source.embedded) {
        await deps.catalogue.modify((c) => void (c.sources = c.sources.map((s) => (s.id === source.id ? { ...s, embedded: true } : s))));
        if (index.live(source.id)?.version === source.version) index.goLive({ ...source, embedded: true });
      }
      if (!done.ok) deps.logger.warn({ source: source.name, reason: done.error.message }, 'could not embed a book again; it is found by keywords only');
      return done;
    });
  }
}
