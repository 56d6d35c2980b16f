import { abilityModifier, AbilityKeys, Skills5e, type Ability, type AbilityScores, type CharacterSheetInput, type Proficiency } from '../../characters/character-sheet.js';
import type { DiceEngine } from '../../dice/dice-engine.js';
import type { Random } from '../../ports/random.js';
import { rollScores, type RolledScores, type ScoreMethod } from '../ability-scores.js';
import type { Background } from './background.js';
import { buildSpellcasting } from './character-spells.js';
import { proficiencyForLevel, type ClassDef } from './classes.js';
import { ARMOR, armorClass, attackAbility, WEAPONS, type Armor } from './equipment.js';
import { FEATURES } from './features.js';
import type { Race } from './races.js';

export type HpMethod = 'average' | 'rolled';

export interface CharacterRequest {
  cls: ClassDef;
  race: Race;
  background: Background;
  level: number;
  method: ScoreMethod;
  hpMethod: HpMethod;
  name: string;
}

/** How the sheet's numbers came about, so a GM (and a test) can audit them. */
export interface GenerationRecord {
  method: ScoreMethod;
  build: number;
  baseScores: AbilityScores;
  pointBuyCost: number | null;
  rolls: RolledScores['rolls'];
  bonuses: { source: string; ability: Ability; amount: number }[];
  hitPointRolls: number[];
  fightingStyles: string[];
}

