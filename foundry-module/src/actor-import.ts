import { z } from 'zod';
import { CharacterSheetSchema, Skills5e, type CharacterSheet } from '../../src/core/characters/character-sheet.js';
import type { ActorLike, FoundryEnv } from './foundry-env.js';
import { escapeHtml, MODULE_ID } from './module-constants.js';

/**
 * Hub NPCs, monsters and characters as Foundry actors. dnd5e gets real sheets (abilities, HP, AC,
 * CR, type, senses, actions as items); other systems get a plain actor of their first actor type
 * with the hub's data kept in flags. Importing the same hub id again updates the same actor.
 */

type Abilities = Record<'str' | 'dex' | 'con' | 'int' | 'wis' | 'cha', number>;
const ABILITIES = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;

/** dnd5e's skill keys for the sheet's camelCase names. */
const SKILL_KEYS: Record<keyof typeof Skills5e, string> = {
  acrobatics: 'acr', animalHandling: 'ani', arcana: 'arc', athletics: 'ath', deception: 'dec', history: 'his', insight: 'ins', intimidation: 'itm', investigation: 'inv',
  medicine: 'med', nature: 'nat', perception: 'prc', performance: 'prf', persuasion: 'per', religion: 'rel', sleightOfHand: 'slt', stealth: 'ste', survival: 'sur',
};
const PROFICIENCY = { none: 0, half: 0.5, proficient: 1, expertise: 2 } as const;

/** A stat block as the hub keeps NPCs and monsters: generate_npc's shape, or a campaign item with the usual fields. */
export interface StatBlock {
  id: string;
  name: string;
  abilities: Partial<Abilities>;
  hp: number | null;
  ac: number | null;
  cr: number | null;
  type: string | null;
  speed: number | null;
  senses: string[];
  actions: { name: string; description: string }[];
  biography: string;
}

/** Reads a hub NPC (generate_npc output or a campaign `npcs` item) without trusting its shape. */
export function statBlockOf(raw: unknown, fallbackId: string): StatBlock | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, any>;
  const stats = (o.stats && typeof o.stats === 'object' ? o.stats : o) as Record<string, any>;
  const name = typeof o.name === 'string' && o.name.trim() ? o.name.trim().slice(0, 120) : null;
  if (!name) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : null);
  const abilities: Partial<Abilities> = {};
  for (const a of ABILITIES) {
    const v = num(stats.abilities?.[a]);
    if (v !== null) abilities[a] = Math.max(1, Math.min(30, Math.round(v)));
  }
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? v.split(/[,;]\s*/) : []);
  const actionList = [...(Array.isArray(o.actions) ? o.actions : []), ...(Array.isArray(stats.actions) ? stats.actions : [])]
    .filter((a) => a && typeof a === 'object' && typeof a.name === 'string')
    .map((a) => ({ name: String(a.name).slice(0, 120), description: String(a.description ?? a.desc ?? a.text ?? [a.toHit != null ? `+${a.toHit} to hit` : '', a.damage ?? ''].filter(Boolean).join(', ')) }));
  const gear = list(stats.gear).map((g) => ({ name: g.slice(0, 120), description: '' }));
  const personality = o.personality && typeof o.personality === 'object' ? o.personality : null;
  const bio = [
    typeof o.appearance === 'string' ? o.appearance : '',
    typeof o.description === 'string' ? o.description : '',
    personality ? `Traits: ${list(personality.traits).join('; ')}. Ideal: ${personality.ideal ?? ''}. Bond: ${personality.bond ?? ''}. Flaw: ${personality.flaw ?? ''}.` : '',
    typeof o.hook === 'string' ? `Hook: ${o.hook}` : '',
  ].filter(Boolean);
  return {
    id: typeof o.id === 'string' && o.id ? o.id : fallbackId,
    name,
    abilities,
    hp: num(stats.hp?.max ?? stats.hp),
    ac: num(stats.ac?.value ?? stats.ac),
    cr: num(o.cr ?? stats.cr ?? o.challengeRating),
    type: typeof (o.type ?? o.creatureType) === 'string' ? String(o.type ?? o.creatureType).toLowerCase() : typeof o.race === 'string' ? 'humanoid' : null,
    speed: num(stats.speed?.walk ?? stats.speed),
    senses: list(o.senses ?? stats.senses),
    actions: [...actionList, ...gear],
    biography: bio.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
  };
}

/** dnd5e's senses fields from lines like "darkvision 60 ft." */
function sensesOf(lines: string[]): Record<string, number> {
  const senses: Record<string, number> = {};
  for (const line of lines) {
    const m = /(darkvision|blindsight|tremorsense|truesight)\s*(\d+)/i.exec(line);
    if (m) senses[m[1]!.toLowerCase()] = Number(m[2]);
  }
  return senses;
}

const itemFlags = (hubId: string) => ({ [MODULE_ID]: { hubId, generated: true } });

