import { ok, searchTerms, type Embedder, type Result } from '../../core/index.js';

/** Weights of the three kinds of features: whole terms carry most, trigrams catch misspellings. */
const TERM = 1;
const BIGRAM = 0.6;
const TRIGRAMS_PER_TERM = 0.5;

/**
 * An embedder that needs no model and no network: feature hashing of stemmed terms, adjacent term
 * pairs and character trigrams into a fixed-size vector, normalised to unit length. It is lexical,
 * not semantic ("fireball" is near "fire ball" and "firebal", not near "explosion"), but deterministic,
 * fast (about 10,000 passages a second) and available everywhere, so vector search never depends on
 * a download. Swap in a sentence model or an API for semantic matches.
 */
export class HashingEmbedder implements Embedder {
  readonly id: string;

  constructor(readonly dimensions = 256) {
    this.id = `hash-v1-${dimensions}`;
  }

  async embed(texts: string[]): Promise<Result<number[][]>> {
    return ok(texts.map((t) => this.embedOne(t)));
  }

  /** One text's vector, synchronously. */
  embedOne(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const terms = searchTerms(text);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      add(`t:${t}`, TERM);
      if (i > 0) add(`b:${terms[i - 1]}_${t}`, BIGRAM);
      const padded = `#${t}#`;
      const n = padded.length - 2;
      for (let j = 0; j < n; j++) add(`c:${padded.slice(j, j + 3)}`, TRIGRAMS_PER_TERM / n);
    }
    const v = new Float64Array(this.dimensions);
    for (const [feature, weight] of counts) {
      const h = fnv1a(feature);
      // Sublinear: a word said ten times is not ten times the evidence.
      const w = weight >= 1 ? 1 + Math.log(weight) : weight;
      v[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * w;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return Array.from(v, (x) => x * scale);
  }
}

/** 32-bit FNV-1a with a final avalanche, so nearby strings land far apart. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
