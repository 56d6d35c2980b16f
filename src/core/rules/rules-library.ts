import { createHash, randomUUID } from 'node:crypto';
import { actorRef, type Actor } from '../access/actor.js';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import type { Clock } from '../ports/clock.js';
import type { Embedder } from '../ports/embedder.js';
import type { Reranker } from '../ports/reranker.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Logger } from '../ports/logger.js';
import type { PdfReader } from '../ports/pdf-reader.js';
import type { KeywordIndex, SearchIndex } from '../ports/search-index.js';
import type { Store } from '../ports/store.js';
import { fail, ok, type Result } from '../result.js';
import { readAllowedFile } from './allowed-paths.js';
import { removeVersion, runIngest, type PipelineDeps } from './ingest-pipeline.js';
import { IngestQueue, type IngestJob, type StatusListener } from './ingest-queue.js';
import { LibraryIndex } from './library-index.js';
import { profileFor } from './personality.js';
import { cleanAbandoned, repairVectors, syncFromCatalogue } from './library-sync.js';
import { CatalogueStore, type Catalogue } from './rules-catalogue.js';
import type { RulesOptions } from './rules-options.js';
import type { IngestStatus, PersonalityProfile, Source, SourceType } from './rules-schemas.js';
import { searchLibrary, type SearchRequest, type SearchResponse } from './rules-search.js';
import { SearchCache } from './search-cache.js';

export interface RulesDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  mutex: KeyedMutex;
  keywords: KeywordIndex;
  /** null: no vector index at all (keyword search only). */
  vectors: SearchIndex | null;
  embedder: Embedder | null;
  /** Reads the PDFs (pdf-parse in a worker, src/readers/). */
  reader: PdfReader;
  /** Optional: reorders the best candidates of each search (see Reranker). */
  reranker?: Reranker | null;
  options: RulesOptions;
}

export interface AddSourceRequest {
  path: string;
  name: string;
  system: string;
  sourceType: SourceType;
  gmOnly: boolean;
  /** Folders allowed for this request besides the configured ones (the CLI allows the file it was given). */
  extraFolders?: string[];
}

export interface AddSourceOutcome {
  job: IngestStatus;
  source: Source | null;
  unchanged: boolean;
  warnings: string[];
}

const slug = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'book';

/**
 * The GM's library of books: ingestion in the background, hybrid search with a cache, and the
 * personality of each game system. The books belong to the hub, not to a campaign, so one copy of
 * a rulebook serves every table. The store holds the truth (the catalogue and every passage); the
 * keyword and vector indexes are derived from it and rebuilt when missing.
 */
