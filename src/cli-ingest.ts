import { basename, dirname, extname, resolve } from 'node:path';
import type { HubConfig } from './config/config-schema.js';
import { ownerActor, type IngestStatus } from './core/index.js';

export interface IngestCommandOptions {
  name?: string;
  system: string;
  type: 'rulebook' | 'flavor';
  gmOnly?: boolean;
}

/**
 * `ttrpg-hub ingest <pdf>`: reads a book into the library of this installation, with a progress bar
 * on the terminal. Ctrl-C cancels and leaves the library as it was. A hub running on the same data
 * folder sees the book within a second (it watches the catalogue) and shares its Chroma server.
 * The file's own folder is allowed: whoever types the path can read the file anyway.
 */
export async function ingestCommand(pdf: string, options: IngestCommandOptions, config: HubConfig): Promise<number> {
  const { createCoreFromConfig } = await import('./server.js');
  const { core, store, closeRules } = await createCoreFromConfig({ ...config, log: { ...config.log, level: config.log.level === 'info' ? 'warn' : config.log.level } });
  const rules = core.deps.rules!;
  const path = resolve(pdf);
  const name = options.name ?? basename(path, extname(path));
  const bar = progressBar(process.stderr);
  const started = Date.now();
  // Ctrl-C cancels the job (it may already have started when addSource returns).
  let jobId: string | undefined;
  let interrupted = false;
  const cancel = () => {
    bar.note('Cancelling...');
    interrupted = true;
    if (jobId) rules.cancel(jobId);
  };
  process.on('SIGINT', cancel);
  try {
    const queued = await rules.addSource({ path, name, system: options.system, sourceType: options.type, gmOnly: !!options.gmOnly, extraFolders: [dirname(path)] }, ownerActor('Local user'), bar.update);
    if (!queued.ok) {
      process.stderr.write(`${queued.error.message}\n`);
      return queued.error.code === 'NOT_FOUND' || queued.error.code === 'BAD_FILE' ? 2 : 1;
    }
    jobId = queued.value.job.jobId;
    if (interrupted) rules.cancel(jobId);
    const result = await queued.value.done;
    bar.done();
    if (!result.ok) {
      process.stderr.write(`${result.error.message}\n`);
      return result.error.code === 'CANCELLED' ? 130 : result.error.code === 'BAD_FILE' ? 2 : 1;
    }
    const { source, unchanged, warnings } = result.value;
    for (const w of warnings) process.stderr.write(`Note: ${w}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      unchanged
        ? `${result.value.job.message}\n`
        : `Added "${source!.name}" (${source!.system}, ${source!.sourceType}): ${source!.chunks} passages, ${source!.sections} sections from ${source!.pages} pages in ${seconds} s (id ${source!.id})\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', cancel);
    await closeRules();
    await store.close();
  }
}

/** A one-line bar redrawn in place on a terminal; one line per phase when the output is a file or pipe. */
function progressBar(out: NodeJS.WriteStream) {
  const tty = out.isTTY === true;
  let lastPhase = '';
  let drawn = false;
  return {
    update: (s: IngestStatus) => {
      if (tty) {
        const width = 30;
        const filled = Math.round((s.progress / 100) * width);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${s.progress.toFixed(0).padStart(3)}% ${s.phase}: ${s.message}`;
        out.write(`\r${line.slice(0, (out.columns ?? 100) - 1).padEnd((out.columns ?? 100) - 1)}`);
        drawn = true;
      } else if (s.phase !== lastPhase) {
        out.write(`${s.phase}: ${s.message}\n`);
      }
      lastPhase = s.phase;
    },
    note: (text: string) => out.write(`${drawn ? '\n' : ''}${text}\n`),
    done: () => void (drawn && out.write('\n')),
  };
}
