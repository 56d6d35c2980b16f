import { fail, ok, type Result } from '../result.js';

/** Game systems the generators know, with the spellings people type. */
export const SYSTEM_ALIASES: Record<string, string[]> = {
  dnd5e: ['dnd5e', 'd&d 5e', 'dnd 5e', 'd&d5e', '5e', '5th edition', 'fifth edition', 'd&d 5th edition', 'dungeons & dragons 5e', 'dungeons and dragons 5e', 'srd', 'srd 5.1', 'srd5.1', 'dnd', 'd&d'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/and/g, '');

/** The canonical system id for what was typed, or a VALIDATION failure listing the systems. */
export function resolveSystem(input: string, field = 'system'): Result<string> {
  const key = squash(input);
  for (const [id, aliases] of Object.entries(SYSTEM_ALIASES)) if (aliases.some((a) => squash(a) === key)) return ok(id);
  const known = Object.entries(SYSTEM_ALIASES).map(([id, a]) => `${id} (also ${a.slice(1, 5).map((x) => `"${x}"`).join(', ')})`).join('; ');
  return fail('VALIDATION', `Unknown ${field} "${input}": expected ${known}`, { field });
}

/** Finds an entry by name or alias, case and punctuation aside; the failure lists every allowed name. */
export function resolveNamed<T extends { name: string; aliases?: string[] }>(list: readonly T[], input: string, field: string): Result<T> {
  const key = squash(input);
  const found = list.find((e) => squash(e.name) === key || e.aliases?.some((a) => squash(a) === key));
  return found ? ok(found) : fail('VALIDATION', `Unknown ${field} "${input}": expected one of ${list.map((e) => e.name).join(', ')}`, { field });
}
