import type { Ability } from '../../characters/character-sheet.js';
import type { NameCulture } from '../names.js';

export const GenreIds = ['fantasy', 'cyberpunk', 'cosmic-horror', 'science-fiction', 'post-apocalyptic', 'superhero', 'steampunk', 'historical', 'urban-fantasy'] as const;
export type GenreId = (typeof GenreIds)[number];

/** A job an NPC can have in a genre: what it is good at and carries. */
export interface GenreRole {
  /** Minimum scores the job implies (d20 scale); the rest are 3d6. */
  abilities: Partial<Record<Ability, number>>;
  ac: number;
  hitDie: number;
  /** Skills with the ability they use. */
  skills: [name: string, ability: Ability][];
  gear: string[];
}

/** Everything a genre needs to make believable people. Lists are short prose fragments. */
export interface Genre {
  id: GenreId;
  label: string;
  /** The six d20 abilities under the genre's own names, for the generic sheet. */
  attributes: Record<Ability, string>;
  cultures: NameCulture[];
  /** What a person is in this genre (race, species, origin), weighted by repetition. */
  peoples: string[];
  roles: Record<string, GenreRole>;
  appearance: { build: string[]; feature: string[]; dress: string[] };
  traits: string[];
  ideals: string[];
  bonds: string[];
  flaws: string[];
  motivations: string[];
  secrets: string[];
  hooks: string[];
  /** Backstory sentence pools, used in order; {name}, {role}, {people}, {culture}, {place} are filled in. */
  backstory: { origins: string[]; turns: string[]; nows: string[] };
  places: string[];
}
