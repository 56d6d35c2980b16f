import { searchTerms, type IndexFilter, type IndexHit, type KeywordDoc, type KeywordIndex } from '../core/index.js';

/** Field weights (BM25F): the passage's own heading says most about it, its ancestors a little. */
const WEIGHTS = { heading: 3, path: 0.5, text: 1 };
const K1 = 1.2;
const B = 0.75;
/** Documents added per turn of the event loop, so indexing a book never stalls the hub. */
const BATCH = 250;

/** One term's postings: document numbers and weighted term frequencies, grown by doubling. */
interface Postings {
  docs: Int32Array;
  tfs: Float32Array;
  n: number;
}

type MetaKey = 'version' | 'source' | 'system' | 'sourceType' | 'contentType';

/** Small integers for the metadata values, so a filter is a lookup in a flag array. */
class Codes {
  readonly #codes = new Map<string, number>();
  code(value: string): number {
    let c = this.#codes.get(value);
    if (c === undefined) this.#codes.set(value, (c = this.#codes.size));
    return c;
  }
  flags(values: readonly string[] | undefined): Uint8Array | null {
    if (!values) return null;
    const flags = new Uint8Array(this.#codes.size + 1);
    for (const v of values) {
      const c = this.#codes.get(v);
      if (c !== undefined) flags[c] = 1;
    }
    return flags;
  }
}

/**
 * The keyword half of hybrid search: BM25F over heading, ancestor headings and text, in memory, on
 * typed arrays. A query adds each term's postings into one score array and keeps the best k in a
 * small heap, so a common word like "creature" (in half the passages) costs a tight loop, not an
 * object per passage. Ten copies of the 818-page SRD answer in about a millisecond.
 */
export class Bm25Index implements KeywordIndex {
  readonly #postings = new Map<string, Postings>();
  #ids: string[] = [];
  #len = new Float32Array(1024);
  #alive = new Uint8Array(1024);
  readonly #meta: Record<MetaKey, number[]> = { version: [], source: [], system: [], sourceType: [], contentType: [] };
  readonly #codes = { version: new Codes(), source: new Codes(), system: new Codes(), sourceType: new Codes(), contentType: new Codes() };
  readonly #byVersion = new Map<string, number[]>();
  readonly #docOf = new Map<string, number>();
  #aliveCount = 0;
  #totalLen = 0;
  #scores = new Float32Array(1024);

  get size(): number {
    return this.#aliveCount;
  }

