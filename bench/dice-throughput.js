// Dice rolls per second in-process: the engine alone (crypto randomness, and a seeded PRNG to show
// what the crypto source costs), then roll_dice through the full tool registry as every transport calls it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createCore, cryptoRandom, InMemoryEventBus, ownerActor, seededRandom } from '../dist/core/index.js';
import { createDiceEngine } from '../dist/core/dice/dice-engine.js';
import { DiceLimitsSchema } from '../dist/core/dice/dice-schemas.js';
import { openStore } from '../dist/stores/open-store.js';
import { asyncOpsPerSecond, median, opsPerSecond } from './lib/stats.js';
import { markdownTable, rate } from './lib/table.js';

const EXPRESSIONS = ['1d20+5', '4d6kh3', '1d20+5 adv # stealth', '8d6!', '10d10>=7'];
// Not a representative roll: the same dice as 8d6! without the explosion, so the cost of `!` shows.
const CONTRAST = '8d6';
// Each figure is the median of ROUNDS time-boxed rounds of ROUND_MS, after WARMUP_MS of untimed rolling
// so the JIT has settled; about 35 s in all.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);
const WARMUP_MS = 300;

/**
 * Rates of two loops compared against each other, measured in alternating rounds (AB, BA, AB...) rather
 * than one after the other, so drift during the run (JIT, GC, the neighbours) does not favour either.
 * `a` and `b` take a time box in ms and return calls per second.
 */
async function interleaved(a, b) {
  await a(WARMUP_MS);
  await b(WARMUP_MS);
  const ra = [];
  const rb = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) ra.push(await a(ROUND_MS)), rb.push(await b(ROUND_MS));
    else rb.push(await b(ROUND_MS)), ra.push(await a(ROUND_MS));
  }
  return [median(ra), median(rb)];
}
const sync = (fn) => (ms) => opsPerSecond(fn, ms);
const async_ = (fn) => (ms) => asyncOpsPerSecond(fn, ms);

/** A roll that fails (bad notation, a limit) would be far cheaper than a real one: refuse to time it. */
function roller(engine, expression) {
  const first = engine.roll(expression);
  if (!first.ok) throw new Error(`"${expression}" does not roll: ${first.error.message}`);
  return () => {
    const r = engine.roll(expression);
    if (!r.ok) throw new Error(`"${expression}" failed: ${r.error.message}`);
  };
}

