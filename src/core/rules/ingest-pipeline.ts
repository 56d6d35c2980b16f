import type { Clock } from '../ports/clock.js';
import type { Embedder } from '../ports/embedder.js';
import type { Logger } from '../ports/logger.js';
import type { PdfReader } from '../ports/pdf-reader.js';
import type { SearchIndex } from '../ports/search-index.js';
import { fail, ok, type Result } from '../result.js';
import { chunkSections, type ChunkOptions } from './chunker.js';
import { chunkTitle, type LibraryIndex } from './library-index.js';
import { profileStats } from './personality.js';
import { pendingVersion, type CatalogueEntry, type CatalogueStore } from './rules-catalogue.js';
import type { Chunk, IngestPhase, Source, SourceType } from './rules-schemas.js';
import { recoverStructure } from './structure.js';

/** What to ingest, decided by the library before the job is queued. */
export interface IngestPlan {
  sourceId: string;
  name: string;
  system: string;
  sourceType: SourceType;
  gmOnly: boolean;
  fileName: string;
  version: string;
  bytes: Uint8Array;
  /** The live version this one replaces, if any. */
  previous?: CatalogueEntry;
}

export interface PipelineDeps {
  index: LibraryIndex;
  catalogue: CatalogueStore;
  vectors: SearchIndex | null;
  embedder: Embedder | null;
  reader: PdfReader;
  logger: Logger;
  clock: Clock;
  chunkOptions: ChunkOptions;
  embedBatch: number;
}

export type Report = (phase: IngestPhase, percent: number, message: string) => void;

const cancelled = (name: string) => fail('CANCELLED', `Ingestion of "${name}" was cancelled; the library is unchanged`);

/**
 * Reads a PDF into the library. Until the catalogue write at the end nothing is visible: passages are
 * staged in the keyword index, vectors are written under the new version, the passages are stored
 * under their own key, and only then does the catalogue point at the new version (the commit). On
 * failure or cancellation before that, everything written for this version is removed again.
 */
export async function runIngest(plan: IngestPlan, deps: PipelineDeps, report: Report, signal: AbortSignal): Promise<Result<{ source: Source; warnings: string[] }>> {
  const { catalogue, index } = deps;
  await catalogue.modify((c) => void c.pending.push(pendingVersion(plan.sourceId, plan.version)));
  let committed = false;
  try {
    report('reading', 0, `Reading ${plan.fileName}`);
    const pdf = await deps.reader.read(plan.bytes, plan.fileName, { signal, onPages: (done, total) => report('reading', (done / total) * 60, `Read page ${done} of ${total}`) });
    if (signal.aborted) return cancelled(plan.name);
    if (!pdf.ok) return pdf.error.code === 'CANCELLED' ? cancelled(plan.name) : pdf;

    report('structuring', 60, 'Recovering headings, tables, spells and stat blocks');
    const structure = recoverStructure(pdf.value.pages, pdf.value.outline);
    const drafts = chunkSections(structure.sections, plan.sourceType, deps.chunkOptions);
    if (drafts.length === 0) return fail('BAD_FILE', `${plan.fileName} has no text to index`, { field: 'path' });
    const chunks: Chunk[] = drafts.map((d, ord) => ({ ...d, id: `${plan.sourceId}:${plan.version}:${ord}`, sourceId: plan.sourceId, version: plan.version, ord }));
    const stats = profileStats(chunks.map((c) => c.text));
    const warnings = pdf.value.emptyPages ? [`${pdf.value.emptyPages} pages have no text layer (images?) and were skipped`] : [];

    // Reported before the first batch: loading the embedder (the word-vector table is built on first use) is embedding time.
    report('embedding', 65, `Embedding ${chunks.length} passages`);
    const embedded = await embedChunks(chunks, plan, deps, (done) => report('embedding', 65 + (done / chunks.length) * 32, `Embedded ${done} of ${chunks.length} passages`), signal);
    if (signal.aborted) return cancelled(plan.name);
    if (!embedded.ok) warnings.push(`Keyword search only for now: ${embedded.error.message}`);

    report('indexing', 97, 'Indexing keywords');
    await index.stage({ id: plan.sourceId, system: plan.system, sourceType: plan.sourceType }, plan.version, chunks);
    await catalogue.writeChunks(plan.sourceId, plan.version, chunks);
    if (signal.aborted) return cancelled(plan.name);

    const now = deps.clock.now().toISOString();
    const contentTypes: Record<string, number> = {};
    for (const c of chunks) contentTypes[c.contentType] = (contentTypes[c.contentType] ?? 0) + 1;
    const source: Source = {
      id: plan.sourceId,
      name: plan.name,
      system: plan.system,
      sourceType: plan.sourceType,
      gmOnly: plan.gmOnly,
      fileName: plan.fileName,
      version: plan.version,
      pages: pdf.value.pages.length,
      chunks: chunks.length,
      sections: structure.sections.length,
      contentTypes,
      structure: structure.method,
      embedded: embedded.ok,
      addedAt: plan.previous?.addedAt ?? now,
      updatedAt: now,
    };
    // The commit: one write switches the book to the new version.
    await catalogue.modify((c) => {
      c.sources = [...c.sources.filter((s) => s.id !== plan.sourceId), { ...source, stats }];
      c.pending = c.pending.filter((p) => p.version !== plan.version || p.sourceId !== plan.sourceId);
    });
    committed = true;
    index.goLive(source);
    if (plan.previous && plan.previous.version !== plan.version) await removeVersion(plan.sourceId, plan.previous.version, deps);
    report('done', 100, `Added ${chunks.length} passages from ${source.pages} pages`);
    return ok({ source, warnings });
  } finally {
    if (!committed) await rollback(plan, deps);
  }
}

