import { createRequire } from 'node:module';
import type * as DiceLibrary from '@dice-roller/rpg-dice-roller';
import type { Random } from '../ports/random.js';
import { fail, ok, type Result } from '../result.js';
import { criticalNotation, parseChatRoll, splitRolls, type ChatRoll, type CritRule } from './chat-notation.js';
import type { DiceLimits, DiceRoll, DiceTerm, Die } from './dice-schemas.js';

/** Rolls dice expressions. One per hub; the random source is injected. */
export interface DiceEngine {
  /** Rolls every roll in the request (`;`-separated or `Nx` repeated). */
  roll(expression: string, options?: { critical?: CritRule }): Result<DiceRoll[]>;
}

// The library draws every face from one module-level generator. We point it at the Random of the
// roll in progress; rolling is synchronous, so no other roll can run in between.
let activeRandom: Random | undefined;
let library: typeof DiceLibrary | undefined;
/** Loads the library on first use (it takes about a second), so `ttrpg-hub --help` stays instant. */
function loadLibrary(): typeof DiceLibrary {
  if (library) return library;
  library = createRequire(import.meta.url)('@dice-roller/rpg-dice-roller') as typeof DiceLibrary;
  const generator = library.NumberGenerator.generator as { integer(min: number, max: number): number };
  const original = generator.integer.bind(generator);
  generator.integer = (min, max) => (activeRandom ? activeRandom.integer(min, max) : original(min, max));
  return library;
}

export function createDiceEngine(random: Random, limits: DiceLimits, newId: () => string = () => random.id()): DiceEngine {
  loadLibrary();
  return {
    roll(expression, options = {}) {
      const parts = splitRolls(expression, limits);
      if (!parts.ok) return parts;
      const rolls: DiceRoll[] = [];
      for (const part of parts.value) {
        const chat = parseChatRoll(part);
        if (!chat.ok) return chat;
        if (options.critical) {
          const crit = criticalNotation(chat.value.notation, options.critical);
          if (!crit.ok) return crit;
          chat.value.notation = crit.value;
        }
        const rolled = rollOne(chat.value, random, limits, newId());
        if (!rolled.ok) return rolled;
        rolls.push(rolled.value);
      }
      return ok(rolls);
    },
  };
}

function rollOne(chat: ChatRoll, random: Random, limits: DiceLimits, id: string): Result<DiceRoll> {
  // Sized from the text before parsing, so the limits apply even where the parser has its own.
  const size = measure(chat.notation);
  if (size.dice > limits.maxDice) {
    return fail('LIMIT', `"${chat.notation}" rolls ${size.dice} dice: the limit is ${limits.maxDice}`, { field: 'expression' });
  }
  if (size.sides > limits.maxSides) {
    return fail('LIMIT', `"${chat.notation}" has a ${size.sides}-sided die: the limit is ${limits.maxSides} sides`, { field: 'expression' });
  }

  let expressions: unknown[];
  try {
    expressions = loadLibrary().Parser.parse(chat.notation) as unknown[];
  } catch (error) {
    if (/qty must be between/.test(String((error as Error).message))) {
      return fail('LIMIT', `"${chat.notation}" has more than 999 dice in one term: split it, e.g. 500d6+500d6`, { field: 'expression' });
    }
    return fail('DICE_NOTATION', describeSyntaxError(chat.notation, error), { field: 'expression' });
  }
  let roll: DiceLibrary.DiceRoll;
  activeRandom = random;
  try {
    roll = new (loadLibrary().DiceRoll)(chat.notation);
  } catch (error) {
    return fail('DICE_NOTATION', describeSyntaxError(chat.notation, error), { field: 'expression' });
  } finally {
    activeRandom = undefined;
  }

  const terms: DiceTerm[] = [];
  collectTerms(expressions, roll.rolls as unknown[], true, terms);
  const d20s = terms.filter((t) => t.sides === 20).flatMap((t) => t.dice.filter((d) => d.kept));
  for (const die of d20s) {
    if (die.critical === null && die.value >= chat.critRange) die.critical = 'success';
    if (die.critical === null && die.value === 1) die.critical = 'failure';
  }
  return ok({
    id,
    expression: chat.expression,
    notation: chat.notation,
    label: chat.label,
    total: roll.total,
    breakdown: roll.output,
    terms,
    natural20: d20s.some((d) => d.value === 20),
    natural1: d20s.some((d) => d.value === 1),
    critical: d20s.some((d) => d.value >= chat.critRange),
    critRange: chat.critRange,
    rollMode: chat.rollMode,
    min: roll.minTotal,
    // The library finds an exploding roll's maximum by exploding every die up to 1000 times: slow
    // enough to stall the hub (999d6! took 2 s) and meaningless anyway, since explosions are unbounded.
    max: chat.notation.includes('!') ? null : roll.maxTotal,
  });
}

