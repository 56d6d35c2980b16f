import { createRequire } from 'node:module';
import type * as DiceLibrary from '@dice-roller/rpg-dice-roller';

/** Distinct equations remembered; a table's rolls make a few hundred ("17+5", "[4, 6]+3"...). */
const MAX_REMEMBERED = 2000;

/** The library's own way to a total (mathjs every time), kept for comparison in tests. */
export type LibraryTotal = (roll: DiceLibrary.DiceRoll) => number;
const LIBRARY_TOTAL = Symbol.for('ttrpg-hub.library-total');

interface LibraryGroup {
  useInTotal: boolean;
  calculationValue: number;
}

/**
 * Makes `DiceRoll.total` cheap. The library sums a roll by writing it out as text ("17+5") and
 * handing that to mathjs's `evaluate`, which parses it afresh every time: about half of a roll's cost
 * inside a busy hub (40 µs of a Discord /roll's 80 µs of dice). The text is a pure function of the
 * dice that came up, and a table rolls the same few expressions all evening, so the value of each text
 * is remembered. Everything else is the library's own rule, step for step: the same text, the same
 * mathjs instance, the same rounding to 2 decimals, and 0 where the library shows 0 (NaN, empty rolls).
 * The engine's tests compare this total with the library's own on a wide range of notations.
 */
export function rememberTotals(library: typeof DiceLibrary, libraryPath: string): LibraryTotal {
  const proto = library.DiceRoll.prototype as unknown as Record<symbol, LibraryTotal | undefined>;
  const patched = proto[LIBRARY_TOTAL];
  if (patched) return patched;
  const original = Object.getOwnPropertyDescriptor(library.DiceRoll.prototype, 'total')!.get!;
  proto[LIBRARY_TOTAL] = (roll) => original.call(roll) as number;
  const mathjs = createRequire(libraryPath)('mathjs') as { evaluate(expression: string): unknown };
  const { ResultGroup, RollResults } = library.Results;
  const remembered = new Map<string, number>();
  const evaluate = (equation: string): unknown => {
    const known = remembered.get(equation);
    if (known !== undefined) return known;
    const value = mathjs.evaluate(equation);
    if (typeof value === 'number') {
      if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(equation, value);
    }
    return value;
  };
  const totalOf = Symbol('ttrpg-hub total');
  Object.defineProperty(library.DiceRoll.prototype, 'total', {
    configurable: true,
    get(this: DiceLibrary.DiceRoll & { [totalOf]?: number }): number {
      const cached = this[totalOf];
      if (cached !== undefined) return cached;
      let total = 0;
      const results = this.rolls as unknown[];
      if (this.hasRolls() && results.length > 0) {
        // The library's ResultGroup#value: numbers add up; a string anywhere makes it an equation.
        let sum: number | string = typeof results[0] === 'string' ? '' : 0;
        for (const r of results) {
          const part = r instanceof ResultGroup ? ((r as LibraryGroup).useInTotal ? (r as LibraryGroup).calculationValue : 0) : r instanceof RollResults ? r.value : (r as number | string);
          sum = (sum as string) + part;
        }
        const value = typeof sum === 'string' ? evaluate(sum) : sum;
        // The library's toFixed(value, 2), then its `|| 0`.
        total = parseFloat(parseFloat(`${value as number}`).toFixed(2)) || 0;
      }
      this[totalOf] = total;
      return total;
    },
  });
  return proto[LIBRARY_TOTAL]!;
}