/** Embeds passages in batches and writes their vectors; a failing embedder or index is reported, not thrown. */
export async function embedChunks(
  chunks: Chunk[],
  meta: Pick<Source, 'system' | 'sourceType'> & { sourceId: string; version: string },
  deps: Pick<PipelineDeps, 'vectors' | 'embedder' | 'embedBatch'>,
  onBatch: (done: number) => void,
  signal: AbortSignal,
): Promise<Result<true>> {
  const { vectors, embedder } = deps;
  if (!vectors || !embedder) return fail('UNAVAILABLE', 'no embedder is configured');
  for (let i = 0; i < chunks.length; i += deps.embedBatch) {
    if (signal.aborted) return fail('CANCELLED', 'cancelled');
    const batch = chunks.slice(i, i + deps.embedBatch);
    const vecs = await embedder.embed(batch.map((c) => `${chunkTitle(c)}\n${c.text}`), signal);
    if (!vecs.ok) return vecs;
    try {
      await vectors.upsert(
        batch.map((c, j) => ({ id: c.id, vector: vecs.value[j]!, sourceId: meta.sourceId, version: meta.version, system: meta.system, sourceType: meta.sourceType, contentType: c.contentType })),
      );
    } catch (error) {
      return fail('UNAVAILABLE', `the ${vectors.kind} vector index refused the passages (${(error as Error).message})`);
    }
    onBatch(Math.min(chunks.length, i + batch.length));
  }
  return ok(true);
}

/** Removes everything written for a version: staged keywords, vectors, stored passages. */
export async function removeVersion(sourceId: string, version: string, deps: Pick<PipelineDeps, 'index' | 'catalogue' | 'vectors' | 'logger'>): Promise<void> {
  deps.index.drop(sourceId, version);
  await deps.vectors?.removeSource(sourceId, version).catch((error: Error) => deps.logger.warn({ err: error, sourceId, version }, 'could not remove vectors; they are ignored and removed on the next start'));
  await deps.catalogue.deleteChunks(sourceId, version);
}

async function rollback(plan: IngestPlan, deps: PipelineDeps): Promise<void> {
  // The live version may be this very one (a re-run after a crash): never remove what is live.
  if (deps.index.live(plan.sourceId)?.version !== plan.version) await removeVersion(plan.sourceId, plan.version, deps);
  await deps.catalogue.modify((c) => {
    c.pending = c.pending.filter((p) => p.version !== plan.version || p.sourceId !== plan.sourceId);
  });
}
