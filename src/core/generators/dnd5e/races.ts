/** The races and subraces of SRD 5.1 (CC-BY-4.0): ability bonuses, speed, senses, granted proficiencies and traits. */
import type { Ability } from '../../characters/character-sheet.js';

export interface Race {
  /** The sheet's race text, e.g. "Hill Dwarf". */
  name: string;
  /** What players may type, lower case. */
  aliases: string[];
  bonuses: Partial<Record<Ability, number>>;
  /** Half-elf: +1 to this many abilities of choice (not the ones in `bonuses`). */
  freeBonuses: number;
  speed: number;
  darkvision: number;
  /** Skills the race always grants (camelCase). */
  skills: string[];
  /** Half-elf: this many skills of choice. */
  freeSkills: number;
  /** Hill dwarf: extra hit points per level. */
  hpPerLevel: number;
  /** A racial cantrip and the ability it is cast with. */
  cantrip: { name: string; ability: Ability } | null;
  languages: string[];
  traits: string[];
  /** Names of the people of this race in the name tables. */
  nameCulture: string;
}

const race = (r: Partial<Race> & Pick<Race, 'name' | 'aliases' | 'bonuses' | 'speed' | 'traits' | 'languages' | 'nameCulture'>): Race => ({
  freeBonuses: 0, darkvision: 0, skills: [], freeSkills: 0, hpPerLevel: 0, cantrip: null, ...r,
});

export const RACES: readonly Race[] = [
  race({ name: 'Hill Dwarf', aliases: ['hill dwarf', 'dwarf'], bonuses: { con: 2, wis: 1 }, speed: 25, darkvision: 60, hpPerLevel: 1, nameCulture: 'dwarf',
    languages: ['Common', 'Dwarvish'], traits: ['Darkvision', 'Dwarven Resilience', 'Dwarven Combat Training', 'Stonecunning', 'Dwarven Toughness'] }),
  race({ name: 'High Elf', aliases: ['high elf', 'elf'], bonuses: { dex: 2, int: 1 }, speed: 30, darkvision: 60, skills: ['perception'], nameCulture: 'elf',
    cantrip: { name: 'Prestidigitation', ability: 'int' }, languages: ['Common', 'Elvish', 'Draconic'], traits: ['Darkvision', 'Keen Senses', 'Fey Ancestry', 'Trance', 'Elf Weapon Training', 'Cantrip', 'Extra Language'] }),
  race({ name: 'Lightfoot Halfling', aliases: ['lightfoot halfling', 'lightfoot', 'halfling'], bonuses: { dex: 2, cha: 1 }, speed: 25, nameCulture: 'halfling',
    languages: ['Common', 'Halfling'], traits: ['Lucky', 'Brave', 'Halfling Nimbleness', 'Naturally Stealthy'] }),
  race({ name: 'Human', aliases: ['human'], bonuses: { str: 1, dex: 1, con: 1, int: 1, wis: 1, cha: 1 }, speed: 30, nameCulture: 'human',
    languages: ['Common', 'Elvish'], traits: ['Extra Language'] }),
  race({ name: 'Dragonborn', aliases: ['dragonborn'], bonuses: { str: 2, cha: 1 }, speed: 30, nameCulture: 'dragonborn',
    languages: ['Common', 'Draconic'], traits: ['Draconic Ancestry (red: fire)', 'Breath Weapon', 'Damage Resistance (fire)'] }),
  race({ name: 'Rock Gnome', aliases: ['rock gnome', 'gnome'], bonuses: { int: 2, con: 1 }, speed: 25, darkvision: 60, nameCulture: 'gnome',
    languages: ['Common', 'Gnomish'], traits: ['Darkvision', 'Gnome Cunning', "Artificer's Lore", 'Tinker'] }),
  race({ name: 'Half-Elf', aliases: ['half-elf', 'half elf', 'halfelf'], bonuses: { cha: 2 }, freeBonuses: 2, speed: 30, darkvision: 60, freeSkills: 2, nameCulture: 'elf',
    languages: ['Common', 'Elvish', 'Dwarvish'], traits: ['Darkvision', 'Fey Ancestry', 'Skill Versatility'] }),
  race({ name: 'Half-Orc', aliases: ['half-orc', 'half orc', 'halforc'], bonuses: { str: 2, con: 1 }, speed: 30, darkvision: 60, skills: ['intimidation'], nameCulture: 'orc',
    languages: ['Common', 'Orc'], traits: ['Darkvision', 'Menacing', 'Relentless Endurance', 'Savage Attacks'] }),
  race({ name: 'Tiefling', aliases: ['tiefling'], bonuses: { cha: 2, int: 1 }, speed: 30, darkvision: 60, nameCulture: 'tiefling',
    cantrip: { name: 'Thaumaturgy', ability: 'cha' }, languages: ['Common', 'Infernal'], traits: ['Darkvision', 'Hellish Resistance', 'Infernal Legacy'] }),
];

export const RACE_NAMES = RACES.map((r) => r.name);
