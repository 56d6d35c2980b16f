import { describe, expect, it } from 'vitest';

interface ConfiguredRow {
  label: string;
  embedder: Record<string, unknown>;
  rules: { fusion: { vectorWeight?: number }; reranker?: Record<string, unknown> };
  modelsDir: string;
}
// The benchmark is a plain script over the built hub (dist/, which `npm test` builds first).
const { configuredEmbedders } = (await import(new URL('../../bench/rules-quality.js', import.meta.url).href)) as { configuredEmbedders(env: Record<string, string>): ConfiguredRow[] };

describe('the rules-quality benchmark measures the search the hub is configured with', () => {
  it('adds no row of its own on the default configuration', () => {
    expect(configuredEmbedders({})).toEqual([]);
  });

  it('adds a row named after the model the hub would load, with its reranker and weights', () => {
    const [row] = configuredEmbedders({ EMBEDDER: 'local', EMBEDDER_MODEL_PATH: '/srv/models', RERANKER_URL: 'http://127.0.0.1:8012', RERANKER_MODEL: 'bge-reranker-v2-m3', RULES_VECTOR_WEIGHT: '0.6' });
    if (!row) throw new Error('no row for the configured embedder');
    expect(row.label).toBe('your configuration: embedder local:Xenova/all-MiniLM-L6-v2, reranker bge-reranker-v2-m3, vector weight 0.6');
    expect(row.embedder).toMatchObject({ kind: 'local', modelPath: '/srv/models' });
    expect(row.rules.fusion.vectorWeight).toBe(0.6);
    expect(row.rules.reranker).toMatchObject({ url: 'http://127.0.0.1:8012', model: 'bge-reranker-v2-m3' });
    expect(row.modelsDir).toMatch(/[/\\]models$/);
  });

  it('measures other weights for the built-in word vectors, and nothing for keyword-only search', () => {
    expect(configuredEmbedders({ RULES_VECTOR_WEIGHT: '0.5' })[0]?.label).toBe('your configuration: embedder sif-wink-sg-100d-v1, vector weight 0.5');
    expect(configuredEmbedders({ EMBEDDER: 'none' })).toEqual([]);
  });
});
