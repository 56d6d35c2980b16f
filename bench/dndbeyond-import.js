// D&D Beyond import time per character: JSON.parse of the export (the floor: the least any importer pays
// to read the file) against the importer's whole path for an uploaded export (JSON.parse, shape detection,
// zod validation, computing the sheet and checking it against the universal schema).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDndBeyondImporter } from '../dist/importers/dndbeyond/index.js';
import { summarize, timeSequential } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const SHARED = fileURLToPath(new URL('../../shared/fixtures/importers/', import.meta.url));
const OWN = fileURLToPath(new URL('../test/fixtures/dndbeyond/', import.meta.url));
const FIXTURES = [
  { name: 'Ort Eratèa, monk 8 (real, v5)', path: `${SHARED}ddb-v5_ort-eratea_monk8.json` },
  { name: 'Harkam Wynrim, sorcerer 1 (real, 2020)', path: `${SHARED}ddb-charservice-2020_harkam-wynrim_sorcerer1.json` },
  { name: 'fighter 5, hand-written', path: `${OWN}fighter5-belt-plate-shield.json` },
  { name: 'wizard/cleric/paladin, hand-written', path: `${OWN}multiclass-wizard3-cleric2-paladin2.json` },
];
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 200);
const WARMUP = 20;
const BLOCK_RUNS = 20;

/**
 * A sheet with many spells, as real exports of high-level casters weigh several MB: the real monk with
 * the real sorcerer's spells (full definitions) copied in until it is about 4 MB.
 */
function bigCaster() {
  const monk = JSON.parse(readFileSync(FIXTURES[0].path, 'utf8'));
  const sorcerer = JSON.parse(readFileSync(FIXTURES[1].path, 'utf8')).data;
  const spells = [...sorcerer.classSpells.flatMap((c) => c.spells), ...Object.values(sorcerer.spells).filter(Boolean).flat()].filter(Boolean);
  const copies = [];
  for (let i = 0; JSON.stringify(copies).length < 4 * 1024 * 1024; i++) copies.push(...spells.map((s) => ({ ...s, definition: { ...s.definition, name: `${s.definition.name} ${i}` } })));
  monk.data.classSpells = [{ characterClassId: monk.data.classes[0].id, spells: copies.slice(0, 990) }];
  return JSON.stringify(monk);
}

export async function run() {
  const importer = createDndBeyondImporter();
  const signal = new AbortController().signal;
  const present = FIXTURES.filter((f) => existsSync(f.path));
  const skipped = FIXTURES.filter((f) => !existsSync(f.path));
  const cases = present.map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') }));
  if (present.length === FIXTURES.length) cases.splice(2, 0, { name: 'monk 8 with 990 spells (synthetic, from the real exports)', text: bigCaster() });
  const rows = [];
  for (const fixture of cases) {
    const text = fixture.text;
    const importOnce = async () => {
      const result = await importer.import({ data: JSON.parse(text) }, signal);
      if (!result.ok) throw new Error(`${fixture.name} does not import: ${result.error.message}`);
    };
    await timeSequential(importOnce, WARMUP);
    await timeSequential(() => JSON.parse(text), WARMUP);
    // Alternate the two in halves so drift on a shared machine does not favour either.
    const floorA = await timeSequential(() => JSON.parse(text), RUNS / 2);
    const importA = await timeSequential(importOnce, RUNS / 2);
    const importB = await timeSequential(importOnce, RUNS / 2);
    const floorB = await timeSequential(() => JSON.parse(text), RUNS / 2);
    const floor = summarize([...floorA, ...floorB]);
    const full = summarize([...importA, ...importB]);
    // The longest the event loop waited during one import (JSON.parse excluded: the transport does it),
    // seen by a setImmediate ticker: validation of long lists yields every 100 entries.
    const blocks = [];
    for (let i = 0; i < BLOCK_RUNS; i++) {
      const doc = JSON.parse(text);
      let last = performance.now();
      let longest = 0;
      let running = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      const result = await importer.import({ data: doc }, signal);
      running = false;
      if (!result.ok) throw new Error(result.error.message);
      blocks.push(longest);
    }
    const block = summarize(blocks);
    rows.push([fixture.name, (Buffer.byteLength(text) / 1024).toFixed(0), ms(floor.p50), ms(full.p50), ms(full.p99), ms(full.p50 - floor.p50), ratio(full.p50 / floor.p50), ms(block.p50)]);
  }
  const columns = [
    { title: 'Character', align: 'left' },
    { title: 'KB', align: 'right' },
    { title: 'JSON.parse p50 ms (floor)', align: 'right' },
    { title: 'import p50 ms', align: 'right' },
    { title: 'import p99 ms', align: 'right' },
    { title: 'parse + compute beyond JSON.parse, ms', align: 'right' },
    { title: 'import / floor', align: 'right' },
    { title: 'longest event-loop block p50 ms', align: 'right' },
  ];
  return {
    title: 'D&D Beyond character import',
    description:
      `In the bench process, ${RUNS} sequential imports per character after ${WARMUP} untimed ones (\`importer.import({ data })\` on the ` +
      'exported text, as an upload arrives), against JSON.parse of the same text measured in the same run. ' +
      `The last column: the longest single block of the event loop during an import (median of ${BLOCK_RUNS}).`,
    tables: [markdownTable(columns, rows)],
    notes: skipped.length ? [`Skipped (../shared is absent): ${skipped.map((f) => f.name).join(', ')}.`] : [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  console.log(`## ${result.title}\n\n${result.description}\n\n${[...result.tables, ...result.notes].join('\n\n')}`);
}