interface LibraryDice {
  notation: string;
  sides: number | string;
  qty: number;
}
interface LibraryDieResult {
  value: number;
  calculationValue: number;
  useInTotal: boolean;
  modifiers: Set<string>;
}
interface LibraryGroup {
  expressions: unknown[][];
}

const isDice = (e: unknown): e is LibraryDice => typeof e === 'object' && e !== null && 'qty' in e && 'sides' in e;
const isGroup = (e: unknown): e is LibraryGroup => typeof e === 'object' && e !== null && 'expressions' in e;

function measure(notation: string): { dice: number; sides: number } {
  let dice = 0;
  let sides = 0;
  for (const m of notation.matchAll(/(\d*)d(\d+)?/g)) {
    dice += m[1] ? Number(m[1]) : 1;
    if (m[2]) sides = Math.max(sides, Number(m[2]));
  }
  return { dice, sides };
}

/** Walks the parsed expressions and the library's results side by side (they align one to one). */
function collectTerms(expressions: unknown[], results: unknown[], groupKept: boolean, out: DiceTerm[]): void {
  expressions.forEach((expr, i) => {
    const result = results[i] as { rolls?: LibraryDieResult[]; results?: unknown[]; useInTotal?: boolean } | undefined;
    if (isDice(expr) && result?.rolls) {
      const dice = result.rolls.map((r) => toDie(r, groupKept));
      // calculationValue, not the face: with a target (3d6>4) a die counts as 1 success or 0.
      const subtotal = result.rolls.reduce((s, r, k) => s + (dice[k]!.kept ? r.calculationValue : 0), 0);
      const sides = typeof expr.sides === 'number' ? expr.sides : String(expr.sides).startsWith('F') ? 'F' : '%';
      out.push({ notation: expr.notation, sides, dice, subtotal });
    } else if (isGroup(expr) && result?.results) {
      expr.expressions.forEach((sub, j) => {
        const subResult = result.results![j] as { results?: unknown[]; useInTotal?: boolean } | undefined;
        collectTerms(sub, subResult?.results ?? [], groupKept && (subResult?.useInTotal ?? true), out);
      });
    }
  });
}

function toDie(r: LibraryDieResult, groupKept: boolean): Die {
  const m = r.modifiers;
  return {
    value: r.value,
    kept: groupKept && r.useInTotal && !m.has('drop'),
    exploded: m.has('explode'),
    rerolled: m.has('re-roll') || m.has('re-roll-once'),
    critical: m.has('critical-success') ? 'success' : m.has('critical-failure') ? 'failure' : null,
  };
}

/** Turns the parser's "Expected ... but X found" into a message a player can act on. */
function describeSyntaxError(notation: string, error: unknown): string {
  const e = error as { location?: { start?: { offset?: number } }; found?: string | null; message?: string };
  const at = e.location?.start?.offset;
  if (at === undefined) return `Could not read "${notation}": ${e.message ?? String(error)}`;
  const found = e.found === null || e.found === undefined ? 'the end of the expression' : `"${e.found}"`;
  return (
    `Could not read "${notation}" at position ${at + 1} (${found}): expected dice like 2d6, a number, ` +
    'an operator (+ - * / ^ %), or a modifier (kh, kl, dh, dl, r, ro, !, !!, !p, cs, cf, min, max, >=, <=, u, s)'
  );
}
