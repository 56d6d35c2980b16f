import type { RulesLibrary } from '../../rules/rules-library.js';
import { resolveSystem } from '../lookup.js';
import { XP_BY_CR } from './encounter-tables.js';
import type { MonsterEntry } from './srd-monsters.js';

const num = (re: RegExp, text: string) => {
  const m = re.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
};

const SIZE_TYPE = /^(?:tiny|small|medium|large|huge|gargantuan)\s+([a-z]+)/i;

/**
 * Reads a stat block passage: name (its first line, or the section heading when the passage starts at
 * the size/type line), size/type, Armor Class, Hit Points, the DEX score from the ability row and the
 * Challenge line. Null when any of them is missing.
 */
export function parseStatBlock(text: string, source: string, heading?: string): MonsterEntry | null {
  const lines = text.split('\n').map((l) => l.replace(/\u0001/g, ' ').trim()).filter(Boolean);
  const startsWithType = SIZE_TYPE.test(lines[0] ?? '');
  const name = startsWithType ? heading : lines[0];
  const typeLine = (startsWithType ? lines[0] : lines[1]) ?? '';
  const type = SIZE_TYPE.exec(typeLine)?.[1]?.toLowerCase();
  const ac = num(/Armor Class\s+(\d+)/, text);
  const hp = num(/Hit Points\s+(\d+)/, text);
  const challenge = /Challenge\s+(\d+(?:\/\d+)?)/.exec(text)?.[1];
  // The row under "STR DEX CON ...": "10 (+0) 14 (+2) ..."; DEX is the second score.
  const dex = num(/STR\s+DEX\s+CON\s+INT\s+WIS\s+CHA\s+\d+\s*\([+-−–]?\d+\)\s+(\d+)/, text);
  if (!name || !type || ac === null || hp === null || !challenge || XP_BY_CR[challenge] === undefined) return null;
  return { name, challenge, hp, ac, dex: dex ?? 10, type, environments: [], source };
}

/**
 * Monsters from the GM's books: stat-block passages found for the environment (or for monsters in
 * general), parsed and cited by book and page. An unavailable library gives none, never an error.
 */
export async function libraryMonsters(rules: RulesLibrary | null, system: string, environment: string | undefined, includeGmOnly: boolean): Promise<MonsterEntry[]> {
  if (!rules) return [];
  const found = await rules.search({
    query: environment ? `${environment} creature challenge` : 'creature challenge armor class hit points',
    contentTypes: ['stat_block'], maxResults: 25, mode: 'keyword', expand: 0, includeGmOnly,
  });
  if (!found.ok) return [];
  const out: MonsterEntry[] = [];
  for (const hit of found.value.results) {
    // Books name their system as the GM typed it ("D&D 5e"); compare by the canonical id.
    const bookSystem = resolveSystem(hit.source.system);
    if (!bookSystem.ok || bookSystem.value !== system) continue;
    const entry = parseStatBlock(hit.text, `${hit.source.name}, p. ${hit.page}`, hit.sectionPath.at(-1));
    if (!entry) continue;
    // The book says nothing of habitat in the stat block; the search for the environment stands in for it.
    if (environment) entry.environments = [environment.toLowerCase()];
    if (!out.some((m) => m.name.toLowerCase() === entry.name.toLowerCase())) out.push(entry);
  }
  return out;
}
