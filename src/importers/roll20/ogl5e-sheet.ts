import { AbilityKeys, fail, ok, Skills5e, type Ability, type CharacterSheetInput, type Result } from '../../core/index.js';
import type { VttesAttrib, VttesCharacter } from './vttes-format.js';

/**
 * Reads the "D&D 5E by Roll20" (OGL) sheet's stored attributes into the universal sheet. Roll20's
 * sheet workers already computed every bonus (`strength_mod`, `stealth_bonus`, `ac`, `atkbonus`...),
 * so the values are taken as stored, never recomputed: what the player saw is what the hub rolls.
 */

const ABILITY_NAMES: Record<Ability, string> = { str: 'strength', dex: 'dexterity', con: 'constitution', int: 'intelligence', wis: 'wisdom', cha: 'charisma' };
const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

class Attribs {
  readonly byName = new Map<string, VttesAttrib>();
  constructor(list: VttesAttrib[]) {
    for (const a of list) this.byName.set(a.name.toLowerCase(), a);
  }
  text(name: string, which: 'current' | 'max' = 'current'): string {
    const v = this.byName.get(name.toLowerCase())?.[which];
    return v === undefined || v === null ? '' : String(v).trim();
  }
  /** A stored number; "+5", "30 ft." and "13" all read as numbers. */
  num(name: string, which: 'current' | 'max' = 'current'): number | null {
    const m = /^[+]?(-?\d+(?:\.\d+)?)/.exec(this.text(name, which).replace(/\s+/g, ''));
    return m ? Number(m[1]) : null;
  }
  int(name: string, fallback: number, which: 'current' | 'max' = 'current'): number {
    const n = this.num(name, which);
    return n === null ? fallback : Math.round(n);
  }
  /** Rows of a repeating section: `repeating_attack_<rowid>_atkname` -> { rowid: { atkname } }, in the sheet's order. */
  rows(section: string): Record<string, string>[] {
    const prefix = `repeating_${section}_`;
    const rows = new Map<string, Record<string, string>>();
    for (const [lower, a] of this.byName) {
      if (!lower.startsWith(prefix)) continue;
      const rest = a.name.slice(prefix.length);
      // Row ids are Firebase push ids ("-" and 19 characters, "_" included); hand-made ones are read up to the first "_".
      const m = /^(-[A-Za-z0-9_-]{19})_(.+)$/.exec(rest) ?? /^(-?[A-Za-z0-9-]+)_(.+)$/.exec(rest);
      if (!m) continue;
      const row = rows.get(m[1]!) ?? {};
      row[m[2]!.toLowerCase()] = a.current === undefined || a.current === null ? '' : String(a.current);
      rows.set(m[1]!, row);
    }
    const order = this.text(`_reporder_${prefix.slice(0, -1)}`).split(',').filter(Boolean);
    const ids = [...rows.keys()].sort((a, b) => rank(order, a) - rank(order, b));
    return ids.map((id) => rows.get(id)!);
  }
}
const rank = (order: string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};

const profOf = (prof: string, type: string): 'none' | 'proficient' | 'expertise' => {
  if (!prof || prof === '0') return 'none';
  return type === '2' ? 'expertise' : 'proficient';
};

/** "1d8+3 Slashing " -> { damage: "1d8+3", type: "Slashing" } */
function splitDamage(text: string, fallbackType: string): { damage: string; type: string | null } {
  const m = /^\s*([0-9dD+\-*/() ]*?)\s*([A-Za-z][A-Za-z ]*)?\s*$/.exec(text);
  if (m) return { damage: (m[1] ?? '').replace(/\s+/g, ''), type: (m[2] ?? fallbackType).trim() || null };
  // Two damage parts ("1d8+3 Slashing + 1d6 Fire"): the dice are added up, the first type named.
  const dice = text.match(/\d*d\d+(?:\s*[+-]\s*\d+(?![\dd]))?/gi) ?? [];
  return { damage: dice.map((d) => d.replace(/\s+/g, '')).join('+'), type: /[A-Za-z]{3,}/.exec(text.replace(/\d*d\d+/gi, ''))?.[0] ?? (fallbackType || null) };
}

