import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fail, ok, type OutlineEntry, type PdfReader, type PdfReadOptions, type PdfText, type Result } from '../core/index.js';

export interface ExtractOptions extends PdfReadOptions {
  /** Pages per batch: progress is reported between batches. */
  batch?: number;
}

/** Fewer characters than this on a page means it has no usable text layer. */
const MIN_PAGE_CHARS = 20;

/**
 * The worker's program. pdf.js has no real worker under Node: it parses on the calling thread and
 * would stall the hub for seconds per book, so extraction runs in a worker thread of its own. The
 * program is inline (an eval worker) so it runs the same from the compiled hub and from the sources.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const flatten = (nodes, level, out) => { for (const n of nodes || []) { if (n.title && n.title.trim()) out.push({ title: n.title.trim(), level }); flatten(n.items, level + 1, out); } return out; };
(async () => {
  const { PDFParse } = require(workerData.pdfParse);
  const parser = new PDFParse({ data: workerData.data, verbosity: 0 });
  try {
    const info = await parser.getInfo();
    for (let first = 1; first <= info.total; first += workerData.batch) {
      const last = Math.min(info.total, first + workerData.batch - 1);
      // Items are joined with a marker so that separate text runs joined by a space (table cells,
      // columns side by side) can be told from words of one run: such a joint becomes U+0001.
      const text = await parser.getText({ first, last, pageJoiner: '', itemJoiner: '\uE000' });
      const pages = text.pages.map((p) => [p.num, p.text.replace(/\uE000 \uE000/g, '\u0001').replace(/\uE000/g, '')]);
      parentPort.postMessage({ type: 'pages', pages, done: last, total: info.total });
    }
    parentPort.postMessage({ type: 'done', total: info.total, outline: flatten(info.outline, 1, []) });
  } catch (error) {
    parentPort.postMessage({ type: 'error', name: error && error.name, message: String(error && error.message) });
  } finally {
    await parser.destroy().catch(() => {});
  }
})();
`;

type WorkerMessage =
  | { type: 'pages'; pages: [number, string][]; done: number; total: number }
  | { type: 'done'; total: number; outline: OutlineEntry[] }
  | { type: 'error'; name: string; message: string };

/** pdf-parse (pdf.js) in a worker thread, behind the rules library's PdfReader port. */
export class PdfParseReader implements PdfReader {
  constructor(private readonly batch = 25) {}

  read(bytes: Uint8Array, fileName: string, options: PdfReadOptions = {}): Promise<Result<PdfText>> {
    return extractPdf(bytes, fileName, { ...options, batch: this.batch });
  }
}

/**
 * Extracts the text of each page and the bookmarks with pdf-parse, in a worker thread so the hub
 * stays responsive. Files that are not PDFs, need a password or are scans without a text layer are
 * expected failures with a message that says what to do. Aborting stops the worker at once.
 */
export async function extractPdf(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<Result<PdfText>> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const shown = JSON.stringify(Buffer.from(bytes.subarray(0, 8)).toString('latin1'));
    return fail('BAD_FILE', `${fileName} is not a PDF: it starts with ${shown}, a PDF starts with "%PDF-"`, { field: 'path' });
  }
  if (options.signal?.aborted) return fail('CANCELLED', `Reading ${fileName} was cancelled`);
  const data = new Uint8Array(bytes);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { data, batch: options.batch ?? 25, pdfParse: createRequire(import.meta.url).resolve('pdf-parse') },
    transferList: [data.buffer],
  });
  const pages: string[] = [];
  const outcome = await new Promise<Exclude<WorkerMessage, { type: 'pages' }> | { type: 'cancelled' } | { type: 'crashed'; error: Error }>((resolve) => {
    const abort = () => resolve({ type: 'cancelled' });
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'pages') {
        for (const [num, text] of m.pages) pages[num - 1] = text;
        options.onPages?.(m.done, m.total);
      } else resolve(m);
    });
    worker.on('error', (error) => resolve({ type: 'crashed', error }));
    worker.on('exit', () => resolve({ type: 'crashed', error: new Error('the PDF worker exited early') }));
  }).finally(() => void worker.terminate());

  if (outcome.type === 'cancelled') return fail('CANCELLED', `Reading ${fileName} was cancelled`);
  if (outcome.type === 'crashed') throw outcome.error;
  if (outcome.type === 'error') return readFailure(outcome, fileName);
  for (let i = 0; i < outcome.total; i++) pages[i] ??= '';
  const emptyPages = pages.filter((p) => p.replace(/\s/g, '').length < MIN_PAGE_CHARS).length;
  if (emptyPages === outcome.total || (outcome.total >= 3 && emptyPages >= outcome.total * 0.9)) {
    return fail('BAD_FILE', `${fileName} has no text layer on ${emptyPages} of its ${outcome.total} pages (a scan?): run OCR on it first (e.g. \`ocrmypdf in.pdf out.pdf\`) and add the result`, { field: 'path' });
  }
  return ok({ pages, outline: outcome.outline, emptyPages });
}

function readFailure(error: { name: string; message: string }, fileName: string): Result<never> {
  if (error.name === 'PasswordException' || /password/i.test(error.message)) {
    return fail('BAD_FILE', `${fileName} is encrypted and needs a password: save an unprotected copy (e.g. \`qpdf --decrypt in.pdf out.pdf\`) and add that`, { field: 'path' });
  }
  if (['InvalidPDFException', 'FormatError', 'UnknownErrorException'].includes(error.name)) {
    return fail('BAD_FILE', `${fileName} is damaged and cannot be read as a PDF (${error.message})`, { field: 'path' });
  }
  throw new Error(`pdf-parse failed on ${fileName}: ${error.name}: ${error.message}`);
}
