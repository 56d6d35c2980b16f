// Generators without a model (template backstories): characters, NPCs and encounters per second,
// in the domain and through the tool registry, against a floor measured in the same run
// (`roll_dice 1d20` through the registry), so the ratios hold on another machine.
import { pathToFileURL } from 'node:url';
import { createCore, cryptoRandom, GenreIds, InMemoryEventBus, ownerActor, seededRandom } from '../dist/core/index.js';
import { createDiceEngine } from '../dist/core/dice/dice-engine.js';
import { DiceLimitsSchema } from '../dist/core/dice/dice-schemas.js';
import { generateCharacter, resolveCharacterSpec } from '../dist/core/generators/character-generator.js';
import { buildEncounter } from '../dist/core/generators/encounters/encounter-builder.js';
import { SRD_MONSTERS } from '../dist/core/generators/encounters/srd-monsters.js';
import { generateNpc } from '../dist/core/generators/npc-generator.js';
import { openStore } from '../dist/stores/open-store.js';
import { asyncOpsPerSecond, median, opsPerSecond } from './lib/stats.js';
import { markdownTable, rate, ratio } from './lib/table.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 300);

async function measure(fn, isAsync = false) {
  const box = (ms) => (isAsync ? asyncOpsPerSecond(fn, ms) : opsPerSecond(fn, ms));
  await box(150);
  const rates = [];
  for (let i = 0; i < ROUNDS; i++) rates.push(await box(ROUND_MS));
  return median(rates);
}

export async function run() {
  const dice = createDiceEngine(cryptoRandom, DiceLimitsSchema.parse({}));
  let seed = 0;
  const character = (method, level) => () => {
    const random = seededRandom(++seed);
    const spec = { system: 'dnd5e', level, method, hpMethod: 'rolled' };
    const resolved = resolveCharacterSpec(spec, random);
    if (!resolved.ok) throw new Error(resolved.error.message);
    generateCharacter(random, dice, spec, resolved.value);
  };
  const domain = [];
  for (const method of ['standard-array', 'point-buy', '4d6-drop-lowest']) {
    for (const level of [1, 20]) domain.push([`character, ${method}, level ${level}`, await measure(character(method, level))]);
  }
  for (const genre of ['fantasy', 'cyberpunk', 'historical']) domain.push([`NPC, ${genre}`, await measure(() => generateNpc(cryptoRandom, { genre, level: 5 }))]);
  domain.push(['encounter, party [5,5,5,4], hard', await measure(() => buildEncounter(cryptoRandom, SRD_MONSTERS, { partyLevels: [5, 5, 5, 4], difficulty: 'hard' }))]);
  domain.push(['encounter, party of 8 at level 20, deadly', await measure(() => buildEncounter(cryptoRandom, SRD_MONSTERS, { partyLevels: Array(8).fill(20), difficulty: 'deadly' }))]);

  const store = await openStore('memory://');
  const events = new InMemoryEventBus();
  const core = createCore({ store, events, ownerToken: 'bench-owner-token-0123456789abcdef', random: cryptoRandom });
  const actor = { actor: ownerActor() };
  const call = (name, input) => async () => {
    const r = await core.registry.call(name, input, actor);
    if (!r.ok) throw new Error(`${name} failed: ${r.text}`);
  };
  let floor;
  const registry = [];
  try {
    floor = await measure(call('roll_dice', { expression: '1d20' }), true);
    registry.push(['generate_character (level 10, 4d6-drop-lowest)', await measure(call('generate_character', { level: 10, method: '4d6-drop-lowest' }), true)]);
    registry.push(['generate_npc (random genre each call)', await measure(async () => call('generate_npc', { genre: GenreIds[Math.floor(Math.random() * GenreIds.length)] })(), true)]);
    registry.push(['generate_encounter ([5,5,5,4], medium, no library)', await measure(call('generate_encounter', { partyLevels: [5, 5, 5, 4], useLibrary: false }), true)]);
  } finally {
    await events.close();
    await store.close();
  }
  const cols = [{ title: 'Generator', align: 'left' }, { title: 'per second', align: 'right' }, { title: 'µs each', align: 'right' }];
  const regCols = [...cols, { title: 'vs roll_dice floor', align: 'right' }];
  return {
    title: 'Generators (no model)',
    description:
      `Single-threaded, template backstories (no provider). Each figure is the median of ${ROUNDS} rounds of ${ROUND_MS} ms after warm-up. ` +
      `Domain: the generator functions alone (hit dice rolled through the dice engine). Registry: input validation, the generator, ` +
      `output validation and formatting, as every transport calls it; the floor is \`roll_dice 1d20\` through the same registry in this run ` +
      `(${rate(floor)}/s), so the last column is comparable across machines.`,
    tables: [
      markdownTable(cols, domain.map(([n, r]) => [n, rate(r), (1e6 / r).toFixed(1)])),
      markdownTable(regCols, registry.map(([n, r]) => [n, rate(r), (1e6 / r).toFixed(1), ratio(r / floor)])),
    ],
    notes: [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  console.log(`## ${result.title}\n\n${result.description}\n\n${result.tables.join('\n\n')}`);
}
