import { describe, expect, it } from 'vitest';
import { createDiceEngine } from '../../../src/core/dice/dice-engine.js';
import { DiceLimitsSchema } from '../../../src/core/dice/dice-schemas.js';
import { scriptedRandom, seededRandom } from '../../../src/core/index.js';

const limits = DiceLimitsSchema.parse({});
const engine = (faces: number[]) => createDiceEngine(scriptedRandom(faces), limits);
const rollOne = (faces: number[], expression: string) => {
  const r = engine(faces).roll(expression);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value).toHaveLength(1);
  return r.value[0]!;
};

describe('dice engine', () => {
  it('rolls plain notation with a modifier and shows the working', () => {
    const r = rollOne([14], '1d20+5');
    expect(r.total).toBe(19);
    expect(r.breakdown).toBe('1d20+5: [14]+5 = 19');
    expect(r.terms).toEqual([{ notation: '1d20', sides: 20, subtotal: 14, dice: [{ value: 14, kept: true, exploded: false, rerolled: false, critical: null }] }]);
    expect(r.min).toBe(6);
    expect(r.max).toBe(25);
  });

  it('turns "adv" into two d20s keeping the higher, and flags a natural 20', () => {
    const r = rollOne([7, 20], '1d20+5 adv');
    expect(r.notation).toBe('2d20kh1+5');
    expect(r.rollMode).toBe('advantage');
    expect(r.total).toBe(25);
    expect(r.terms[0]!.dice.map((d) => [d.value, d.kept])).toEqual([[7, false], [20, true]]);
    expect(r.natural20).toBe(true);
    expect(r.critical).toBe(true);
  });

  it('with disadvantage keeps the lower die, and a dropped 20 is not a natural 20', () => {
    const r = rollOne([20, 1], 'd20 disadvantage');
    expect(r.notation).toBe('2d20kl1');
    expect(r.total).toBe(1);
    expect(r.natural20).toBe(false);
    expect(r.natural1).toBe(true);
    expect(r.terms[0]!.dice[1]!.critical).toBe('failure');
  });

  it('honours a crit range', () => {
    expect(rollOne([19], '1d20+7 crit19').critical).toBe(true);
    expect(rollOne([19], '1d20+7').critical).toBe(false);
    expect(rollOne([18], '1d20+7 crit19').critical).toBe(false);
  });

  it('reads a label after # or as trailing words', () => {
    expect(rollOne([10], '1d20+3 # Stealth check').label).toBe('Stealth check');
    const r = rollOne([10], '1d20+3 dex save');
    expect(r.label).toBe('dex save');
    expect(r.total).toBe(13);
  });

  it('keeps the highest three of 4d6 and marks the dropped die', () => {
    const r = rollOne([6, 1, 5, 2], '4d6kh3');
    expect(r.total).toBe(13);
    expect(r.terms[0]!.dice.filter((d) => !d.kept).map((d) => d.value)).toEqual([1]);
  });

  it('explodes on the maximum face', () => {
    // Both dice land (6, 3), then the 6 explodes into a 2, listed right after it.
    const r = rollOne([6, 3, 2], '2d6!');
    expect(r.terms[0]!.dice.map((d) => [d.value, d.exploded])).toEqual([[6, true], [2, false], [3, false]]);
    expect(r.total).toBe(11);
    // Explosions have no upper bound, so none is claimed.
    expect(r.max).toBeNull();
    expect(r.min).toBe(2);
  });

  it('rerolls once and reports the die as rerolled', () => {
    const r = rollOne([1, 5, 4], '2d6ro<2');
    expect(r.total).toBe(9);
    expect(r.terms[0]!.dice[0]).toMatchObject({ value: 4, rerolled: true });
  });

  it('counts successes against a target', () => {
    expect(rollOne([8, 3, 10], '3d10>=7').total).toBe(2);
  });

  it('accepts uppercase D and fudge dice', () => {
    expect(rollOne([4], '1D6+1').total).toBe(5);
    expect(rollOne([3, 1, 2, 2], '4df').terms[0]!.sides).toBe('F');
  });

  it('rolls several expressions with ; and Nx repeats', () => {
    const r = engine([10, 3, 4, 11, 12]).roll('1d20+1; 2d4 # damage');
    expect(r.ok && r.value.map((x) => x.total)).toEqual([11, 7]);
    const rep = engine([5, 6, 7]).roll('3x 1d20+2');
    expect(rep.ok && rep.value.map((x) => x.total)).toEqual([7, 8, 9]);
  });

  it('explains bad notation with the position and what was expected', () => {
    const r = engine([1]).roll('1d20+5x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DICE_NOTATION');
    expect(r.error.field).toBe('expression');
    expect(r.error.message).toMatch(/position 7 \("x"\).*expected.*kh/);
  });

  it('refuses advantage without a d20 and contradictory modes', () => {
    const a = engine([1]).roll('2d6 adv');
    expect(!a.ok && a.error.message).toMatch(/needs a plain d20/);
    const b = engine([1]).roll('1d20 adv dis');
    expect(!b.ok && b.error.message).toMatch(/both advantage and disadvantage/);
  });

  it('enforces the abuse limits with LIMIT errors that name the limit', () => {
    const tooMany = engine([1]).roll('600d6+600d6');
    expect(!tooMany.ok && tooMany.error).toMatchObject({ code: 'LIMIT', message: expect.stringContaining('rolls 1200 dice: the limit is 1000') });
    const tooBig = engine([1]).roll('1d5000');
    expect(!tooBig.ok && tooBig.error.message).toMatch(/5000-sided.*limit is 1000 sides/);
    const tooLong = engine([1]).roll('1+'.repeat(150) + '1');
    expect(!tooLong.ok && tooLong.error.message).toMatch(/limit is 200/);
    const perTerm = createDiceEngine(scriptedRandom([1]), { ...limits, maxDice: 5000 }).roll('1000d6');
    expect(!perTerm.ok && perTerm.error).toMatchObject({ code: 'LIMIT', message: expect.stringContaining('999 dice') });
    const tooManyRolls = engine([1]).roll('21x d20');
    expect(!tooManyRolls.ok && tooManyRolls.error.message).toMatch(/more than 20 rolls/);
  });

  it('is repeatable with a seeded source and fair over many rolls', () => {
    const a = createDiceEngine(seededRandom(42), limits).roll('10d20');
    const b = createDiceEngine(seededRandom(42), limits).roll('10d20');
    expect(a).toEqual(b);
    const counts = new Array(21).fill(0);
    // Every die listed (a stored roll lists 200 by default).
    const big = createDiceEngine(seededRandom(7), { ...limits, maxListedDice: 1000 });
    for (let i = 0; i < 60; i++) {
      const r = big.roll('500d20+500d20');
      if (!r.ok) throw new Error(r.error.message);
      for (const d of r.value[0]!.terms.flatMap((t) => t.dice)) counts[d.value]++;
    }
    for (let face = 1; face <= 20; face++) expect(counts[face]).toBeGreaterThan(2700);
  });

  it('rolls critical-hit damage by the table\'s rule', () => {
    const roll = (faces: number[], rule: 'double-dice' | 'max-plus-roll' | 'double-total') => {
      const r = engine(faces).roll('2d6+3 # greatsword', { critical: rule });
      if (!r.ok) throw new Error(r.error.message);
      return r.value[0]!;
    };
    expect(roll([1, 2, 3, 4], 'double-dice')).toMatchObject({ notation: '4d6+3', total: 13, label: 'greatsword' });
    expect(roll([1, 2], 'max-plus-roll')).toMatchObject({ notation: '12+2d6+3', total: 18 });
    expect(roll([1, 2], 'double-total')).toMatchObject({ notation: '(2d6+3)*2', total: 12 });
    const none = engine([1]).roll('5', { critical: 'double-dice' });
    expect(!none.ok && none.error.message).toMatch(/no dice to double/);
  });

  it('rolls a notation it has parsed before exactly as a first roll of it', () => {
    // One engine reuses each notation's parse; a new engine per roll parses afresh. Same faces, same rolls.
    const notations = ['2d20kh1+5', '4d6dl1', '8d6!', '3d6!!+2', '5d10>=7', '2d6r<2+3', '{4d6+2, 3d8}kh1', '4dF+1', 'd%', '1d20cs>19+floor(7/2)', '3d6ro1min2'];
    const seq = notations.flatMap((n) => [n, n, n]);
    const shared = createDiceEngine(seededRandom(5), limits, () => 'id');
    const source = seededRandom(5);
    for (const n of seq) {
      const again = shared.roll(n);
      const first = createDiceEngine(source, limits, () => 'id').roll(n);
      expect(again).toEqual(first);
    }
  });
});
