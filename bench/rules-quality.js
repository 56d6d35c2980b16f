// Search quality of the rules library on the player-worded question sets (issue 13): recall@1,
// recall@5, MRR@10 and nDCG@10 with 10 results, for plain BM25 over the library's own passages (the
// baseline), keyword mode, vector mode of each embedder, and the default; plus the old heading-worded
// set as the "keyword" subset and the confidence given to questions the SRD does not answer.
//   node bench/rules-quality.js [dev|test|fresh]     (after `npm run build`; default: test)
// With a sentence model or API configured the way the hub reads it (EMBEDDER=local|openai|ollama,
// EMBEDDER_MODEL, EMBEDDER_MODEL_PATH, RERANKER_URL, RULES_VECTOR_WEIGHT, or config/local.yaml), that
// configuration is measured too, in rows of its own beside the built-in embedders.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HubConfigSchema } from '../dist/config/config-schema.js';
import { loadConfig } from '../dist/config/load-config.js';
import { createCore, InMemoryEventBus, ownerActor } from '../dist/core/index.js';
import { openEmbedder } from '../dist/llm/embedders/open-embedder.js';
import { openGameMasterSettings } from '../dist/llm/open-llm-gateway.js';
import { openRulesParts } from '../dist/stores/open-rules-index.js';
import { openStore } from '../dist/stores/open-store.js';
import { plainBm25, score } from './lib/retrieval-metrics.js';
import { startRewriteStandIn } from './lib/rewrite-standin.js';
import { markdownTable } from './lib/table.js';

export const SRD = fileURLToPath(new URL('../../shared/data/cc-srd5.pdf', import.meta.url));
const load = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const owner = ownerActor('Bench');
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** The embedders compared; `default` marks the hub's default configuration. */
export const EMBEDDERS = [
  { label: 'offline word vectors (SIF)', embedder: { kind: 'offline' }, default: true },
  { label: 'hashing (fallback)', embedder: { kind: 'hashing' } },
];

/**
 * The search the hub's own configuration asks for, when it differs from the built-in rows: a sentence
 * model (local, OpenAI, Ollama), a reranker or other fusion weights. None when it is the default.
 */
export function configuredEmbedders(env = process.env) {
  const { rules, dataDir } = loadConfig({ env });
  if (rules.embedder.kind === 'none') return [];
  const builtIn = rules.embedder.kind === 'offline' || rules.embedder.kind === 'hashing';
  if (builtIn && !rules.reranker && rules.fusion.vectorWeight === undefined && rules.fusion.method === 'weighted') return [];
  const id = openEmbedder(rules.embedder, tmpdir()).id;
  const extras = [rules.reranker ? `reranker ${rules.reranker.model}` : '', rules.fusion.vectorWeight !== undefined ? `vector weight ${rules.fusion.vectorWeight}` : '', rules.fusion.method === 'rrf' ? 'rank fusion' : ''].filter(Boolean);
  return [{ label: `your configuration: embedder ${id}${extras.length ? `, ${extras.join(', ')}` : ''}`, embedder: rules.embedder, rules: { fusion: rules.fusion, ...(rules.reranker ? { reranker: rules.reranker } : {}) }, modelsDir: join(dataDir, 'models') }];
}

