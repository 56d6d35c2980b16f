import type { DiceEngine } from '../dice/dice-engine.js';
import type { Random } from '../ports/random.js';
import { fail, ok, type Result } from '../result.js';
import type { ScoreMethod } from './ability-scores.js';
import { BACKGROUNDS } from './dnd5e/background.js';
import { buildCharacter, type GenerationRecord, type HpMethod } from './dnd5e/character-builder.js';
import { characterBackstory } from './dnd5e/character-backstory.js';
import { CLASSES, type ClassDef } from './dnd5e/classes.js';
import { RACES, type Race } from './dnd5e/races.js';
import { FANTASY_CULTURES } from './genres/fantasy-names.js';
import { resolveNamed, resolveSystem } from './lookup.js';
import { makeNameParts, pick } from './names.js';

export interface CharacterSpec {
  system: string;
  level: number;
  class?: string | undefined;
  ancestry?: string | undefined;
  background?: string | undefined;
  method: ScoreMethod;
  hpMethod: HpMethod;
  name?: string | undefined;
  hints?: string | undefined;
}

export interface ResolvedCharacter {
  system: string;
  cls: ClassDef;
  race: Race;
  background: (typeof BACKGROUNDS)[number];
}

/** Checks the request against the system's content; each failure names the field and lists what is allowed. */
export function resolveCharacterSpec(spec: CharacterSpec, random: Random): Result<ResolvedCharacter> {
  const system = resolveSystem(spec.system);
  if (!system.ok) return system;
  if (!Number.isInteger(spec.level) || spec.level < 1 || spec.level > 20) return fail('VALIDATION', `level ${spec.level} is out of range: expected a whole number from 1 to 20`, { field: 'level' });
  const cls = spec.class ? resolveNamed(CLASSES, spec.class, 'class') : ok(pick(random, CLASSES));
  if (!cls.ok) return cls;
  const race = spec.ancestry ? resolveNamed(RACES, spec.ancestry, 'ancestry') : ok(pick(random, RACES));
  if (!race.ok) return race;
  const background = spec.background ? resolveNamed(BACKGROUNDS, spec.background, 'background') : ok(pick(random, BACKGROUNDS));
  if (!background.ok) return background;
  return ok({ system: system.value, cls: cls.value, race: race.value, background: background.value });
}

/** A legal SRD 5.1 character and the record of how it was made; the backstory is a template (the tool may ask a writer instead). */
export function generateCharacter(random: Random, dice: DiceEngine, spec: CharacterSpec, resolved: ResolvedCharacter) {
  const culture = FANTASY_CULTURES[resolved.race.nameCulture]!;
  const made = makeNameParts(random, culture);
  const name = spec.name?.trim() || made.name;
  const { sheet, generation } = buildCharacter(random, dice, { ...resolved, level: spec.level, method: spec.method, hpMethod: spec.hpMethod, name });
  const backstory = characterBackstory(random, { name: spec.name?.trim().split(' ')[0] || made.given, people: `${culture.label} folk`, className: resolved.cls.name, hints: spec.hints });
  return { sheet, generation, backstory };
}

export type { GenerationRecord };
