import type { ContentType, IndexFilter, IndexHit, SearchIndex, VectorRecord } from '../core/index.js';

/** The vectors of one book version, row after row in one array (cache-friendly to scan). */
interface Block {
  sourceId: string;
  version: string;
  system: string;
  sourceType: string;
  dims: number;
  data: Float32Array;
  ids: string[];
  contentTypes: ContentType[];
  rowOf: Map<string, number>;
}

/**
 * An exact (brute-force) cosine index in the hub's memory: the fallback where no Chroma can run. At
 * ten books of ~2,500 passages it scans 25,000 vectors per query in a few milliseconds. It keeps
 * nothing on disk; the library embeds its books again when the hub starts.
 */
export class LocalVectorIndex implements SearchIndex {
  readonly kind = 'in-process';
  readonly #blocks = new Map<string, Block>();

  async upsert(records: VectorRecord[]): Promise<void> {
    for (const r of records) {
      const key = `${r.sourceId}:${r.version}`;
      let block = this.#blocks.get(key);
      if (!block) {
        block = { sourceId: r.sourceId, version: r.version, system: r.system, sourceType: r.sourceType, dims: r.vector.length, data: new Float32Array(r.vector.length * 256), ids: [], contentTypes: [], rowOf: new Map() };
        this.#blocks.set(key, block);
      }
      if (r.vector.length !== block.dims) throw new Error(`Vector of ${r.vector.length} dimensions for an index of ${block.dims}`);
      let row = block.rowOf.get(r.id);
      if (row === undefined) {
        row = block.ids.length;
        if ((row + 1) * block.dims > block.data.length) {
          const grown = new Float32Array(block.data.length * 2);
          grown.set(block.data);
          block.data = grown;
        }
        block.ids.push(r.id);
        block.contentTypes.push(r.contentType);
        block.rowOf.set(r.id, row);
      }
      block.data.set(normalised(r.vector), row * block.dims);
      block.contentTypes[row] = r.contentType;
    }
  }

  async query(vector: number[], k: number, filter: IndexFilter): Promise<IndexHit[]> {
    const q = normalised(vector);
    const versions = new Set(filter.versions);
    const contentTypes = filter.contentTypes && new Set(filter.contentTypes);
    // The best k so far, worst first, kept sorted by insertion: k is small.
    const best: IndexHit[] = [];
    for (const b of this.#blocks.values()) {
      if (!versions.has(b.version) || b.dims !== q.length) continue;
      if (filter.sourceIds && !filter.sourceIds.includes(b.sourceId)) continue;
      if (filter.systems && !filter.systems.includes(b.system)) continue;
      if (filter.sourceTypes && !filter.sourceTypes.includes(b.sourceType as never)) continue;
      const { data, dims } = b;
      for (let row = 0; row < b.ids.length; row++) {
        if (contentTypes && !contentTypes.has(b.contentTypes[row]!)) continue;
        let dot = 0;
        const base = row * dims;
        for (let d = 0; d < dims; d++) dot += data[base + d]! * q[d]!;
        if (best.length === k && dot <= best[0]!.score) continue;
        let at = 0;
        while (at < best.length && best[at]!.score < dot) at++;
        best.splice(at, 0, { id: b.ids[row]!, score: dot });
        if (best.length > k) best.shift();
      }
    }
    return best.reverse();
  }

  async removeSource(sourceId: string, version?: string): Promise<void> {
    for (const [key, b] of this.#blocks) if (b.sourceId === sourceId && (!version || b.version === version)) this.#blocks.delete(key);
  }

  async count(sourceId: string, version: string): Promise<number> {
    return this.#blocks.get(`${sourceId}:${version}`)?.ids.length ?? 0;
  }

  async close(): Promise<void> {
    this.#blocks.clear();
  }
}

function normalised(v: number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const out = new Float32Array(v.length);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
  return out;
}
