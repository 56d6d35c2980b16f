/**
 * The twelve classes of SRD 5.1 (CC-BY-4.0) with the one subclass the SRD gives each: hit die, saving
 * throws, skill choices, starting equipment, spellcasting and the order in which a sensible player
 * spends ability scores.
 */
import type { Ability } from '../../characters/character-sheet.js';

export type CasterKind = 'full' | 'half' | 'pact' | null;

export interface Build {
  /** Abilities from most to least important: the standard array and rolled scores are assigned in this order. */
  priority: Ability[];
  /** Starting equipment for this build: armor keys, weapon keys (with count) and other items. */
  armor: string[];
  weapons: { key: string; quantity: number; equipped: boolean }[];
  gear: { name: string; quantity: number }[];
  /** Fighting styles taken at the class's style levels, in order. */
  styles: string[];
}

export interface ClassDef {
  name: string;
  hitDie: number;
  saves: [Ability, Ability];
  skillChoices: string[] | 'any';
  skillCount: number;
  subclass: string;
  subclassLevel: number;
  asiLevels: number[];
  caster: CasterKind;
  castingAbility: Ability | null;
  /** Prepared casters choose each day; others know a fixed number. */
  prepares: boolean;
  builds: Build[];
}

const ASI = [4, 8, 12, 16, 19];
const pack = (name: string) => ({ name, quantity: 1 });
const item = (name: string, quantity = 1) => ({ name, quantity });
const weapon = (key: string, quantity = 1, equipped = true) => ({ key, quantity, equipped });

