import type { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { CharacterSheetSchema, type CharacterSheet } from './character-sheet.js';

/** Dotted path of a zod issue, e.g. "abilities.str" or "attacks.2.toHit". */
const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');

/** "expected at most 30, got 45" rather than zod's generic wording, with the value that was given. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const given = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), raw);
  const shown = given === undefined ? '' : `, got ${JSON.stringify(given)?.slice(0, 60)}`;
  return `${issue.message}${shown}`;
}

/**
 * Checks a sheet before it is stored: the schema (types, ranges) and the rules between fields that a
 * schema cannot state. Every failure names the field and what was expected, and nothing is stored.
 */
export function validateSheet(raw: unknown, prefix = 'character'): Result<CharacterSheet> {
  const parsed = CharacterSheetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5);
    const field = `${prefix}.${pathOf(issues[0]!)}`;
    const text = issues.map((i) => `${prefix}.${pathOf(i)}: ${describeIssue(i, raw)}`).join('; ');
    return fail('VALIDATION', `Impossible character sheet: ${text}`, { field });
  }
  const sheet = parsed.data;
  const problems: { field: string; message: string }[] = [];
  const classLevels = sheet.classes.reduce((s, c) => s + c.level, 0);
  if (sheet.classes.length > 0 && classLevels !== sheet.level) {
    problems.push({ field: 'level', message: `level is ${sheet.level} but the classes add up to ${classLevels}: expected the total of the class levels` });
  }
  if (sheet.hp.current > sheet.hp.max) {
    problems.push({ field: 'hp.current', message: `current HP ${sheet.hp.current} is more than max HP ${sheet.hp.max}: expected at most ${sheet.hp.max}` });
  }
  for (const [i, slot] of (sheet.spellcasting?.slots ?? []).entries()) {
    if (slot.used > slot.max) problems.push({ field: `spellcasting.slots.${i}.used`, message: `${slot.used} level-${slot.level} slots used of ${slot.max}: expected at most ${slot.max}` });
  }
  const slotLevels = (sheet.spellcasting?.slots ?? []).map((s) => s.level);
  if (new Set(slotLevels).size !== slotLevels.length) problems.push({ field: 'spellcasting.slots', message: 'a spell level appears twice: expected one entry per level' });
  if (problems.length > 0) {
    return fail('VALIDATION', `Impossible character sheet "${sheet.name}": ${problems.map((p) => `${prefix}.${p.field}: ${p.message}`).join('; ')}`, {
      field: `${prefix}.${problems[0]!.field}`,
    });
  }
  return ok(sheet);
}
