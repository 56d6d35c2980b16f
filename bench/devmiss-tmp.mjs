import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HubConfigSchema } from '../dist/config/config-schema.js';
import { createCore, InMemoryEventBus, ownerActor } from '../dist/core/index.js';
import { openRulesParts } from '../dist/stores/open-rules-index.js';
import { openStore } from '../dist/stores/open-store.js';
import { isHit, score } from './lib/retrieval-metrics.js';
const SRD = '/work/shared/data/cc-srd5.pdf';
const split = process.argv[2] ?? 'dev'; const mode = process.argv[3] ?? 'hybrid'; const show = process.argv[4] === 'show';
const set = JSON.parse(readFileSync(new URL(`./rules-questions-${split}.json`, import.meta.url), 'utf8'));
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const dataDir = mkdtempSync(join(tmpdir(), 'dm-'));
const config = HubConfigSchema.parse({ dataDir, log: { level: 'silent' }, rules: { allowedFolders: [dirname(SRD)], vectorStore: 'memory', embedder: { kind: 'offline' } } });
const store = await openStore('memory://'); const parts = openRulesParts(config, silent);
const core = createCore({ store, events: new InMemoryEventBus(), ownerToken: 'bench-owner-token-0123456789', logger: silent, rules: { ...parts, options: { ...parts.options, cacheSize: 0 } } });
const call = async (name, input) => { const r = await core.registry.call(name, input, { actor: ownerActor('B'), progress: () => {} }); if (!r.ok) throw new Error(r.text); return r.value; };
await call('add_source', { path: SRD, name: 'SRD 5.1', system: 'D&D 5e' });
const lists = [];
for (const q of set.questions) {
  const a = await call('search', { query: q.q, mode, maxResults: 10 });
  lists.push(a.results);
  const rank = a.results.findIndex((r) => isHit(q, r));
  if (show && (rank < 0 || rank >= 5)) {
    console.log(`\nMISS(${rank}) ${q.q}  [p${q.pages}] "${q.evidence}"`);
    console.log('   exp:', (a.query?.expansions ?? []).map((e) => JSON.stringify(e)).join(' ').slice(0, 300));
    for (const r of a.results.slice(0, 3)) console.log(`   - p${r.page} ${r.sectionPath.join(' > ')} (${r.score?.toFixed?.(3)})`);
  }
}
console.log(split, mode, JSON.stringify(score(set.questions, lists)));
process.exit(0);
