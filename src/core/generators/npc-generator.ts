import { abilityModifier, AbilityKeys, type Ability } from '../characters/character-sheet.js';
import type { Random } from '../ports/random.js';
import { fail, ok, type Result } from '../result.js';
import { compose } from './backstory.js';
import { CHALLENGE_STATS } from './challenge-stats.js';
import { crValue, XP_BY_CR } from './encounters/encounter-tables.js';
import { BUILDS, COMMON_BONDS, COMMON_FLAWS, COMMON_IDEALS, COMMON_TRAITS, MANNERISMS, VOICES } from './genres/common-personality.js';
import { GENRES, type Genre, type GenreId } from './genres/index.js';
import { makeNameParts, pick, withArticle, type NameCulture } from './names.js';

export interface NpcRequest {
  genre: GenreId;
  role?: string | undefined;
  /** Fantasy: the race; other genres: what the person is (human, android, werewolf, ...). */
  race?: string | undefined;
  culture?: string | undefined;
  level: number;
  challenge?: string | undefined;
  traits?: string[] | undefined;
}

const same = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');
const listed = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
const draw = (random: Random, a: readonly string[], b: readonly string[]) => pick(random, [...a, ...b]);
/** Two different entries from a list. */
const two = (random: Random, list: readonly string[]): [string, string] => {
  const first = pick(random, list);
  return [first, pick(random, list.filter((x) => x !== first))];
};

/** Checks role, race, culture and challenge against the genre; each failure names the field and lists what fits. */
export function checkNpcRequest(req: NpcRequest): Result<NpcRequest> {
  const genre = GENRES[req.genre];
  if (req.role && !Object.keys(genre.roles).some((r) => same(r, req.role!))) return fail('VALIDATION', `Unknown role "${req.role}" for ${genre.label}: expected one of ${listed(Object.keys(genre.roles))}`, { field: 'role' });
  if (req.race && !genre.peoples.some((p) => same(p, req.race!))) return fail('VALIDATION', `Unknown race "${req.race}" for ${genre.label}: expected one of ${listed([...new Set(genre.peoples)])}`, { field: 'race' });
  if (req.culture && !genre.cultures.some((c) => same(c.id, req.culture!) || same(c.label, req.culture!))) {
    return fail('VALIDATION', `Unknown culture "${req.culture}" for ${genre.label}: expected one of ${listed(genre.cultures.map((c) => c.id))}`, { field: 'culture' });
  }
  if (req.challenge && !CHALLENGE_STATS[req.challenge]) return fail('VALIDATION', `Unknown challenge "${req.challenge}": expected 0, 1/8, 1/4, 1/2 or 1 to 30`, { field: 'challenge' });
  return ok(req);
}

function chooseCulture(random: Random, genre: Genre, race: string, wanted: string | undefined): NameCulture {
  if (wanted) return genre.cultures.find((c) => same(c.id, wanted) || same(c.label, wanted))!;
  // Fantasy peoples name themselves after their own custom.
  return genre.cultures.find((c) => c.id === race) ?? pick(random, genre.cultures);
}

/**
 * A ready-to-play NPC for any genre: a name fitting genre and culture, look, personality (traits, ideal,
 * bond, flaw, voice, mannerisms), motivation, secret, hook, a template backstory, a d20 stat block scaled
 * by level or challenge, and the genre's generic sheet. Everything comes from the given Random.
 */
