// Character import time per character: parsing the export text (JSON.parse, the floor every importer
// pays), converting it to the universal sheet and validating it (parse + compute), and the whole
// import_character tool as every transport calls it (memory store, a refresh of the same character).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createCore, InMemoryEventBus, ownerActor, validateSheet } from '../dist/core/index.js';
import { createImporters } from '../dist/importers/create-importers.js';
import { openStore } from '../dist/stores/open-store.js';
import { summarize, timeSequential } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const N = Number(process.env.BENCH_IMPORTS ?? 60);
const signal = new AbortController().signal;
const root = new URL('../', import.meta.url);

/** The rogue with `features` long features: what sheets with many spells and feats weigh. */
function big(features) {
  const data = JSON.parse(readFileSync(new URL('test/fixtures/characters/roll20-v2-rogue5.json', root), 'utf8'));
  for (let i = 0; i < features; i++) {
    const row = `-Mbigtrait${String(i).padStart(10, '0')}`;
    data.attribs.push({ name: `repeating_traits_${row}_name`, current: `Feature ${i}`, max: '', id: `${row}a` });
    data.attribs.push({ name: `repeating_traits_${row}_description`, current: 'Lorem ipsum dolor sit amet. '.repeat(300), max: '', id: `${row}b` });
  }
  return JSON.stringify(data);
}

function fixtures() {
  const list = [
    ['Roll20 v2, rogue 5 (hand-written)', readFileSync(new URL('test/fixtures/characters/roll20-v2-rogue5.json', root), 'utf8')],
    ['Roll20 v3, wizard 3 / cleric 1 (hand-written)', readFileSync(new URL('test/fixtures/characters/roll20-v3-wizard3-cleric1.json', root), 'utf8')],
  ];
  const shared = new URL('../shared/fixtures/importers/roll20-vttes-v2_blackntan_fighter3.json', root);
  if (existsSync(shared)) list.push(['Roll20 v2, BlacknTan fighter 3 (real export)', readFileSync(shared, 'utf8')]);
  list.push(['Roll20 v2, 150 long features (synthetic)', big(150)]);
  return list;
}

export async function run() {
  const importers = createImporters();
  const core = createCore({ store: await openStore('memory://'), events: new InMemoryEventBus(), ownerToken: 'bench-owner-token-0123456789', importers });
  const owner = ownerActor();
  const campaignId = (await core.registry.call('create_campaign', { name: 'Bench', system: 'D&D 5e' }, { actor: owner })).value.campaign.id;
  const rows = [];
  for (const [name, text] of fixtures()) {
    const importer = importers.find((i) => i.accepts({ data: JSON.parse(text) }));
    const convert = async () => {
      const data = JSON.parse(text);
      const sheet = await importer.import({ data }, signal);
      if (!sheet.ok) throw new Error(`${name}: ${sheet.error.message}`);
      const valid = validateSheet({ ...sheet.value, id: 'bench', source: { ...sheet.value.source, importedAt: 'now' } });
      if (!valid.ok) throw new Error(`${name}: ${valid.error.message}`);
    };
    const tool = async () => {
      const r = await core.registry.call('import_character', { campaignId, data: text }, { actor: owner });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    };
    // Warm-up, then the floor and the two paths, each timed call on its own.
    for (let i = 0; i < 5; i++) JSON.parse(text), await convert(), await tool();
    const floor = summarize(await timeSequential(() => JSON.parse(text), N));
    const parsed = summarize(await timeSequential(convert, N));
    const full = summarize(await timeSequential(tool, N));
    rows.push([name, `${Math.round(text.length / 1024)} KB`, ms(floor.p50), ms(parsed.p50), ratio(parsed.p50 / floor.p50), ms(full.p50), ms(full.p99)]);
  }
  const columns = [
    { title: 'Export', align: 'left' },
    { title: 'Size', align: 'right' },
    { title: 'JSON.parse p50 ms (floor)', align: 'right' },
    { title: 'parse + convert + validate p50 ms', align: 'right' },
    { title: 'vs floor', align: 'right' },
    { title: 'import_character tool p50 ms', align: 'right' },
    { title: 'tool p99 ms', align: 'right' },
  ];
  return {
    title: 'Character import',
    description:
      `Per character, ${N} sequential imports each, in the bench process after 5 warm-up imports. The floor is JSON.parse of the same text, ` +
      'measured in the same run. The tool column is import_character through the registry (validation, refresh of the same character as one ' +
      'campaign version, memory store). D&D Beyond figures are added by its importer.',
    tables: [markdownTable(columns, rows)],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  console.log(`## ${result.title}\n\n${result.description}\n\n${result.tables.join('\n\n')}`);
}
