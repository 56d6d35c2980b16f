import { describe, expect, it } from 'vitest';
import { casterLevel, pactMagicSlots, proficiencyBonusForLevel, spellSlotsForCasterLevel } from '../../../src/core/index.js';

describe('5e rules', () => {
  it('proficiency bonus rises every four levels', () => {
    expect([1, 4, 5, 8, 9, 12, 13, 16, 17, 20].map(proficiencyBonusForLevel)).toEqual([2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  });

  it('single-class half and third casters use their own tables', () => {
    const half = (level: number) => casterLevel([{ divisor: 2, roundUp: false, level }]);
    const third = (level: number) => casterLevel([{ divisor: 3, roundUp: false, level }]);
    // Paladin 1: no slots; paladin 2: two 1st; paladin 3: three 1st; paladin 5: four 1st and two 2nd.
    expect([1, 2, 3, 5].map((l) => spellSlotsForCasterLevel(half(l)))).toEqual([[], [2], [3], [4, 2]]);
    // Eldritch knight 2: none; 3: two 1st; 4: three 1st; 7: four 1st and two 2nd.
    expect([2, 3, 4, 7].map((l) => spellSlotsForCasterLevel(third(l)))).toEqual([[], [2], [3], [4, 2]]);
    // An artificer has slots from 1st level, rounding up.
    expect(casterLevel([{ divisor: 2, roundUp: true, level: 1 }])).toBe(1);
  });

  it('several classes add their levels rounded down (PHB p. 164)', () => {
    // Fighter (eldritch knight) 5 + ranger 5 + wizard 1: floor(5/3) + floor(5/2) + 1 = 4.
    expect(casterLevel([{ divisor: 3, roundUp: false, level: 5 }, { divisor: 2, roundUp: false, level: 5 }, { divisor: 1, roundUp: false, level: 1 }])).toBe(4);
    // Paladin 1 + sorcerer 1: 0 + 1.
    expect(casterLevel([{ divisor: 2, roundUp: false, level: 1 }, { divisor: 1, roundUp: false, level: 1 }])).toBe(1);
    expect(spellSlotsForCasterLevel(20)).toEqual([4, 3, 3, 3, 3, 2, 2, 1, 1]);
    expect(spellSlotsForCasterLevel(0)).toEqual([]);
  });

  it('pact magic slots by warlock level', () => {
    expect([1, 2, 3, 5, 9, 11, 17].map(pactMagicSlots)).toEqual([
      { count: 1, level: 1 },
      { count: 2, level: 1 },
      { count: 2, level: 2 },
      { count: 2, level: 3 },
      { count: 2, level: 5 },
      { count: 3, level: 5 },
      { count: 4, level: 5 },
    ]);
    expect(pactMagicSlots(0)).toBeNull();
  });
});
