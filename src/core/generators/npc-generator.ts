import type { Random } from '../ports/random.js';
import { ABILITIES, APPEARANCE, BONDS, FLAWS, HOOKS, IDEALS, NAMES, ROLES, TRAITS, type Ability } from './npc-tables.js';

export interface NpcRequest {
  role?: string;
  race?: string;
  level: number;
  traits?: string[];
}

const pick = <T>(random: Random, list: readonly T[]): T => list[random.integer(0, list.length - 1)]!;
const modifier = (score: number) => Math.floor((score - 10) / 2);

/**
 * A ready-to-play NPC: name, look, personality (trait, ideal, bond, flaw), a plot hook and a 5e-style
 * stat block scaled by level. Everything comes from the injected Random, so a seed gives the same NPC.
 */
export function generateNpc(random: Random, request: NpcRequest) {
  const race = request.race && NAMES[request.race] ? request.race : pick(random, Object.keys(NAMES));
  const role = request.role && ROLES[request.role] ? request.role : pick(random, Object.keys(ROLES));
  const template = ROLES[role]!;
  const names = NAMES[race]!;
  const abilities = Object.fromEntries(
    ABILITIES.map((a) => {
      // 3d6 drop nothing for the everyman; the job's key scores are the better of that and the template.
      const rolled = random.integer(1, 6) + random.integer(1, 6) + random.integer(1, 6);
      return [a, Math.max(rolled, template.abilities[a] ?? 0)];
    }),
  ) as Record<Ability, number>;
  const proficiency = 2 + Math.floor((request.level - 1) / 4);
  const conMod = modifier(abilities.con);
  const hp = Math.max(1, template.hitDie + conMod + (request.level - 1) * (Math.floor(template.hitDie / 2) + 1 + conMod));
  const dexMod = modifier(abilities.dex);
  const bestSkillAbility: Record<string, Ability> = {
    Insight: 'wis', Persuasion: 'cha', Deception: 'cha', Perception: 'wis', Athletics: 'str', History: 'int', Religion: 'int', Medicine: 'wis', Stealth: 'dex',
    'Sleight of Hand': 'dex', Arcana: 'int', Investigation: 'int', 'Animal Handling': 'wis', Nature: 'int', Intimidation: 'cha', Performance: 'cha', Survival: 'wis',
  };
  return {
    name: `${pick(random, names.given)} ${pick(random, names.family)}`,
    race,
    role,
    level: request.level,
    appearance: pick(random, APPEARANCE),
    personality: {
      traits: request.traits?.length ? request.traits : [pick(random, TRAITS)],
      ideal: pick(random, IDEALS),
      bond: pick(random, BONDS),
      flaw: pick(random, FLAWS),
    },
    hook: pick(random, HOOKS),
    stats: {
      abilities,
      ac: Math.max(template.ac, 10 + (template.ac <= 12 ? dexMod : 0)),
      hp,
      speed: race === 'dwarf' || race === 'halfling' || race === 'gnome' ? 25 : 30,
      proficiency,
      skills: Object.fromEntries(template.skills.map((s) => [s, modifier(abilities[bestSkillAbility[s] ?? 'wis']) + proficiency])),
      gear: template.gear,
    },
  };
}

export const NPC_ROLES = Object.keys(ROLES);
export const NPC_RACES = Object.keys(NAMES);
