import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import type { Health, Hp } from './session-schemas.js';

/** One change to a combatant's hit points. Exactly one of the fields is set. */
export const HpChangeSchema = z.object({
  damage: z.number().int().min(0).max(100_000).optional().describe('Taken from temporary HP first'),
  healing: z.number().int().min(0).max(100_000).optional().describe('Up to max HP; temporary HP is unchanged'),
  tempHp: z.number().int().min(0).max(100_000).optional().describe('Temporary HP do not stack: the higher value stays'),
  setHp: z.number().int().min(0).max(100_000).optional().describe('Set current HP directly (clamped to max)'),
  maxHp: z.number().int().min(1).max(100_000).optional().describe('Change max HP; current HP is capped to it'),
});
export type HpChange = z.infer<typeof HpChangeSchema>;

export function applyHpChange(hp: Hp | null, change: HpChange): Result<Hp> {
  const set = Object.entries(change).filter(([, v]) => v !== undefined);
  if (set.length !== 1) {
    return fail('VALIDATION', `Give exactly one of damage, healing, tempHp, setHp or maxHp (got ${set.length || 'none'})`, { field: 'damage' });
  }
  if (hp === null) {
    if (change.maxHp !== undefined) return ok({ current: change.maxHp, max: change.maxHp, temp: 0 });
    return fail('STATE', 'This combatant has no hit points tracked: set maxHp first', { field: 'maxHp' });
  }
  if (change.damage !== undefined) {
    const fromTemp = Math.min(hp.temp, change.damage);
    return ok({ ...hp, temp: hp.temp - fromTemp, current: Math.max(0, hp.current - (change.damage - fromTemp)) });
  }
  if (change.healing !== undefined) return ok({ ...hp, current: Math.min(hp.max, hp.current + change.healing) });
  if (change.tempHp !== undefined) return ok({ ...hp, temp: Math.max(hp.temp, change.tempHp) });
  if (change.setHp !== undefined) return ok({ ...hp, current: Math.min(hp.max, change.setHp) });
  const max = change.maxHp!;
  return ok({ ...hp, max, current: Math.min(hp.current, max) });
}

/** The word a table sees instead of a monster's numbers: bloodied at half HP or below, as in 5e. */
export function healthOf(hp: Hp | null): Health | null {
  if (hp === null) return null;
  if (hp.current === 0) return 'down';
  return hp.current * 2 <= hp.max ? 'bloodied' : 'healthy';
}
