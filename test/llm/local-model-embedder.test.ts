import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubConfigSchema } from '../../src/config/config-schema.js';
import { openEmbedder } from '../../src/llm/embedders/open-embedder.js';
import { rulesFixture } from '../helpers/rules-fixture.js';

// A tiny ONNX sentence model written here by Python's onnx package (Debian: python3-onnx), loaded by
// @huggingface/transformers (optional: `npm install --ignore-scripts @huggingface/transformers`)
// through the hub's own loading code: EMBEDDER=local with EMBEDDER_MODEL_PATH.
const python = ['/usr/bin/python3', 'python3'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import onnx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
let transformers = true;
try {
  createRequire(import.meta.url).resolve('@huggingface/transformers');
} catch {
  transformers = false;
}
const why = !python ? 'Python with the onnx package is absent (apt-get install python3-onnx)' : !transformers ? 'the optional package @huggingface/transformers is not installed' : null;
if (why) console.warn(`Skipping the local sentence-model test: ${why}`);

const root = mkdtempSync(join(tmpdir(), 'ttrpg-hub-models-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe.skipIf(!!why)('the local sentence-model embedder with a model from EMBEDDER_MODEL_PATH', () => {
  it('tokenizes, runs the ONNX graph, mean-pools and normalises; the rules library searches with it', { timeout: 120_000 }, async () => {
    execFileSync(python!, [join(import.meta.dirname, 'tiny-sentence-model.py'), join(root, 'tiny', 'fire-water')]);
    expect(existsSync(join(root, 'tiny', 'fire-water', 'onnx', 'model.onnx'))).toBe(true);
    const config = HubConfigSchema.parse({ dataDir: root, rules: { embedder: { kind: 'local', model: 'tiny/fire-water', modelPath: root } } });
    const embedder = openEmbedder(config.rules.embedder, root)!;
    expect(embedder.id).toBe('local:tiny/fire-water');
    const got = await embedder.embed(['the fire', 'flame burn', 'swim in the water']);
    if (!got.ok) throw new Error(got.error.message);
    const [fire, flame, water] = got.value;
    expect(fire).toHaveLength(4);
    expect(Math.hypot(...fire!)).toBeCloseTo(1, 5);
    expect(cos(fire!, flame!)).toBeGreaterThan(0.95);
    expect(cos(fire!, water!)).toBeLessThan(0.5);

    const f = await rulesFixture({ embedder });
    try {
      const added = await f.ok('add_source', { path: f.files['handbook.pdf'], name: 'Handbook', system: 'D&D 5e' });
      expect(added.source.embedded).toBe(true);
      const answer = await f.ok('search', { query: 'fire', mode: 'vector', maxResults: 3 });
      expect(answer.mode).toBe('vector');
      expect(answer.results).toHaveLength(3);
    } finally {
      f.cleanup();
    }
  });

  it('says what to do when the model folder does not hold the model', async () => {
    const embedder = openEmbedder(HubConfigSchema.parse({ dataDir: root, rules: { embedder: { kind: 'local', model: 'absent/model', modelPath: root } } }).rules.embedder, root)!;
    const got = await embedder.embed(['fire']);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.message).toMatch(/EMBEDDER_MODEL_PATH/);
  });
});