async function openLibrary(rules, extra = {}, ai = undefined, modelsDir = undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-bench-quality-'));
  // A configured model is downloaded once into the hub's own models folder, not into every temporary library.
  if (modelsDir) {
    mkdirSync(modelsDir, { recursive: true });
    symlinkSync(modelsDir, join(dataDir, 'models'));
  }
  const config = HubConfigSchema.parse({ dataDir, log: { level: 'silent' }, rules: { allowedFolders: [dirname(SRD)], vectorStore: 'memory', ...rules }, ...(ai ? { ai } : {}) });
  const store = await openStore('memory://');
  const parts = openRulesParts(config, silent);
  const events = new InMemoryEventBus();
  const core = createCore({
    store,
    events,
    ownerToken: 'bench-owner-token-0123456789',
    logger: silent,
    rules: { ...parts, options: { ...parts.options, cacheSize: 0, ...extra }, queryRewrite: config.rules.queryRewrite },
    ...(ai ? { ai: openGameMasterSettings(config, silent) } : {}),
  });
  const call = async (name, input) => {
    const r = await core.registry.call(name, input, { actor: owner, progress: () => {} });
    if (!r.ok) throw new Error(`${name} failed: ${r.text}`);
    return r.value;
  };
  return { call, store, close: async () => { await core.deps.rules.close(); await parts.close(); await events.close(); await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

const pct = (v) => v.toFixed(3);

/** Runs every question of a split through one search configuration. */
async function runSet(search, set, confidences = []) {
  const lists = [];
  for (const { q } of set.questions) lists.push(await search(q, confidences));
  return score(set.questions, lists);
}

/** Evaluates a split; returns table rows and the raw figures. */
export async function evaluate(splitName = 'test', embedders = EMBEDDERS) {
  const set = load(`./rules-questions-${splitName}.json`);
  const old = load('./rules-questions.json');
  const rows = [];
  const figures = {};
  let baseline = null;
  for (const e of embedders) {
    const lib = await openLibrary({ embedder: e.embedder, ...(e.rules ?? {}) }, e.options, undefined, e.modelsDir);
    try {
      const { source, warnings } = await lib.call('add_source', { path: SRD, name: 'SRD 5.1', system: 'D&D 5e' });
      // Rows labelled with a model that never ran would be keyword figures under a false name.
      if (!source.embedded) throw new Error(`${e.label}: the passages could not be embedded. ${warnings.join(' ')}`);
      if (!baseline) {
        const passages = await lib.store.get(`rules:chunks:${source.id}:${source.version}`);
        const bm25 = plainBm25(passages);
        baseline = await runSet(async (q) => bm25(q, 10), set);
        const oldHits = old.questions.filter(({ q, section }) => bm25(q, 5).some((p) => p.sectionPath.includes(section))).length;
        figures.bm25 = { ...baseline, keyword5: oldHits / old.questions.length };
        rows.push(['plain BM25 over the same passages (baseline)', '', ...[baseline.r1, baseline.r5, baseline.mrr, baseline.ndcg].map(pct), pct(figures.bm25.keyword5), '']);
      }
      const modes = e.default ? ['keyword', 'vector', 'hybrid'] : ['vector', 'hybrid'];
      for (const mode of modes) {
        const search = async (q, confidences) => {
          const answer = await lib.call('search', { query: q, mode, maxResults: 10 });
          confidences?.push(answer.confidence);
          return answer.results;
        };
        const answered = [];
        const m = await runSet(search, set, answered);
        let keyword5 = 0;
        for (const { q, section } of old.questions) if ((await search(q)).slice(0, 5).some((r) => r.sectionPath.includes(section))) keyword5++;
        let unsure = '';
        if (mode === 'hybrid') {
          const flagged = [];
          for (const { q } of set.unanswerable) flagged.push((await lib.call('search', { query: q, mode, maxResults: 10 })).confidence ?? 'n/a');
          unsure = `${flagged.filter((c) => c === 'not_found').length}/${flagged.length} not found, ${flagged.filter((c) => c === 'weak').length} weak; answerable: ${answered.filter((c) => c === 'not_found').length} not found, ${answered.filter((c) => c === 'weak').length} weak`;
        }
        const label = mode === 'keyword' ? 'keyword mode' : `${mode} mode, ${e.label}${mode === 'hybrid' && e.default ? ' (**the default**)' : ''}`;
        figures[`${mode}:${e.label}`] = { ...m, keyword5: keyword5 / old.questions.length };
        rows.push([label, '', pct(m.r1), pct(m.r5), pct(m.mrr), pct(m.ndcg), pct(keyword5 / old.questions.length), unsure]);
      }
    } finally {
      await lib.close();
    }
  }
  // The query-rewrite setting, on dev only: a stand-in model replays hand-written rewrites (no test-half
  // rewrites exist, so a real model's gain must be measured with that model).
  if (splitName === 'dev' && existsSync(new URL('./rules-rewrites-dev.json', import.meta.url))) {
    const standIn = await startRewriteStandIn(load('./rules-rewrites-dev.json').rewrites);
    const lib = await openLibrary({ embedder: { kind: 'offline' }, queryRewrite: true }, {}, { provider: 'anthropic', anthropic: { apiKey: 'bench-key', baseUrl: standIn.url, defaultModel: 'bench-rewrite-model' } });
    try {
      await lib.call('add_source', { path: SRD, name: 'SRD 5.1', system: 'D&D 5e' });
      const m = await runSet(async (q) => (await lib.call('search', { query: q, mode: 'hybrid', maxResults: 10 })).results, set);
      if (standIn.requests() < set.questions.length) throw new Error(`the rewrite stand-in saw ${standIn.requests()} of ${set.questions.length} questions`);
      figures.rewrite = m;
      rows.push(['hybrid mode + query rewrite (stand-in replaying bench/rules-rewrites-dev.json)', '', pct(m.r1), pct(m.r5), pct(m.mrr), pct(m.ndcg), '', '']);
    } finally {
      await lib.close();
      await standIn.close();
    }
  }
  const table = markdownTable(
    ['Search', 'n', 'recall@1', 'recall@5', 'MRR@10', 'nDCG@10', 'keyword subset recall@5', 'confidence labels'].map((title, i) => ({ title, align: i < 2 || i === 7 ? 'left' : 'right' })),
    rows.map((r) => [r[0], `${set.questions.length}`, ...r.slice(2)]),
  );
  return { table, figures, set, old };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(SRD)) {
    console.log(`Skipped: ${SRD} is absent`);
  } else {
    const split = process.argv[2] ?? 'test';
    const t0 = performance.now();
    const { table } = await evaluate(split, [...EMBEDDERS, ...configuredEmbedders()]);
    console.log(`Split: ${split}\n\n${table}\n\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