  async add(docs: KeywordDoc[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      for (const d of docs.slice(i, i + BATCH)) if (!this.#docOf.has(d.id)) this.#addOne(d);
      if (i + BATCH < docs.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  search(terms: string[], k: number, filter: IndexFilter, weights?: number[]): IndexHit[] {
    const n = this.#ids.length;
    if (!terms.length || !this.#aliveCount) return [];
    if (this.#scores.length < n) this.#scores = new Float32Array(this.#alive.length);
    const scores = this.#scores;
    const touched: number[] = [];
    const avg = this.#totalLen / this.#aliveCount;
    // A term given twice counts once, at its highest weight.
    const weightOf = new Map<string, number>();
    terms.forEach((t, i) => weightOf.set(t, Math.max(weightOf.get(t) ?? 0, weights?.[i] ?? 1)));
    for (const [term, weight] of weightOf) {
      const p = this.#postings.get(term);
      if (!p || weight <= 0) continue;
      const idf = weight * Math.log(1 + (this.#aliveCount - p.n + 0.5) / (p.n + 0.5));
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i]!;
        if (!this.#alive[d]) continue;
        const tf = p.tfs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.#len[d]!) / avg));
      }
    }
    const allow = this.#predicate(filter);
    const heap: IndexHit[] = [];
    for (const d of touched) {
      const s = scores[d]!;
      scores[d] = 0;
      if (!allow(d) || (heap.length === k && s <= heap[0]!.score)) continue;
      pushBounded(heap, { id: this.#ids[d]!, score: s }, k);
    }
    return heap.sort((a, b) => b.score - a.score);
  }

  contains(id: string, terms: string[]): boolean[] {
    const d = this.#docOf.get(id);
    return terms.map((t) => {
      const p = this.#postings.get(t);
      if (d === undefined || !p) return false;
      // Postings are in document order: binary search.
      let lo = 0;
      let hi = p.n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = p.docs[mid]!;
        if (at === d) return true;
        if (at < d) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    });
  }

  removeSource(sourceId: string, version?: string): void {
    for (const [key, docs] of this.#byVersion) {
      if (!key.startsWith(`${sourceId}\u0000`) || (version !== undefined && key !== `${sourceId}\u0000${version}`)) continue;
      for (const d of docs) {
        if (!this.#alive[d]) continue;
        this.#alive[d] = 0;
        this.#aliveCount--;
        this.#totalLen -= this.#len[d]!;
        this.#docOf.delete(this.#ids[d]!);
      }
      this.#byVersion.delete(key);
    }
    // Dead postings are skipped while scanning; once they are a quarter of the index it is rebuilt.
    if (this.#ids.length > 1000 && this.#aliveCount < this.#ids.length * 0.75) this.#compact();
  }

  #addOne(doc: KeywordDoc): void {
    const d = this.#ids.length;
    if (d >= this.#alive.length) this.#grow();
    const tf = new Map<string, number>();
    let len = 0;
    for (const [field, text] of [['heading', doc.title], ['path', doc.path], ['text', doc.text]] as const) {
      const w = WEIGHTS[field];
      for (const t of searchTerms(text)) {
        tf.set(t, (tf.get(t) ?? 0) + w);
        len += w;
      }
    }
    for (const [term, f] of tf) {
      let p = this.#postings.get(term);
      if (!p) this.#postings.set(term, (p = { docs: new Int32Array(4), tfs: new Float32Array(4), n: 0 }));
      if (p.n === p.docs.length) {
        const docs = new Int32Array(p.n * 2);
        docs.set(p.docs);
        const tfs = new Float32Array(p.n * 2);
        tfs.set(p.tfs);
        Object.assign(p, { docs, tfs });
      }
      p.docs[p.n] = d;
      p.tfs[p.n++] = f;
    }
    this.#ids.push(doc.id);
    this.#docOf.set(doc.id, d);
    this.#len[d] = len;
    this.#alive[d] = 1;
    this.#aliveCount++;
    this.#totalLen += len;
    const m = this.#meta;
    const c = this.#codes;
    m.version.push(c.version.code(doc.version));
    m.source.push(c.source.code(doc.sourceId));
    m.system.push(c.system.code(doc.system));
    m.sourceType.push(c.sourceType.code(doc.sourceType));
    m.contentType.push(c.contentType.code(doc.contentType));
    const key = `${doc.sourceId}\u0000${doc.version}`;
    const list = this.#byVersion.get(key);
    if (list) list.push(d);
    else this.#byVersion.set(key, [d]);
  }

  #predicate(filter: IndexFilter): (d: number) => boolean {
    const c = this.#codes;
    const m = this.#meta;
    const versions = c.version.flags(filter.versions)!;
    const sources = c.source.flags(filter.sourceIds);
    const systems = c.system.flags(filter.systems);
    const sourceTypes = c.sourceType.flags(filter.sourceTypes);
    const contentTypes = c.contentType.flags(filter.contentTypes);
    return (d) =>
      versions[m.version[d]!] === 1 &&
      (!sources || sources[m.source[d]!] === 1) &&
      (!systems || systems[m.system[d]!] === 1) &&
      (!sourceTypes || sourceTypes[m.sourceType[d]!] === 1) &&
      (!contentTypes || contentTypes[m.contentType[d]!] === 1);
  }

  #grow(): void {
    const size = this.#alive.length * 2;
    const len = new Float32Array(size);
    len.set(this.#len);
    const alive = new Uint8Array(size);
    alive.set(this.#alive);
    this.#len = len;
    this.#alive = alive;
  }

  /** Renumbers the live documents and drops the dead ones' postings. */
  #compact(): void {
    const renumber = new Int32Array(this.#ids.length).fill(-1);
    let next = 0;
    for (let d = 0; d < this.#ids.length; d++) if (this.#alive[d]) renumber[d] = next++;
    const keep = <T>(arr: T[]) => arr.filter((_, d) => renumber[d]! >= 0);
    this.#ids = keep(this.#ids);
    for (const key of Object.keys(this.#meta) as MetaKey[]) this.#meta[key] = keep(this.#meta[key]);
    const len = new Float32Array(Math.max(1024, this.#len.length));
    for (let d = 0; d < renumber.length; d++) if (renumber[d]! >= 0) len[renumber[d]!] = this.#len[d]!;
    this.#len = len;
    this.#alive = new Uint8Array(len.length).fill(1, 0, next);
    for (const [term, p] of this.#postings) {
      let w = 0;
      for (let i = 0; i < p.n; i++) {
        const nd = renumber[p.docs[i]!]!;
        if (nd < 0) continue;
        p.docs[w] = nd;
        p.tfs[w++] = p.tfs[i]!;
      }
      if (w === 0) this.#postings.delete(term);
      else p.n = w;
    }
    for (const [key, docs] of this.#byVersion) this.#byVersion.set(key, docs.map((d) => renumber[d]!).filter((d) => d >= 0));
    this.#docOf.clear();
    this.#ids.forEach((id, d) => this.#docOf.set(id, d));
  }
}

/** Keeps the k best hits in a min-heap (worst at index 0). */
function pushBounded(heap: IndexHit[], hit: IndexHit, k: number): void {
  if (heap.length < k) {
    heap.push(hit);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.score <= heap[i]!.score) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
    return;
  }
  heap[0] = hit;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let min = i;
    if (l < heap.length && heap[l]!.score < heap[min]!.score) min = l;
    if (r < heap.length && heap[r]!.score < heap[min]!.score) min = r;
    if (min === i) break;
    [heap[min], heap[i]] = [heap[i]!, heap[min]!];
    i = min;
  }
}
