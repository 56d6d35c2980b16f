import type { Result } from '../result.js';
import type { IngestPhase, IngestStatus } from './rules-schemas.js';

export type Reporter = (phase: IngestPhase, percent: number, message: string) => void;
export type StatusListener = (status: IngestStatus) => void;

export interface IngestJob<T> {
  readonly status: IngestStatus;
  /** Identifies the content (the PDF's hash) so a second request for the same file joins this job. */
  readonly version: string;
  readonly done: Promise<Result<T>>;
  listen(listener: StatusListener): () => void;
  cancel(): void;
}

const TERMINAL: IngestPhase[] = ['done', 'unchanged', 'failed', 'cancelled'];
/** Progress events at most this often per job (phase changes and the end always go out). */
const EVENT_INTERVAL_MS = 500;

/**
 * Runs ingestions one after another in the background (a second book waits its turn rather than
 * doubling the memory and CPU in use), fans each job's progress out to whoever listens (an MCP call's
 * progress notifications, the CLI's progress bar) and to the event bus, throttled.
 */
export class IngestQueue {
  #tail: Promise<unknown> = Promise.resolve();
  readonly #jobs = new Map<string, IngestJob<unknown> & { controller: AbortController }>();

  constructor(private readonly publish: (status: IngestStatus) => void) {}

  enqueue<T>(initial: Omit<IngestStatus, 'phase' | 'progress' | 'total' | 'message'>, version: string, work: (report: Reporter, signal: AbortSignal) => Promise<Result<T>>): IngestJob<T> {
    const controller = new AbortController();
    const listeners = new Set<StatusListener>();
    const status: IngestStatus = { ...initial, phase: 'queued', progress: 0, total: 100, message: 'Waiting for the ingestion before it to finish' };
    let lastEvent = 0;
    const report: Reporter = (phase, percent, message) => {
      const changed = phase !== status.phase;
      Object.assign(status, { phase, progress: Math.round(Math.min(100, Math.max(0, percent)) * 10) / 10, message });
      for (const l of listeners) l({ ...status });
      const now = Date.now();
      if (changed || TERMINAL.includes(phase) || now - lastEvent >= EVENT_INTERVAL_MS) {
        lastEvent = now;
        this.publish({ ...status });
      }
    };
    const run = async (): Promise<Result<T>> => {
      if (controller.signal.aborted) return { ok: false, error: { code: 'CANCELLED', message: `Ingestion of "${status.name}" was cancelled before it started` } };
      return work(report, controller.signal);
    };
    const done = this.#tail.then(run, run).then((result) => {
      if (!TERMINAL.includes(status.phase) || !result.ok) {
        if (result.ok) report('done', 100, status.message);
        else report(result.error.code === 'CANCELLED' ? 'cancelled' : 'failed', status.progress, result.error.message);
      }
      return result;
    });
    this.#tail = done.catch(() => undefined);
    const job = {
      status,
      version,
      done,
      controller,
      listen: (l: StatusListener) => {
        listeners.add(l);
        // A late listener first hears where the job stands.
        l({ ...status });
        return () => void listeners.delete(l);
      },
      cancel: () => controller.abort(),
    };
    this.#jobs.set(status.jobId, job);
    // A crashed job is a bug; it still must leave the queue.
    void done.finally(() => this.#jobs.delete(status.jobId)).catch(() => {});
    report('queued', 0, status.message);
    return job;
  }

  /** Jobs queued or running, oldest first. */
  active(): IngestStatus[] {
    return [...this.#jobs.values()].map((j) => ({ ...j.status }));
  }

  find(predicate: (job: IngestJob<unknown>) => boolean): IngestJob<unknown> | undefined {
    return [...this.#jobs.values()].find(predicate);
  }

  /** Cancels every job and waits until the last one has cleaned up. */
  async close(): Promise<void> {
    for (const job of this.#jobs.values()) job.cancel();
    await this.#tail;
  }
}