const htmlToText = (html: string) => {
  let text = html;
  try {
    text = decodeURIComponent(html);
  } catch {
    // Not URL-encoded: keep it as it is.
  }
  return text
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

export function ogl5eSheet(character: VttesCharacter, where = 'data'): Result<CharacterSheetInput> {
  const at = new Attribs(character.attribs);
  if (!at.byName.has('strength') || !at.byName.has('hp')) {
    return fail('BAD_FILE', `"${character.name}" does not use the "D&D 5E by Roll20" sheet (it has no strength or hp attribute): only that sheet's exports can be imported`, {
      field: `${where}.attribs`,
    });
  }
  const abilities = Object.fromEntries(AbilityKeys.map((k) => [k, at.int(ABILITY_NAMES[k], 10)])) as Record<Ability, number>;
  const mod = (k: Ability) => at.int(`${ABILITY_NAMES[k]}_mod`, Math.floor((abilities[k] - 10) / 2));

  const level = at.int('level', 0);
  const classes: { name: string; subclass: string | null; level: number }[] = [];
  const main = at.text('class') || at.text('custom_class_name');
  if (main) classes.push({ name: main, subclass: at.text('subclass') || null, level: at.int('base_level', level) });
  for (const n of [1, 2, 3]) {
    if (at.text(`multiclass${n}_flag`) !== '1') continue;
    classes.push({ name: at.text(`multiclass${n}`) || `Class ${n + 1}`, subclass: at.text(`multiclass${n}_subclass`) || null, level: at.int(`multiclass${n}_lvl`, 1) });
  }

  const saves = Object.fromEntries(
    AbilityKeys.map((k) => [k, { ability: k, proficiency: profOf(at.text(`${ABILITY_NAMES[k]}_save_prof`), '1'), bonus: at.int(`${ABILITY_NAMES[k]}_save_bonus`, mod(k)) }]),
  );
  const skills = Object.fromEntries(
    Object.entries(Skills5e).map(([key, ability]) => {
      const s = snake(key);
      return [key, { ability, proficiency: profOf(at.text(`${s}_prof`), at.text(`${s}_type`)), bonus: at.int(`${s}_bonus`, mod(ability)) }];
    }),
  );

  const attacks = at.rows('attack').filter((r) => r.atkname).map((r) => {
    const dmg = splitDamage(r.atkdmgtype ?? '', r.dmgtype ?? '');
    const toHit = /^[+-]?\d+$/.test((r.atkbonus ?? '').trim()) ? Number((r.atkbonus ?? '').trim()) : null;
    const save = r.saveflag && r.saveflag !== '0' && r.saveattr ? `${r.saveattr} save DC ${r.savedc ?? ''}`.trim() : null;
    return {
      name: r.atkname!.slice(0, 120),
      toHit,
      damage: dmg.damage || (r.dmgbase ?? '').replace(/\s+/g, ''),
      damageType: dmg.type,
      range: r.atkrange || null,
      notes: [save, r.atk_desc].filter(Boolean).join('; ').slice(0, 500) || null,
    };
  });

  const inventory = at.rows('inventory').filter((r) => r.itemname).map((r) => ({
    name: r.itemname!.slice(0, 160),
    quantity: Math.max(0, Math.round(Number(r.itemcount ?? '1') || 0)) || (r.itemcount === '0' ? 0 : 1),
    // The sheet shows an item as equipped until its box is unticked.
    equipped: r.equipped !== '0',
    attuned: false,
    weight: Number.isFinite(Number.parseFloat(r.itemweight ?? '')) ? Number.parseFloat(r.itemweight!) : null,
    notes: [r.itemmodifiers, r.itemcontent].filter(Boolean).join('\n').slice(0, 2000) || null,
  }));

  const features = at.rows('traits').filter((r) => r.name).map((r) => ({
    name: r.name!.slice(0, 160),
    source: [r.source, r.source_type].filter(Boolean).join(': ').slice(0, 120) || null,
    description: htmlToText(r.description ?? '').slice(0, 10_000),
  }));

  const spells = [];
  for (const [section, lvl] of [['spell-cantrip', 0], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`spell-${n}`, n] as const)] as const) {
    for (const r of at.rows(section)) {
      if (!r.spellname) continue;
      spells.push({ name: r.spellname.slice(0, 120), level: lvl, prepared: lvl === 0 || r.spellprepared !== '0', source: r.spellsource || null });
    }
  }
  const slots = [];
  for (let n = 1; n <= 9; n++) {
    const total = at.int(`lvl${n}_slots_total`, 0);
    if (total <= 0) continue;
    // The sheet's "expended" box counts down as slots are spent: it holds the slots left.
    const left = at.int(`lvl${n}_slots_expended`, total);
    slots.push({ level: n, max: Math.min(total, 20), used: Math.min(Math.max(total - left, 0), total, 20) });
  }
  const castingAbility = /@\{(\w+)_mod\}/.exec(at.text('spellcasting_ability'))?.[1];
  const ability = (Object.entries(ABILITY_NAMES).find(([, n]) => n === castingAbility)?.[0] as Ability | undefined) ?? null;
  const spellcasting =
    ability || spells.length > 0 || slots.length > 0
      ? { ability, saveDc: at.num('spell_save_dc') || null, attackBonus: ability ? at.int('spell_attack_bonus', 0) : null, slots, pactSlots: null, spells }
      : null;

  const special = features.filter((f) => /darkvision|blindsight|tremorsense|truesight/i.test(f.name)).map((f) => f.name.toLowerCase().slice(0, 80));
  const bio = htmlToText(character.bio ?? '');
  const traits = ['personality_traits', 'ideals', 'bonds', 'flaws'].map((k) => at.text(k)).filter(Boolean);

  return ok({
    id: '',
    name: character.name.slice(0, 120) || 'Unnamed',
    system: 'dnd5e',
    race: (at.text('race_display') || at.text('race')).slice(0, 80) || null,
    background: at.text('background').slice(0, 80) || null,
    classes,
    level: level || classes.reduce((s, c) => s + c.level, 0),
    abilities,
    // An empty max box means the player only kept current HP.
    hp: { max: at.int('hp', at.int('hp', 0), 'max'), current: at.int('hp', 0), temp: Math.max(0, at.int('hp_temp', 0)) },
    ac: at.int('ac', 10),
    speed: at.int('speed', 30),
    proficiencyBonus: at.int('pb', 2),
    initiativeBonus: at.int('initiative_bonus', mod('dex')),
    saves,
    skills,
    senses: { passivePerception: at.int('passive_wisdom', 10 + (skills.perception?.bonus ?? 0)), passiveInvestigation: null, passiveInsight: null, special },
    attacks,
    inventory,
    features,
    spellcasting,
    notes: [bio, ...traits].filter(Boolean).join('\n\n').slice(0, 50_000),
    source: { provider: 'roll20', id: character.oldId || null, url: null, importedAt: '' },
  });
}