export function npcActorData(npc: StatBlock, hubId: string, system: string, actorTypes: string[]): Record<string, unknown> {
  const flags = { [MODULE_ID]: { hubId, kind: 'npc', data: npc } };
  if (system !== 'dnd5e') return { name: npc.name, type: genericType(actorTypes, 'npc'), flags };
  return {
    name: npc.name,
    type: 'npc',
    system: {
      abilities: Object.fromEntries(Object.entries(npc.abilities).map(([k, v]) => [k, { value: v }])),
      attributes: {
        ...(npc.hp ? { hp: { value: npc.hp, max: npc.hp } } : {}),
        ...(npc.ac !== null ? { ac: { calc: 'flat', flat: npc.ac } } : {}),
        ...(npc.speed !== null ? { movement: { walk: npc.speed } } : {}),
        senses: sensesOf(npc.senses),
      },
      details: { ...(npc.cr !== null ? { cr: npc.cr } : {}), ...(npc.type ? { type: { value: npc.type } } : {}), biography: { value: npc.biography } },
    },
    items: npc.actions.map((a) => ({ name: a.name, type: 'feat', system: { description: { value: `<p>${escapeHtml(a.description)}</p>` } }, flags: itemFlags(hubId) })),
    flags,
  };
}

export function characterActorData(sheet: CharacterSheet, hubId: string, system: string, actorTypes: string[]): Record<string, unknown> {
  const flags = { [MODULE_ID]: { hubId, kind: 'character', data: sheet } };
  if (system !== 'dnd5e') return { name: sheet.name, type: genericType(actorTypes, 'character'), flags };
  const skills: Record<string, { value: number }> = {};
  for (const [name, key] of Object.entries(SKILL_KEYS)) {
    const s = sheet.skills[name];
    if (s) skills[key] = { value: PROFICIENCY[s.proficiency] };
  }
  const item = (name: string, type: string, description = '', extra: Record<string, unknown> = {}) => ({
    name: name.slice(0, 160),
    type,
    system: { description: { value: description ? `<p>${escapeHtml(description)}</p>` : '' }, ...extra },
    flags: itemFlags(hubId),
  });
  return {
    name: sheet.name,
    type: 'character',
    system: {
      abilities: Object.fromEntries(ABILITIES.map((a) => [a, { value: sheet.abilities[a], proficient: sheet.saves[a] && sheet.saves[a]!.proficiency !== 'none' ? 1 : 0 }])),
      attributes: {
        hp: { value: sheet.hp.current, max: sheet.hp.max, temp: sheet.hp.temp },
        ac: { calc: 'flat', flat: sheet.ac },
        movement: { walk: sheet.speed },
        senses: sensesOf(sheet.senses.special),
      },
      skills,
      details: { biography: { value: sheet.notes ? `<p>${escapeHtml(sheet.notes)}</p>` : '' } },
    },
    items: [
      ...sheet.classes.map((c) => item(c.name, 'class', c.subclass ?? '', { levels: c.level })),
      ...sheet.attacks.map((a) => item(a.name, 'weapon', [a.toHit !== null ? `${a.toHit >= 0 ? '+' : ''}${a.toHit} to hit` : '', a.damage, a.damageType, a.range, a.notes].filter(Boolean).join(', '))),
      ...sheet.features.map((f) => item(f.name, 'feat', f.description)),
      ...sheet.inventory.map((i) => item(i.name, 'loot', i.notes ?? '', { quantity: i.quantity })),
      ...(sheet.spellcasting?.spells ?? []).map((s) => item(s.name, 'spell', '', { level: s.level })),
    ],
    flags,
  };
}

function genericType(types: string[], wanted: string): string {
  return types.includes(wanted) ? wanted : types.includes('npc') ? 'npc' : (types[0] ?? wanted);
}

export interface ActorImportEnv {
  env: FoundryEnv;
  actorTypes: () => string[];
}

/** Creates the actor, or updates the one made from the same hub id before. Returns it and whether it was new. */
export async function upsertActor(ctx: ActorImportEnv, data: Record<string, unknown>): Promise<{ actor: ActorLike; created: boolean }> {
  const hubId = (data.flags as Record<string, { hubId: string }>)[MODULE_ID]!.hubId;
  const existing = ctx.env.game.actors.contents.find((a) => a.getFlag(MODULE_ID, 'hubId') === hubId);
  if (!existing) return { actor: (await ctx.env.Actor.create(data)) as ActorLike, created: true };
  const { items, type: _type, ...rest } = data as { items?: Record<string, unknown>[]; type: string };
  await existing.update(rest);
  if (items && existing.items && existing.createEmbeddedDocuments && existing.deleteEmbeddedDocuments) {
    // Items the hub made are replaced; anything the GM added by hand stays.
    const old = existing.items.contents.filter((i) => i.getFlag(MODULE_ID, 'generated')).map((i) => i.id!);
    if (old.length) await existing.deleteEmbeddedDocuments('Item', old);
    if (items.length) await existing.createEmbeddedDocuments('Item', items);
  }
  return { actor: existing, created: false };
}

/** Parses a hub character (a campaign `characters` item) as the universal sheet, or says what is wrong. */
export function parseCharacter(raw: unknown): { ok: true; sheet: CharacterSheet } | { ok: false; message: string } {
  // Campaign items may carry fields of their own beside the sheet: read the sheet, ignore the rest.
  const parsed = z.object(CharacterSheetSchema.shape).safeParse(raw);
  if (parsed.success) return { ok: true, sheet: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${issue.path.join('.') || 'sheet'}: ${issue.message}` };
}
