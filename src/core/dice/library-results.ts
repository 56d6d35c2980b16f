import type { DiceTerm, Die } from './dice-schemas.js';

/**
 * Reading what @dice-roller/rpg-dice-roller returns: the dice of each term, the size of a notation
 * before it is rolled, its syntax errors in plain words, and the caps on what a roll lists.
 */

export function capBreakdown(output: string, total: number, max: number): string {
  if (output.length <= max) return output;
  const tail = ` … (${output.length - max} characters more) = ${total}`;
  return output.slice(0, max - tail.length) + tail;
}

/** Lists at most `max` dice across the terms; the rest are counted in `omittedDice`. */
export function capDice(terms: DiceTerm[], max: number): DiceTerm[] {
  let room = max;
  return terms.map((t) => {
    if (t.dice.length <= room) {
      room -= t.dice.length;
      return t;
    }
    const listed = t.dice.slice(0, room);
    room = 0;
    return { ...t, dice: listed, omittedDice: t.dice.length - listed.length };
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

export function measure(notation: string): { dice: number; sides: number } {
  let dice = 0;
  let sides = 0;
  for (const m of notation.matchAll(/(\d*)d(\d+)?/g)) {
    dice += m[1] ? Number(m[1]) : 1;
    if (m[2]) sides = Math.max(sides, Number(m[2]));
  }
  return { dice, sides };
}

/** Walks the parsed expressions and the library's results side by side (they align one to one). */
export function collectTerms(expressions: unknown[], results: unknown[], groupKept: boolean, out: DiceTerm[]): void {
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
export function describeSyntaxError(notation: string, error: unknown): string {
  const e = error as { location?: { start?: { offset?: number } }; found?: string | null; message?: string };
  const at = e.location?.start?.offset;
  if (at === undefined) return `Could not read "${notation}": ${e.message ?? String(error)}`;
  const found = e.found === null || e.found === undefined ? 'the end of the expression' : `"${e.found}"`;
  return (
    `Could not read "${notation}" at position ${at + 1} (${found}): expected dice like 2d6, a number, ` +
    'an operator (+ - * / ^ %), or a modifier (kh, kl, dh, dl, r, ro, !, !!, !p, cs, cf, min, max, >=, <=, u, s)'
  );
}