export class RulesLibrary {
  readonly #index: LibraryIndex;
  readonly #catalogue: CatalogueStore;
  readonly #queue: IngestQueue;
  readonly #cache: SearchCache<SearchResponse>;
  #ready: Promise<void> | undefined;
  #seenRevision = -1;
  #lastCheck = 0;
  #vectorTrouble: { reason: string; until: number } | null = null;
  #closed = false;
  #repairing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RulesDeps) {
    this.#index = new LibraryIndex(deps.keywords);
    this.#catalogue = new CatalogueStore(deps.store, deps.mutex);
    this.#queue = new IngestQueue((status) => void this.#publish(status));
    this.#cache = new SearchCache(deps.options.cacheSize);
  }

  /** Loads the library into memory (once); every public method waits for it. */
  ready(): Promise<void> {
    return (this.#ready ??= this.#load());
  }

  async addSource(req: AddSourceRequest, actor: Actor, listener?: StatusListener): Promise<Result<{ job: IngestStatus; done: Promise<Result<AddSourceOutcome>> }>> {
    await this.#fresh();
    if (this.#closed) return fail('UNAVAILABLE', 'The hub is stopping');
    const file = await readAllowedFile(req.path, [...this.deps.options.allowedFolders, ...(req.extraFolders ?? [])], this.deps.options.maxFileBytes);
    if (!file.ok) return file;
    const version = createHash('sha256').update(file.value.bytes).digest('hex').slice(0, 16);
    const same = this.#index.sources().find((s) => s.version === version);
    if (same) {
      const job: IngestStatus = { jobId: randomUUID(), sourceId: same.id, name: same.name, fileName: file.value.fileName, phase: 'unchanged', progress: 100, total: 100, message: `Already in the library as "${same.name}" (same content)` };
      return ok({ job, done: Promise.resolve(ok({ job, source: same, unchanged: true, warnings: [] })) });
    }
    const running = this.#queue.find((j) => j.version === version);
    if (running) {
      if (listener) running.listen(listener);
      return ok({ job: { ...running.status }, done: running.done as Promise<Result<AddSourceOutcome>> });
    }
    const previous = this.#index.sources().find((s) => s.name.toLowerCase() === req.name.toLowerCase());
    const sourceId = previous?.id ?? this.#newId(req.name);
    const catalogue = await this.#catalogue.read();
    const plan = { ...req, sourceId, version, fileName: file.value.fileName, bytes: file.value.bytes, previous: catalogue.sources.find((s) => s.id === previous?.id) };
    const job: IngestJob<AddSourceOutcome> = this.#queue.enqueue({ jobId: randomUUID(), sourceId, name: req.name, fileName: file.value.fileName }, version, async (report, signal): Promise<Result<AddSourceOutcome>> => {
      try {
        const result = await runIngest(plan, this.#pipeline(), report, signal);
        if (result.ok) this.#changed();
        return result.ok ? ok({ job: { ...job.status, phase: 'done' as const, progress: 100 }, source: result.value.source, unchanged: false, warnings: result.value.warnings }) : result;
      } catch (error) {
        this.deps.logger.error({ err: error, source: req.name }, 'ingestion failed');
        return fail('INTERNAL', `Ingestion of "${req.name}" failed unexpectedly; the hub log has the details. The library is unchanged.`);
      }
    });
    if (listener) job.listen(listener);
    this.deps.logger.info({ source: req.name, file: file.value.fileName, by: actor.id }, 'ingestion queued');
    return ok({ job: { ...job.status }, done: job.done });
  }

  /** Cancels a queued or running ingestion by job id. */
  cancel(jobId: string): boolean {
    const job = this.#queue.find((j) => j.status.jobId === jobId);
    job?.cancel();
    return !!job;
  }

  async sources(filter: { system?: string; sourceType?: SourceType; includeGmOnly: boolean }): Promise<{ sources: Source[]; ingesting: IngestStatus[] }> {
    await this.#fresh();
    const sources = this.#index
      .sources()
      .filter((s) => (filter.includeGmOnly || !s.gmOnly) && (!filter.system || s.system.toLowerCase() === filter.system.toLowerCase()) && (!filter.sourceType || s.sourceType === filter.sourceType))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { sources, ingesting: filter.includeGmOnly ? this.#queue.active() : [] };
  }

  /** Removes a book (by id or name) with its passages and vectors; also cancels its ingestion. */
  async remove(idOrName: string): Promise<Result<{ removed: Source | null; cancelledJobs: number }>> {
    await this.#fresh();
    const key = idOrName.toLowerCase();
    const source = this.#index.sources().find((s) => s.id === idOrName || s.name.toLowerCase() === key);
    let cancelledJobs = 0;
    for (const job of this.#queue.active()) {
      if (job.sourceId === source?.id || job.sourceId === idOrName || job.name.toLowerCase() === key) cancelledJobs += this.cancel(job.jobId) ? 1 : 0;
    }
    if (!source) {
      if (cancelledJobs) return ok({ removed: null, cancelledJobs });
      const names = this.#index.sources().map((s) => `"${s.name}" (${s.id})`);
      return fail('NOT_FOUND', `No book "${idOrName}" in the library${names.length ? `: expected one of ${names.join(', ')}` : ' (it is empty)'}`, { field: 'source' });
    }
    await this.#catalogue.modify((c) => void (c.sources = c.sources.filter((s) => s.id !== source.id)));
    await removeVersion(source.id, source.version, this.#pipeline());
    this.#changed();
    return ok({ removed: source, cancelledJobs });
  }

  async search(req: Omit<SearchRequest, 'sourceIds'> & { books?: string[] }): Promise<Result<SearchResponse & { cached: boolean }>> {
    await this.#fresh();
    const resolved = req.books?.length ? this.#index.resolveBooks(req.books, req.includeGmOnly) : undefined;
    if (resolved && !resolved.ok) return resolved;
    const sourceIds = resolved?.value;
    const key = JSON.stringify([req.query.trim().toLowerCase(), sourceIds, req.systems, req.sourceType, req.contentTypes, req.maxResults, req.mode, req.expand, req.includeGmOnly, req.rewriteFor !== undefined]);
    const hit = this.#cache.get(key);
    if (hit) return ok({ ...hit, cached: true });
    const o = this.deps.options;
    const response = await searchLibrary(
      { ...req, sourceIds },
      {
        index: this.#index,
        keywords: this.deps.keywords,
        vectors: this.deps.vectors,
        embedder: this.deps.embedder,
        reranker: this.deps.reranker ?? null,
        fusion: o.fusion,
        minScore: o.minScore,
        candidates: 50,
        ...(o.rewriteQuery ? { rewriteQuery: o.rewriteQuery } : {}),
        vectorTrouble: () => (this.#vectorTrouble && this.#vectorTrouble.until > Date.now() ? this.#vectorTrouble.reason : null),
        onVectorFailure: (reason) => {
          this.deps.logger.warn({ reason }, 'vector search unavailable; searching by keywords only for a minute');
          this.#vectorTrouble = { reason, until: Date.now() + 60_000 };
        },
      },
    );
    // Degraded answers are not cached: they should improve as soon as vectors or the reranker are back.
    if (!response.note?.startsWith('Keyword search only') && !response.note?.startsWith('Not reranked')) this.#cache.set(key, response);
    return ok({ ...response, cached: false });
  }

  /** The personality of a system, from its books. Without a system: the active one (campaign, then hub). */
  async personality(system: string | undefined, campaignId: string | null): Promise<Result<{ profile: PersonalityProfile; active: boolean }>> {
    return profileFor(await this.#catalogueFresh(), system, campaignId);
  }

  /** Sets the personality the AI game master speaks in: for one campaign, or for the hub (campaignId null). */
  async setActivePersonality(system: string, campaignId: string | null): Promise<Result<{ profile: PersonalityProfile }>> {
    const found = await this.personality(system, campaignId);
    if (!found.ok) return found;
    const name = found.value.profile.system;
    await this.#catalogue.modify((c) => {
      if (campaignId) c.personality.campaigns[campaignId] = name;
      else c.personality.hub = name;
    });
    return ok({ profile: found.value.profile });
  }

  /** Cancels ingestions and waits for them to clean up. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#ready?.catch(() => {});
    await this.#repairing;
    await this.#queue.close();
  }

  #pipeline(): PipelineDeps {
    const { vectors, embedder, reader, logger, clock, options } = this.deps;
    return { index: this.#index, catalogue: this.#catalogue, vectors, embedder, reader, logger, clock, chunkOptions: options.chunk, embedBatch: options.embedBatch };
  }

  #newId(name: string): string {
    const base = slug(name);
    const taken = new Set(this.#index.sources().map((s) => s.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  #changed(): void {
    this.#cache.clear();
  }

  async #publish(status: IngestStatus): Promise<void> {
    await this.deps.events.publish({
      type: 'source.ingest_progress',
      id: randomUUID(),
      at: this.deps.clock.now().toISOString(),
      campaignId: null,
      sessionId: null,
      actor: actorRef({ kind: 'owner', id: 'owner', name: 'Rules library' }),
      version: null,
      ...status,
    });
  }

  async #catalogueFresh(): Promise<Catalogue> {
    await this.ready();
    const catalogue = await this.#catalogue.read();
    if (catalogue.revision !== this.#seenRevision) await this.#sync(catalogue);
    return catalogue;
  }

  /** Picks up changes another hub process made (at most once per refreshMs). */
  async #fresh(): Promise<void> {
    await this.ready();
    if (Date.now() - this.#lastCheck < this.deps.options.refreshMs) return;
    this.#lastCheck = Date.now();
    await this.#catalogueFresh();
  }

  async #load(): Promise<void> {
    const deps = this.#syncDeps();
    await cleanAbandoned(await this.#catalogue.read(), deps);
    await this.#sync(await this.#catalogue.read());
    this.#lastCheck = Date.now();
    this.#repairing = repairVectors(deps, () => this.#closed).catch((error: Error) => {
      if (!this.#closed) this.deps.logger.warn({ err: error }, 'could not check the vector index; books without vectors are found by keywords');
    });
  }

  async #sync(catalogue: Catalogue): Promise<void> {
    this.#seenRevision = catalogue.revision;
    if (await syncFromCatalogue(catalogue, this.#syncDeps())) this.#changed();
  }

  #syncDeps() {
    return { ...this.#pipeline(), queue: this.#queue };
  }
}