export const CLASSES: readonly ClassDef[] = [
  {
    name: 'Barbarian', hitDie: 12, saves: ['str', 'con'], skillCount: 2, subclass: 'Path of the Berserker', subclassLevel: 3, asiLevels: ASI,
    skillChoices: ['animalHandling', 'athletics', 'intimidation', 'nature', 'perception', 'survival'], caster: null, castingAbility: null, prepares: false,
    builds: [{ priority: ['str', 'con', 'dex', 'wis', 'cha', 'int'], armor: [], weapons: [weapon('greataxe'), weapon('handaxe', 2, false), weapon('javelin', 4, false)], gear: [pack("Explorer's pack")], styles: [] }],
  },
  {
    name: 'Bard', hitDie: 8, saves: ['dex', 'cha'], skillCount: 3, subclass: 'College of Lore', subclassLevel: 3, asiLevels: ASI,
    skillChoices: 'any', caster: 'full', castingAbility: 'cha', prepares: false,
    builds: [{ priority: ['cha', 'dex', 'con', 'wis', 'int', 'str'], armor: ['leather'], weapons: [weapon('rapier'), weapon('dagger', 1, false)], gear: [pack("Diplomat's pack"), item('Lute')], styles: [] }],
  },
  {
    name: 'Cleric', hitDie: 8, saves: ['wis', 'cha'], skillCount: 2, subclass: 'Life Domain', subclassLevel: 1, asiLevels: ASI,
    skillChoices: ['history', 'insight', 'medicine', 'persuasion', 'religion'], caster: 'full', castingAbility: 'wis', prepares: true,
    // Life Domain grants heavy armor, so the SRD's "chain mail (if proficient)" choice is open.
    builds: [{ priority: ['wis', 'str', 'con', 'cha', 'dex', 'int'], armor: ['chainMail', 'shield'], weapons: [weapon('mace'), weapon('lightCrossbow', 1, false)],
      gear: [item('Crossbow bolts', 20), pack("Priest's pack"), item('Holy symbol')], styles: [] }],
  },
  {
    name: 'Druid', hitDie: 8, saves: ['int', 'wis'], skillCount: 2, subclass: 'Circle of the Land', subclassLevel: 2, asiLevels: ASI,
    skillChoices: ['arcana', 'animalHandling', 'insight', 'medicine', 'nature', 'perception', 'religion', 'survival'], caster: 'full', castingAbility: 'wis', prepares: true,
    builds: [{ priority: ['wis', 'con', 'dex', 'int', 'cha', 'str'], armor: ['leather', 'shield'], weapons: [weapon('scimitar')], gear: [pack("Explorer's pack"), item('Druidic focus')], styles: [] }],
  },
  {
    name: 'Fighter', hitDie: 10, saves: ['str', 'con'], skillCount: 2, subclass: 'Champion', subclassLevel: 3, asiLevels: [4, 6, 8, 12, 14, 16, 19],
    skillChoices: ['acrobatics', 'animalHandling', 'athletics', 'history', 'insight', 'intimidation', 'perception', 'survival'], caster: null, castingAbility: null, prepares: false,
    builds: [
      { priority: ['str', 'con', 'dex', 'wis', 'cha', 'int'], armor: ['chainMail', 'shield'], weapons: [weapon('longsword'), weapon('lightCrossbow', 1, false)],
        gear: [item('Crossbow bolts', 20), pack("Dungeoneer's pack")], styles: ['Defense', 'Dueling'] },
      { priority: ['dex', 'con', 'str', 'wis', 'int', 'cha'], armor: ['leather', 'shield'], weapons: [weapon('longbow', 1, false), weapon('rapier')],
        gear: [item('Arrows', 20), pack("Dungeoneer's pack")], styles: ['Archery', 'Defense'] },
    ],
  },
  {
    name: 'Monk', hitDie: 8, saves: ['str', 'dex'], skillCount: 2, subclass: 'Way of the Open Hand', subclassLevel: 3, asiLevels: ASI,
    skillChoices: ['acrobatics', 'athletics', 'history', 'insight', 'religion', 'stealth'], caster: null, castingAbility: null, prepares: false,
    builds: [{ priority: ['dex', 'wis', 'con', 'str', 'int', 'cha'], armor: [], weapons: [weapon('shortsword'), weapon('dart', 10, false)], gear: [pack("Dungeoneer's pack")], styles: [] }],
  },
  {
    name: 'Paladin', hitDie: 10, saves: ['wis', 'cha'], skillCount: 2, subclass: 'Oath of Devotion', subclassLevel: 3, asiLevels: ASI,
    skillChoices: ['athletics', 'insight', 'intimidation', 'medicine', 'persuasion', 'religion'], caster: 'half', castingAbility: 'cha', prepares: true,
    builds: [{ priority: ['str', 'cha', 'con', 'wis', 'dex', 'int'], armor: ['chainMail', 'shield'], weapons: [weapon('longsword'), weapon('javelin', 5, false)],
      gear: [pack("Priest's pack"), item('Holy symbol')], styles: ['Defense'] }],
  },
  {
    name: 'Ranger', hitDie: 10, saves: ['str', 'dex'], skillCount: 3, subclass: 'Hunter', subclassLevel: 3, asiLevels: ASI,
    skillChoices: ['animalHandling', 'athletics', 'insight', 'investigation', 'nature', 'perception', 'stealth', 'survival'], caster: 'half', castingAbility: 'wis', prepares: false,
    // Scale mail or leather armor: the generator takes whichever gives the better AC.
    builds: [{ priority: ['dex', 'wis', 'con', 'str', 'int', 'cha'], armor: ['scaleMail|leather'], weapons: [weapon('shortsword', 2), weapon('longbow', 1, false)],
      gear: [item('Arrows', 20), pack("Dungeoneer's pack")], styles: ['Archery'] }],
  },
  {
    name: 'Rogue', hitDie: 8, saves: ['dex', 'int'], skillCount: 4, subclass: 'Thief', subclassLevel: 3, asiLevels: [4, 8, 10, 12, 16, 19],
    skillChoices: ['acrobatics', 'athletics', 'deception', 'insight', 'intimidation', 'investigation', 'perception', 'performance', 'persuasion', 'sleightOfHand', 'stealth'],
    caster: null, castingAbility: null, prepares: false,
    builds: [{ priority: ['dex', 'con', 'int', 'wis', 'cha', 'str'], armor: ['leather'], weapons: [weapon('rapier'), weapon('shortbow', 1, false), weapon('dagger', 2, false)],
      gear: [item('Arrows', 20), pack("Burglar's pack"), item("Thieves' tools")], styles: [] }],
  },
  {
    name: 'Sorcerer', hitDie: 6, saves: ['con', 'cha'], skillCount: 2, subclass: 'Draconic Bloodline', subclassLevel: 1, asiLevels: ASI,
    skillChoices: ['arcana', 'deception', 'insight', 'intimidation', 'persuasion', 'religion'], caster: 'full', castingAbility: 'cha', prepares: false,
    builds: [{ priority: ['cha', 'con', 'dex', 'wis', 'int', 'str'], armor: [], weapons: [weapon('lightCrossbow', 1, false), weapon('dagger', 2)],
      gear: [item('Crossbow bolts', 20), item('Component pouch'), pack("Dungeoneer's pack")], styles: [] }],
  },
  {
    name: 'Warlock', hitDie: 8, saves: ['wis', 'cha'], skillCount: 2, subclass: 'The Fiend', subclassLevel: 1, asiLevels: ASI,
    skillChoices: ['arcana', 'deception', 'history', 'intimidation', 'investigation', 'nature', 'religion'], caster: 'pact', castingAbility: 'cha', prepares: false,
    builds: [{ priority: ['cha', 'con', 'dex', 'wis', 'int', 'str'], armor: ['leather'], weapons: [weapon('lightCrossbow', 1, false), weapon('quarterstaff'), weapon('dagger', 2, false)],
      gear: [item('Crossbow bolts', 20), item('Component pouch'), pack("Scholar's pack")], styles: [] }],
  },
  {
    name: 'Wizard', hitDie: 6, saves: ['int', 'wis'], skillCount: 2, subclass: 'School of Evocation', subclassLevel: 2, asiLevels: ASI,
    skillChoices: ['arcana', 'history', 'insight', 'investigation', 'medicine', 'religion'], caster: 'full', castingAbility: 'int', prepares: true,
    builds: [{ priority: ['int', 'con', 'dex', 'wis', 'cha', 'str'], armor: [], weapons: [weapon('quarterstaff')], gear: [item('Component pouch'), pack("Scholar's pack"), item('Spellbook')], styles: [] }],
  },
];

export const CLASS_NAMES = CLASSES.map((c) => c.name);

/** Proficiency bonus by character level: +2 at 1-4, rising by 1 every four levels. */
export const proficiencyForLevel = (level: number) => 2 + Math.floor((level - 1) / 4);