export async function run() {
  const limits = DiceLimitsSchema.parse({});
  // The engine requires the dice library on first use (deliberately lazy so `--help` is instant): time that once.
  const loadStart = performance.now();
  const cryptoEngine = createDiceEngine(cryptoRandom, limits);
  const libraryLoadMs = performance.now() - loadStart;
  const seededEngine = createDiceEngine(seededRandom(42), limits);

  const engineRows = [];
  const cryptoRates = {};
  for (const expression of [...EXPRESSIONS, CONTRAST]) {
    const [crypto, seeded] = await interleaved(sync(roller(cryptoEngine, expression)), sync(roller(seededEngine, expression)));
    cryptoRates[expression] = crypto;
    const name = expression === CONTRAST ? `\`${expression}\` (contrast for 8d6!)` : `\`${expression}\``;
    engineRows.push([name, rate(crypto), (1e6 / crypto).toFixed(1), rate(seeded), `${((seeded / crypto - 1) * 100).toFixed(0)}%`]);
  }
  const explodeCost = cryptoRates[CONTRAST] / cryptoRates['8d6!'];
  // The worst case the default limits allow (1000 dice per expression), timed once, only while it is slow.
  let worstMs = NaN;
  if (explodeCost > 10) {
    const start = performance.now();
    roller(cryptoEngine, '999d6!')();
    worstMs = performance.now() - start;
  }

  // The registry path: input validation, role check, the roll, output validation and text formatting.
  const store = await openStore('memory://');
  const events = new InMemoryEventBus();
  const core = createCore({ store, events, ownerToken: 'bench-owner-token-0123456789abcdef', random: cryptoRandom });
  const actor = ownerActor();
  let engineRate, registryRate;
  try {
    const first = await core.registry.call('roll_dice', { expression: '1d20+5' }, { actor });
    if (!first.ok) throw new Error(`roll_dice failed: ${first.text}`);
    const viaRegistry = async () => {
      const r = await core.registry.call('roll_dice', { expression: '1d20+5' }, { actor });
      if (!r.ok) throw new Error(`roll_dice failed: ${r.text}`);
    };
    [engineRate, registryRate] = await interleaved(sync(roller(cryptoEngine, '1d20+5')), async_(viaRegistry));
  } finally {
    await events.close();
    await store.close();
  }

  // The floor: the dice library alone, on its own pooled crypto generator (random-js nodeCrypto), rolling
  // and formatting `1d20+5`, measured in alternating rounds against the engine (issue 14: within 2x).
  const { DiceRoll, NumberGenerator } = createRequire(import.meta.url)('@dice-roller/rpg-dice-roller');
  NumberGenerator.generator.engine = NumberGenerator.engines.nodeCrypto;
  const libraryAlone = () => {
    const r = new DiceRoll('1d20+5');
    if (!Number.isFinite(r.total) || !r.output) throw new Error('the library did not roll 1d20+5');
  };
  const [libraryRate, engineVsLibraryRate] = await interleaved(sync(libraryAlone), sync(roller(cryptoEngine, '1d20+5')));
  const engineRatio = libraryRate / engineVsLibraryRate;

  const engineColumns = [
    { title: 'Expression', align: 'left' },
    { title: 'rolls/s (cryptoRandom)', align: 'right' },
    { title: 'µs/roll', align: 'right' },
    { title: 'rolls/s (seededRandom)', align: 'right' },
    { title: 'seeded faster by', align: 'right' },
  ];
  const pathColumns = [
    { title: 'Path (`1d20+5`, cryptoRandom)', align: 'left' },
    { title: 'rolls/s', align: 'right' },
    { title: 'µs/roll', align: 'right' },
  ];
  const pathRows = [
    ['rpg-dice-roller alone (`new DiceRoll`, `total`, `output`; its pooled `nodeCrypto` engine)', rate(libraryRate), (1e6 / libraryRate).toFixed(1)],
    [`dice engine, same rounds as the library (${engineRatio.toFixed(2)}x its time; target ≤ 2x)`, rate(engineVsLibraryRate), (1e6 / engineVsLibraryRate).toFixed(1)],
    ['dice engine (`engine.roll`)', rate(engineRate), (1e6 / engineRate).toFixed(1)],
    ['tool registry (`registry.call(\'roll_dice\')`, memory store)', rate(registryRate), (1e6 / registryRate).toFixed(1)],
  ];
  return {
    title: 'Dice throughput',
    description:
      `Single-threaded, in the bench process; each figure is the median of ${ROUNDS} rounds of ${ROUND_MS} ms after ${WARMUP_MS} ms of warm-up, ` +
      `the two figures of a row measured in alternating rounds. ` +
      `The engine draws faces and roll ids from the given random source (cryptoRandom: 32-bit words from a pooled node:crypto randomBytes buffer). ` +
      `Loading the dice library on first use took ${libraryLoadMs.toFixed(0)} ms (once per process, not in the rates).`,
    tables: [markdownTable(engineColumns, engineRows), markdownTable(pathColumns, pathRows)],
    // Printed only while the anomaly lasts, so the note cannot outlive a fix in src/.
    notes:
      explodeCost > 10
        ? [
            `\`8d6!\` is ${explodeCost.toFixed(0)}x slower than \`8d6\`. The engine reads the library's \`maxTotal\`, which the ` +
              'library computes by re-rolling every exploding die at its maximum up to its 1000-iteration cap ' +
              `(and so reports a max of 48048 for 8d6!); that cost grows with the dice count: ` +
              `one \`999d6!\` roll, within the default limits, took ${worstMs.toFixed(0)} ms of synchronous CPU.`,
          ]
        : [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  console.log(`## ${result.title}\n\n${result.description}\n\n${[...result.tables, ...result.notes].join('\n\n')}`);
}
