import type { Ability } from '../../characters/character-sheet.js';
import type { Random } from '../../ports/random.js';
import type { ClassDef } from './classes.js';
import type { Race } from './races.js';
import { ALWAYS_PREPARED, CIRCLE_SPELLS, SPELL_LISTS } from './spell-lists.js';
import { CANTRIPS_KNOWN, MYSTIC_ARCANUM, pactSlots, slotsFor, SPELLS_KNOWN } from './spell-tables.js';

export interface SpellEntry { name: string; level: number; prepared: boolean; source: string | null }
export interface Spellcasting {
  ability: Ability | null;
  saveDc: number | null;
  attackBonus: number | null;
  slots: { level: number; max: number; used: number }[];
  pactSlots: { level: number; max: number; used: number } | null;
  spells: SpellEntry[];
}

/** Draws `count` distinct names from a list, skipping names already taken. */
function draw(random: Random, list: readonly string[], count: number, taken: Set<string>): string[] {
  const open = list.filter((s) => !taken.has(s));
  const out: string[] = [];
  while (out.length < count && open.length) out.push(open.splice(random.integer(0, open.length - 1), 1)[0]!);
  out.forEach((s) => taken.add(s));
  return out;
}

/**
 * Leveled spells the way a character collects them: at each class level the new picks are of the
 * highest level the character can cast then (or one below), so a 9th-level wizard's book still
 * holds the 1st-level spells learned early.
 */
function learnSpells(random: Random, cls: ClassDef, level: number, total: (l: number) => number, maxAt: (l: number) => number, taken: Set<string>): SpellEntry[] {
  const lists = SPELL_LISTS[cls.name]!;
  const out: SpellEntry[] = [];
  for (let l = 1; l <= level; l++) {
    const fresh = total(l) - out.length;
    for (let i = 0; i < fresh; i++) {
      const top = maxAt(l);
      if (top < 1) break;
      let spellLevel = Math.max(1, top - random.integer(0, 1));
      let picked: string[] = [];
      for (; spellLevel >= 1 && !picked.length; spellLevel--) picked = draw(random, lists[spellLevel] ?? [], 1, taken);
      if (picked.length) out.push({ name: picked[0]!, level: spellLevel + 1, prepared: true, source: cls.name });
    }
  }
  return out;
}

/** A day's prepared spells: one of each level from the highest down, round and round, until the count is reached. */
function prepareSpells(random: Random, cls: ClassDef, top: number, count: number, taken: Set<string>): SpellEntry[] {
  const lists = SPELL_LISTS[cls.name]!;
  const out: SpellEntry[] = [];
  for (let round = 0; out.length < count && round < 50; round++) {
    for (let l = top; l >= 1 && out.length < count; l--) {
      for (const name of draw(random, lists[l] ?? [], 1, taken)) out.push({ name, level: l, prepared: true, source: cls.name });
    }
  }
  return out;
}

const maxSpellLevel = (cls: ClassDef, level: number) => (cls.caster === 'pact' ? pactSlots(level).level : slotsFor(cls.caster, level).length);

/** Slots, cantrips and spells of a class at a level, plus the race's cantrip. Null for a non-caster of a race without one. */
export function buildSpellcasting(random: Random, cls: ClassDef, race: Race, level: number, mods: Record<Ability, number>, proficiency: number): Spellcasting | null {
  const ability = cls.castingAbility ?? race.cantrip?.ability ?? null;
  if (!ability) return null;
  const taken = new Set<string>();
  const spells: SpellEntry[] = [];
  if (race.cantrip) {
    taken.add(race.cantrip.name);
    spells.push({ name: race.cantrip.name, level: 0, prepared: true, source: race.name });
  }
  const slots = slotsFor(cls.caster, level).map((max, i) => ({ level: i + 1, max, used: 0 }));
  const pact = cls.caster === 'pact' ? pactSlots(level) : null;
  if (cls.caster) {
    const lists = SPELL_LISTS[cls.name]!;
    const cantrips = CANTRIPS_KNOWN[cls.name]?.(level) ?? 0;
    for (const name of draw(random, lists[0]!, cantrips, taken)) spells.push({ name, level: 0, prepared: true, source: cls.name });
    const mod = mods[cls.castingAbility!];
    // Circle of the Land: one land, chosen like any other pick, whose spells are always prepared.
    const land = cls.name === 'Druid' && level >= 3 ? Object.keys(CIRCLE_SPELLS)[random.integer(0, Object.keys(CIRCLE_SPELLS).length - 1)]! : null;
    const always = [...(ALWAYS_PREPARED[cls.name] ?? []).map((s) => [...s, cls.subclass] as const), ...(land ? CIRCLE_SPELLS[land]!.map((s) => [...s, `Circle of the Land (${land})`] as const) : [])];
    for (const [at, name, spellLevel, source] of always) {
      if (level >= at && !taken.has(name)) {
        taken.add(name);
        spells.push({ name, level: spellLevel, prepared: true, source });
      }
    }
    const maxAt = (l: number) => maxSpellLevel(cls, l);
    if (!cls.prepares) {
      spells.push(...learnSpells(random, cls, level, (l) => SPELLS_KNOWN[cls.name]![l - 1]!, maxAt, taken));
    } else {
      const prepared = Math.max(1, mod + (cls.caster === 'half' ? Math.floor(level / 2) : level));
      if (cls.name === 'Wizard') {
        const book = learnSpells(random, cls, level, (l) => 6 + 2 * (l - 1), maxAt, taken);
        // Prepare from the book, highest levels first, the rest stay in the book.
        const order = [...book].sort((a, b) => b.level - a.level);
        order.forEach((s, i) => (s.prepared = i < prepared));
        spells.push(...book);
      } else if (cls.caster === 'full' || level >= 2) {
        spells.push(...prepareSpells(random, cls, maxAt(level), prepared, taken));
      }
    }
    if (cls.caster === 'pact') {
      for (const [at, spellLevel] of MYSTIC_ARCANUM) {
        if (level >= at) for (const name of draw(random, lists[spellLevel]!, 1, taken)) spells.push({ name, level: spellLevel, prepared: true, source: 'Mystic Arcanum' });
      }
    }
  }
  // A paladin or ranger at 1st level has no spellcasting yet.
  if (!spells.length && !slots.length && !pact) return null;
  const castingMod = mods[ability];
  return {
    ability,
    saveDc: 8 + proficiency + castingMod,
    attackBonus: proficiency + castingMod,
    slots,
    pactSlots: pact ? { level: pact.level, max: pact.count, used: 0 } : null,
    spells,
  };
}