const SKILL_KEYS = Object.keys(Skills5e) as (keyof typeof Skills5e)[];
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${n}` : '');
const pickSome = <T>(random: Random, pool: readonly T[], count: number): T[] => {
  const open = [...pool];
  const out: T[] = [];
  while (out.length < count && open.length) out.push(open.splice(random.integer(0, open.length - 1), 1)[0]!);
  return out;
};

/** Ability score increases: two points each time, to the most important ability still below 20. */
function improve(scores: AbilityScores, priority: readonly Ability[], level: number, cls: ClassDef, bonuses: GenerationRecord['bonuses']) {
  for (const at of cls.asiLevels.filter((l) => l <= level)) {
    let points = 2;
    for (const a of priority) {
      while (points > 0 && scores[a] < 20) {
        scores[a]++;
        points--;
        bonuses.push({ source: `Ability Score Improvement (level ${at})`, ability: a, amount: 1 });
      }
    }
  }
  if (cls.name === 'Barbarian' && level >= 20) {
    for (const a of ['str', 'con'] as const) {
      const amount = Math.min(4, 24 - scores[a]);
      scores[a] += amount;
      if (amount) bonuses.push({ source: 'Primal Champion', ability: a, amount });
    }
  }
}

/** Builds a legal SRD 5.1 character of the given class, race, background and level. */
export function buildCharacter(random: Random, dice: DiceEngine, req: CharacterRequest): { sheet: Omit<CharacterSheetInput, 'id' | 'source'>; generation: GenerationRecord } {
  const { cls, race, background, level } = req;
  const buildIndex = random.integer(0, cls.builds.length - 1);
  const build = cls.builds[buildIndex]!;
  const rolled = rollScores(req.method, build.priority, random, dice);
  const scores = { ...rolled.scores };
  const bonuses: GenerationRecord['bonuses'] = [];
  for (const [a, amount] of Object.entries(race.bonuses) as [Ability, number][]) {
    scores[a] += amount;
    bonuses.push({ source: race.name, ability: a, amount });
  }
  for (const a of build.priority.filter((p) => !(p in race.bonuses)).slice(0, race.freeBonuses)) {
    scores[a] += 1;
    bonuses.push({ source: `${race.name} (choice)`, ability: a, amount: 1 });
  }
  improve(scores, build.priority, level, cls, bonuses);
  const mods = Object.fromEntries(AbilityKeys.map((a) => [a, abilityModifier(scores[a])])) as Record<Ability, number>;
  const pb = proficiencyForLevel(level);
  const styles = build.styles.filter((_, i) => level >= (cls.name === 'Fighter' ? [1, 10][i]! : 2));

  // Saving throws.
  const saveProf = new Set<Ability>(cls.saves);
  if (cls.name === 'Rogue' && level >= 15) saveProf.add('wis');
  if (cls.name === 'Monk' && level >= 14) AbilityKeys.forEach((a) => saveProf.add(a));
  const saves = Object.fromEntries(AbilityKeys.map((a) => [a, { ability: a, proficiency: saveProf.has(a) ? 'proficient' : 'none', bonus: mods[a] + (saveProf.has(a) ? pb : 0) }]));

  // Skills: background and race first, then the class's picks among the rest (any skill once the list runs dry).
  const proficient = new Set<string>([...background.skills, ...race.skills]);
  pickSome(random, SKILL_KEYS.filter((s) => !proficient.has(s)), race.freeSkills).forEach((s) => proficient.add(s));
  const classPool = cls.skillChoices === 'any' ? SKILL_KEYS : cls.skillChoices;
  const classPicks = pickSome(random, classPool.filter((s) => !proficient.has(s)), cls.skillCount);
  classPicks.push(...pickSome(random, SKILL_KEYS.filter((s) => !proficient.has(s) && !classPicks.includes(s)), cls.skillCount - classPicks.length));
  classPicks.forEach((s) => proficient.add(s));
  if (cls.name === 'Bard' && level >= 3) pickSome(random, SKILL_KEYS.filter((s) => !proficient.has(s)), 3).forEach((s) => proficient.add(s));
  const expertiseCount = cls.name === 'Rogue' ? (level >= 6 ? 4 : 2) : cls.name === 'Bard' ? (level >= 10 ? 4 : level >= 3 ? 2 : 0) : 0;
  const expertise = new Set(pickSome(random, [...proficient].sort(), expertiseCount));
  const jack = cls.name === 'Bard' && level >= 2 ? Math.floor(pb / 2) : 0;
  const athlete = cls.name === 'Fighter' && level >= 7 ? Math.ceil(pb / 2) : 0;
  const halfFor = (ability: Ability) => Math.max(jack, ['str', 'dex', 'con'].includes(ability) ? athlete : 0);
  const skills = Object.fromEntries(
    SKILL_KEYS.map((s) => {
      const ability = Skills5e[s];
      const prof: Proficiency = expertise.has(s) ? 'expertise' : proficient.has(s) ? 'proficient' : halfFor(ability) ? 'half' : 'none';
      const extra = prof === 'expertise' ? 2 * pb : prof === 'proficient' ? pb : prof === 'half' ? halfFor(ability) : 0;
      return [s, { ability, proficiency: prof, bonus: mods[ability] + extra }];
    }),
  ) as Record<string, { ability: Ability; proficiency: Proficiency; bonus: number }>;

  // Hit points: the die's maximum at 1st level, then the average or a roll, plus CON every level.
  const hitPointRolls: number[] = [];
  if (req.hpMethod === 'rolled' && level > 1) {
    // All the hit dice in one roll through the engine; each die is one level's gain.
    const r = dice.roll(`${level - 1}d${cls.hitDie}`);
    if (!r.ok) throw new Error(r.error.message);
    hitPointRolls.push(...r.value[0]!.terms[0]!.dice.map((d) => d.value));
  }
  let hp = cls.hitDie + mods.con;
  for (let l = 2; l <= level; l++) hp += Math.max(1, (req.hpMethod === 'rolled' ? hitPointRolls[l - 2]! : cls.hitDie / 2 + 1) + mods.con);
  hp += level * (race.hpPerLevel + (cls.name === 'Sorcerer' ? 1 : 0));
  hp = Math.max(1, hp);

  // Armor: the ranger takes the better of scale mail and leather; a cleric too weak for chain mail wears scale.
  const armorKeys = build.armor.map((k) => {
    if (k.includes('|')) return k.split('|').sort((x, y) => armorClass(ARMOR[y]!, mods.dex) - armorClass(ARMOR[x]!, mods.dex))[0]!;
    if (k === 'chainMail' && cls.name === 'Cleric' && scores.str < ARMOR.chainMail!.strength) return 'scaleMail';
    return k;
  });
  const worn: Armor | undefined = armorKeys.map((k) => ARMOR[k]!).find((a) => a.category !== 'shield');
  const shield = armorKeys.includes('shield') ? ARMOR.shield!.ac : 0;
  let ac: number;
  if (worn) ac = armorClass(worn, mods.dex) + (styles.includes('Defense') ? 1 : 0);
  else if (cls.name === 'Barbarian') ac = 10 + mods.dex + mods.con;
  else if (cls.name === 'Monk') ac = 10 + mods.dex + mods.wis;
  else if (cls.name === 'Sorcerer') ac = 13 + mods.dex;
  else ac = 10 + mods.dex;
  ac += shield;

  let speed = race.speed;
  if (worn && worn.strength > scores.str) speed -= 10;
  if (cls.name === 'Barbarian' && level >= 5 && worn?.category !== 'heavy') speed += 10;
  if (cls.name === 'Monk' && level >= 2) speed += [10, 15, 20, 25, 30][Math.min(4, Math.floor((level + 2) / 4) - 1)]!;

  // Attacks with the starting weapons.
  const monk = cls.name === 'Monk';
  const martialDie = level >= 17 ? 10 : level >= 11 ? 8 : level >= 5 ? 6 : 4;
  const attacks = build.weapons.map(({ key }) => {
    const weapon = WEAPONS[key]!;
    const ability = attackAbility(weapon, scores, monk);
    const archery = styles.includes('Archery') && weapon.kind === 'ranged' ? 2 : 0;
    const dueling = styles.includes('Dueling') && weapon.kind !== 'ranged' && !weapon.properties.includes('two-handed') ? 2 : 0;
    const die = monk && weapon.monk && Number(weapon.damage.slice(2)) < martialDie ? `1d${martialDie}` : weapon.damage;
    return {
      name: weapon.name, toHit: mods[ability] + pb + archery, damage: `${die}${signed(mods[ability] + dueling)}`,
      damageType: weapon.damageType, range: weapon.range, notes: weapon.properties || null,
    };
  });
  if (monk) attacks.push({ name: 'Unarmed strike', toHit: Math.max(mods.dex, mods.str) + pb, damage: `1d${martialDie}${signed(Math.max(mods.dex, mods.str))}`, damageType: 'bludgeoning', range: null, notes: 'Martial Arts' });
  if (cls.name === 'Rogue') attacks.forEach((a) => (a.notes = [a.notes, `Sneak Attack +${Math.ceil(level / 2)}d6 once per turn`].filter(Boolean).join('; ')));

  const inventory = [
    ...armorKeys.map((k) => ({ name: ARMOR[k]!.name, quantity: 1, equipped: true, weight: ARMOR[k]!.weight, notes: `armor (${ARMOR[k]!.category})` })),
    ...build.weapons.map(({ key, quantity, equipped }) => ({ name: WEAPONS[key]!.name, quantity, equipped, weight: WEAPONS[key]!.weight, notes: 'weapon' })),
    ...build.gear.map((g) => ({ ...g, equipped: false })),
    ...background.equipment.map((g) => ({ ...g, equipped: false })),
  ];

  const features = [
    ...race.traits.map((name) => ({ name, source: race.name, description: '' })),
    { name: background.feature.name, source: `${background.name} background`, description: background.feature.description },
    ...(level >= cls.subclassLevel ? [{ name: cls.subclass, source: cls.name, description: `${cls.name} subclass (SRD 5.1)` }] : []),
    ...FEATURES[cls.name]!.filter(([l]) => l <= level).map(([, name, description]) => ({ name, source: cls.name, description })),
    ...styles.map((s) => ({ name: `Fighting Style: ${s}`, source: cls.name, description: '' })),
    ...cls.asiLevels.filter((l) => l <= level).map((l) => ({
      name: `Ability Score Improvement (level ${l})`, source: cls.name,
      description: bonuses.filter((b) => b.source === `Ability Score Improvement (level ${l})`).map((b) => `+${b.amount} ${b.ability.toUpperCase()}`).join(', ') || 'unused: every score is at 20',
    })),
  ];

  const initiativeBonus = mods.dex + Math.max(jack, athlete);
  return {
    sheet: {
      name: req.name,
      system: 'dnd5e',
      race: race.name,
      background: background.name,
      classes: [{ name: cls.name, subclass: level >= cls.subclassLevel ? cls.subclass : null, level }],
      level,
      abilities: scores,
      hp: { max: hp, current: hp, temp: 0 },
      ac,
      speed,
      proficiencyBonus: pb,
      initiativeBonus,
      saves,
      skills,
      senses: {
        passivePerception: 10 + skills.perception!.bonus,
        passiveInvestigation: 10 + skills.investigation!.bonus,
        passiveInsight: 10 + skills.insight!.bonus,
        special: race.darkvision ? [`darkvision ${race.darkvision} ft.`] : [],
      },
      attacks,
      inventory,
      features,
      spellcasting: buildSpellcasting(random, cls, race, level, mods, pb),
      notes: `Languages: ${race.languages.join(', ')} and ${background.languages} of choice.`,
    },
    generation: { method: req.method, build: buildIndex, baseScores: rolled.scores, pointBuyCost: rolled.pointBuyCost, rolls: rolled.rolls, bonuses, hitPointRolls, fightingStyles: styles },
  };
}
