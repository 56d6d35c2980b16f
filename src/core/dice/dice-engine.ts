import { createRequire } from 'node:module';
import type * as DiceLibrary from '@dice-roller/rpg-dice-roller';
import type { Random } from '../ports/random.js';
import { fail, ok, type Result } from '../result.js';
import { rememberTotals } from './library-totals.js';
import { criticalNotation, parseChatRoll, splitRolls, type ChatRoll, type CritRule } from './chat-notation.js';
import type { DiceLimits, DiceRoll, DiceTerm } from './dice-schemas.js';
import { capBreakdown, capDice, collectTerms, describeSyntaxError, measure } from './library-results.js';

/** Rolls dice expressions. One per hub; the random source is injected. */
export interface DiceEngine {
  /** Rolls every roll in the request (`;`-separated or `Nx` repeated). */
  roll(expression: string, options?: { critical?: CritRule }): Result<DiceRoll[]>;
}

// The library draws every face from one module-level generator. We point it at the Random of the
// roll in progress and charge every draw (re-rolls and explosions included) to the request's budget;
// rolling is synchronous, so no other roll can run in between. Its parser is pointed the same way at
// the rolling engine's notation cache: a DiceRoll parses its notation again on every roll otherwise.
let activeRandom: Random | undefined;
let activeParsed: NotationCache<unknown[]> | undefined;
let budget: Budget | undefined;
let library: typeof DiceLibrary | undefined;

/** What one request may still spend: draws, and time (checked every 256 draws). */
interface Budget {
  draws: number;
  deadline: number;
  limits: DiceLimits;
}
/** Thrown from inside the library when a request has spent its budget; never escapes the engine. */
class OverBudget extends Error {}

function charge(): void {
  const b = budget!;
  if (--b.draws < 0) throw new OverBudget('draws');
  if ((b.draws & 255) === 0 && performance.now() > b.deadline) throw new OverBudget('time');
}

/** Loads the library on first use (it takes about a second), so `ttrpg-hub --help` stays instant. */
function loadLibrary(): typeof DiceLibrary {
  if (library) return library;
  const require = createRequire(import.meta.url);
  const libraryPath = require.resolve('@dice-roller/rpg-dice-roller');
  library = require(libraryPath) as typeof DiceLibrary;
  rememberTotals(library, libraryPath);
  const generator = library.NumberGenerator.generator as { integer(min: number, max: number): number };
  const original = generator.integer.bind(generator);
  generator.integer = (min, max) => {
    if (budget) charge();
    return activeRandom ? activeRandom.integer(min, max) : original(min, max);
  };
  // The parse is a pure function of the notation, and rolling never changes what it returns (the
  // dice and modifiers only read their settings; each roll makes new result objects), so one parse
  // can serve every roll of the same notation.
  const parser = library.Parser as { parse(notation: string): unknown[] };
  const parse = parser.parse.bind(parser);
  parser.parse = (notation) => (activeParsed ? activeParsed.get(notation, () => parse(notation)) : parse(notation));
  return library;
}

/**
 * What depends only on the notation, cached: the parse (for reading the dice back) and the bounds,
 * which the library finds by evaluating the whole expression twice more. Bounded like any cache.
 */