export function generateNpc(random: Random, req: NpcRequest) {
  const genre = GENRES[req.genre];
  const roleName = req.role ? Object.keys(genre.roles).find((r) => same(r, req.role!))! : pick(random, Object.keys(genre.roles));
  const role = genre.roles[roleName]!;
  const race = req.race ? genre.peoples.find((p) => same(p, req.race!))! : pick(random, genre.peoples);
  const culture = chooseCulture(random, genre, race, req.culture);
  const { name, given: firstName } = makeNameParts(random, culture);

  const abilities = Object.fromEntries(
    AbilityKeys.map((a) => {
      // 3d6 for the everyman; the job's key scores are the better of that and the template.
      const rolled = random.integer(1, 6) + random.integer(1, 6) + random.integer(1, 6);
      return [a, Math.max(rolled, role.abilities[a] ?? 0)];
    }),
  ) as Record<Ability, number>;
  const mod = (a: Ability) => abilityModifier(abilities[a]);
  const cr = req.challenge ? CHALLENGE_STATS[req.challenge]! : null;
  const level = cr ? Math.min(20, Math.max(1, Math.ceil(crValue(req.challenge!)))) : req.level;
  const proficiency = cr ? cr.proficiency : 2 + Math.floor((level - 1) / 4);
  const hp = cr
    ? random.integer(cr.hp[0], cr.hp[1])
    : Math.max(1, role.hitDie + mod('con') + (level - 1) * (Math.floor(role.hitDie / 2) + 1 + mod('con')));
  const ac = cr ? Math.max(cr.ac, role.ac) : Math.max(role.ac, 10 + (role.ac <= 12 ? mod('dex') : 0));
  const best = role.skills.map(([, a]) => a).sort((x, y) => abilities[y] - abilities[x])[0] ?? 'str';
  const attack = cr
    ? { toHit: cr.attack, damagePerRound: Math.round((cr.damage[0] + cr.damage[1]) / 2), saveDc: cr.saveDc }
    : { toHit: Math.max(mod('str'), mod('dex')) + proficiency, damagePerRound: Math.max(1, 4 + Math.max(mod('str'), mod('dex'))) * (level >= 11 ? 3 : level >= 5 ? 2 : 1), saveDc: 8 + proficiency + mod(best) };
  const skills = Object.fromEntries(role.skills.map(([s, a]) => [s, mod(a) + proficiency]));

  const build = pick(random, genre.appearance.build.length ? genre.appearance.build : BUILDS);
  const appearance = `${race}, ${build}, with ${pick(random, genre.appearance.feature)}, wearing ${pick(random, genre.appearance.dress)}`;
  const [hook, secondHook] = two(random, genre.hooks);
  const personality = {
    traits: req.traits?.length ? req.traits : two(random, [...genre.traits, ...COMMON_TRAITS]),
    ideal: draw(random, genre.ideals, COMMON_IDEALS),
    bond: draw(random, genre.bonds, COMMON_BONDS),
    flaw: draw(random, genre.flaws, COMMON_FLAWS),
    voice: pick(random, VOICES),
    mannerisms: two(random, MANNERISMS),
  };
  const motivation = pick(random, genre.motivations);
  const secret = pick(random, genre.secrets);
  const values = { name: firstName, role: roleName, aRole: withArticle(roleName), people: race, culture: culture.label, aCulture: withArticle(culture.label), place: pick(random, genre.places) };
  const backstory = `${compose(random, [genre.backstory.origins, genre.backstory.turns, genre.backstory.nows], values)} Above all, ${firstName} wants ${motivation}.`;
  const rating = (score: number) => Math.min(5, Math.max(1, Math.round((score - 4) / 3)));

  return {
    name,
    knownAs: firstName,
    genre: genre.id,
    culture: culture.label,
    race,
    role: roleName,
    level,
    challenge: req.challenge ?? null,
    xp: req.challenge ? XP_BY_CR[req.challenge]! : null,
    appearance,
    personality,
    motivation,
    secret,
    hook,
    backstory,
    stats: {
      abilities,
      ac,
      hp,
      speed: ['dwarf', 'halfling', 'gnome'].includes(race) ? 25 : 30,
      proficiency,
      initiativeBonus: mod('dex'),
      attack,
      skills,
      gear: role.gear,
    },
    sheet: {
      attributes: Object.fromEntries(AbilityKeys.map((a) => [genre.attributes[a], rating(abilities[a])])),
      skills: Object.fromEntries(role.skills.map(([s, a]) => [s, Math.min(5, Math.max(1, Math.round((mod(a) + proficiency) / 2)))])),
      gear: role.gear,
      hooks: [hook, secondHook],
    },
  };
}

export type Npc = ReturnType<typeof generateNpc>;
