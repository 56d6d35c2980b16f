import { createRequire } from 'node:module';
import type * as DiceLibrary from '@dice-roller/rpg-dice-roller';
import { describe, expect, it } from 'vitest';
import { rememberTotals } from '../../../src/core/dice/library-totals.js';

const require = createRequire(import.meta.url);
const libraryPath = require.resolve('@dice-roller/rpg-dice-roller');
const library = require(libraryPath) as typeof DiceLibrary;
const libraryTotal = rememberTotals(library, libraryPath);

// Sums of dice, keeps and drops, explosions, successes, groups, math functions, division (exact,
// by zero and 0/0), powers, modulo, negatives, Fate and percentile dice.
const NOTATIONS = [
  '1d20+5', '2d20kh1+5', '2d20kl1-1', '4d6kh3', '8d6!', '3d6!!', '2d6!p', '10d10>=7', '6d10>=8f<=1', '3d6r<2', '2d6ro<3',
  '{2d6+1, 1d8}kh1 + floor(1d6/2) * 3 - 2', '{4d6}dl1', '{3d6, 3d6}>=10', '{1d6, 1d6}',
  '1d6/0', '0/0', '1d6/3', '1d6*1.5', '2d6^2', '1d10 % 3', '1d4-5', '1d20-1d20', '(1d4+1)*2', '0-1d6',
  'sqrt(1d4)', 'abs(1d6-7)', 'max(1d6, 1d8)', 'min(2d4, 3)', 'round(1d6/4)', 'ceil(1d10/3)',
  '4dF', 'd%', '2d6cs>5cf<2', '5d6sa', '1d8+1d6+3', '1d1-1',
];

describe('dice totals', () => {
  it('match the library\'s own mathjs totals for every kind of notation, however often they repeat', () => {
    for (const notation of NOTATIONS) {
      for (let i = 0; i < 150; i++) {
        const roll = new library.DiceRoll(notation);
        const ours = roll.total;
        const theirs = libraryTotal(roll);
        // Object.is: NaN and -0 must agree too.
        expect(Object.is(ours, theirs) || ours === theirs, `${notation}: ${roll.output} gave ${ours}, the library ${theirs}`).toBe(true);
        expect(roll.output.endsWith(`= ${theirs}`), roll.output).toBe(true);
      }
    }
  });
});