class NotationCache<V> {
  readonly #map = new Map<string, V>();
  /** `keep` says whether a value may be reused (one that depended on the clock may not). */
  get(key: string, make: () => V, keep: (v: V) => boolean = () => true): V {
    let v = this.#map.get(key);
    if (v === undefined) {
      v = make();
      if (!keep(v)) return v;
      if (this.#map.size >= 500) this.#map.delete(this.#map.keys().next().value!);
      this.#map.set(key, v);
    }
    return v;
  }
}

export function createDiceEngine(random: Random, limits: DiceLimits, newId: () => string = () => random.id()): DiceEngine {
  loadLibrary();
  const parsed = new NotationCache<unknown[]>();
  const bounds = new NotationCache<Bounds>();
  // A table rolls the same few expressions all evening: reading the chat text is done once for each.
  const splits = new NotationCache<Result<string[]>>();
  const chats = new NotationCache<Result<ChatRoll>>();
  const sizes = new NotationCache<{ dice: number; sides: number }>();
  return {
    roll(expression, options = {}) {
      const parts = splits.get(expression, () => splitRolls(expression, limits));
      if (!parts.ok) return parts;
      const rolls: DiceRoll[] = [];
      budget = { draws: limits.maxRolledDice, deadline: performance.now() + limits.maxRollMs, limits };
      try {
        for (const part of parts.value) {
          const cached = chats.get(part, () => parseChatRoll(part));
          if (!cached.ok) return cached;
          // A copy: a critical hit rewrites the notation of this roll only.
          const chat = ok({ ...cached.value });
          if (options.critical) {
            const crit = criticalNotation(chat.value.notation, options.critical);
            if (!crit.ok) return crit;
            chat.value.notation = crit.value;
          }
          const rolled = rollOne(chat.value, random, limits, newId(), parsed, bounds, sizes);
          if (!rolled.ok) return rolled;
          rolls.push(rolled.value);
        }
      } catch (error) {
        if (!(error instanceof OverBudget)) throw error;
        return error.message === 'draws'
          ? fail('LIMIT', `"${expression}" rolls more than ${limits.maxRolledDice} dice, counting re-rolls and explosions: the limit is ${limits.maxRolledDice} per request`, { field: 'expression' })
          : fail('LIMIT', `"${expression}" takes too long to roll: the limit is ${limits.maxRollMs} ms of dice per request, so roll fewer dice`, { field: 'expression' });
      } finally {
        budget = undefined;
      }
      return ok(rolls);
    },
  };
}

function rollOne(
  chat: ChatRoll,
  random: Random,
  limits: DiceLimits,
  id: string,
  parsed: NotationCache<unknown[]>,
  bounds: NotationCache<Bounds>,
  sizes: NotationCache<{ dice: number; sides: number }>,
): Result<DiceRoll> {
  // Sized from the text before parsing, so the limits apply even where the parser has its own.
  const size = sizes.get(chat.notation, () => measure(chat.notation));
  if (size.dice > limits.maxDice) {
    return fail('LIMIT', `"${chat.notation}" rolls ${size.dice} dice: the limit is ${limits.maxDice}`, { field: 'expression' });
  }
  if (size.sides > limits.maxSides) {
    return fail('LIMIT', `"${chat.notation}" has a ${size.sides}-sided die: the limit is ${limits.maxSides} sides`, { field: 'expression' });
  }

  let expressions: unknown[];
  try {
    expressions = parsed.get(chat.notation, () => loadLibrary().Parser.parse(chat.notation) as unknown[]);
  } catch (error) {
    if (/qty must be between/.test(String((error as Error).message))) {
      return fail('LIMIT', `"${chat.notation}" has more than 999 dice in one term: split it, e.g. 500d6+500d6`, { field: 'expression' });
    }
    return fail('DICE_NOTATION', describeSyntaxError(chat.notation, error), { field: 'expression' });
  }
  let roll: DiceLibrary.DiceRoll;
  activeRandom = random;
  activeParsed = parsed;
  try {
    roll = new (loadLibrary().DiceRoll)(chat.notation);
  } catch (error) {
    if (error instanceof OverBudget) throw error;
    return fail('DICE_NOTATION', describeSyntaxError(chat.notation, error), { field: 'expression' });
  } finally {
    activeRandom = undefined;
    activeParsed = undefined;
  }

  const terms: DiceTerm[] = [];
  collectTerms(expressions, roll.rolls as unknown[], true, terms);
  const d20s = terms.filter((t) => t.sides === 20).flatMap((t) => t.dice.filter((d) => d.kept));
  for (const die of d20s) {
    if (die.critical === null && die.value >= chat.critRange) die.critical = 'success';
    if (die.critical === null && die.value === 1) die.critical = 'failure';
  }
  // A bound given up for lack of time depends on how busy the machine was: found again next time.
  const { min, max, finite } = bounds.get(chat.notation, () => boundsOf(roll, chat.notation), (b) => !b.outOfTime);
  const total = roll.total;
  // JSON has no Infinity or NaN: such a total would be stored as null and break every later read.
  // The library shows 0 for NaN (0/0, sqrt(-1)); the bounds, evaluated the same way, still say NaN.
  if (!finite || ![total, ...terms.map((t) => t.subtotal)].every(Number.isFinite)) {
    return fail('DICE_NOTATION', `"${chat.notation}" is not a finite number (a division by zero, the root of a negative, or a result too large): nothing was rolled`, { field: 'expression' });
  }
  return ok({
    id,
    expression: chat.expression,
    notation: chat.notation,
    label: chat.label,
    total,
    breakdown: capBreakdown(roll.output, total, limits.maxBreakdownLength),
    terms: capDice(terms, limits.maxListedDice),
    natural20: d20s.some((d) => d.value === 20),
    natural1: d20s.some((d) => d.value === 1),
    critical: d20s.some((d) => d.value >= chat.critRange),
    critRange: chat.critRange,
    rollMode: chat.rollMode,
    min,
    max,
  });
}

/**
 * The library finds bounds by evaluating the expression with every die at its minimum or maximum,
 * re-rolling and exploding as it goes (up to 1000 times a die). The draws are charged to the
 * request's budget; a bound too costly to find, or not finite, is reported as null.
 */
interface Bounds {
  min: number | null;
  max: number | null;
  /** false when a bound came out as NaN or Infinity: the expression is not a finite number. */
  finite: boolean;
  /** A bound was given up because its time ran out (not its draws). */
  outOfTime: boolean;
}

function boundsOf(roll: DiceLibrary.DiceRoll, notation: string): Bounds {
  // Bounds get small budgets of their own: they are a nicety, never the reason a roll is refused.
  const saved = budget ? { ...budget } : undefined;
  let finite = true;
  let outOfTime = false;
  const bounded = (read: () => number): number | null => {
    // Each bound its own small budget, so how far one got never decides whether the other is found.
    budget = { draws: 2000, deadline: performance.now() + 10, limits: saved!.limits };
    try {
      const v = read();
      if (!Number.isFinite(v)) finite = false;
      return Number.isFinite(v) ? v : null;
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      if (error.message === 'time') outOfTime = true;
      return null;
    }
  };
  try {
    const min = bounded(() => roll.minTotal);
    // Exploding dice have no upper bound (the library would report its 1000-explosion cap).
    const max = notation.includes('!') ? null : bounded(() => roll.maxTotal);
    return { min, max, finite, outOfTime };
  } finally {
    budget = saved;
  }
}
