import {
  CharacterSheetSchema,
  abilityModifier,
  fail,
  ok,
  proficiencyBonusForLevel,
  type CharacterSheetInput,
  type Result,
} from '../../core/index.js';
import type { DdbCharacter } from './ddb-schemas.js';
import { computeAbilityScores } from './ddb-abilities.js';
import { computeArmorClass, computeSpeed } from './ddb-armor-class.js';
import { computeAttacks } from './ddb-attacks.js';
import { computeChecks, computeSenses } from './ddb-checks.js';
import { computeHitPoints } from './ddb-hit-points.js';
import { activeModifiers, amount, pick, reachedFeatures } from './ddb-modifiers.js';
import { computeSpellcasting, primaryCastingStatId } from './ddb-spellcasting.js';
import { computeSpellAttacks } from './ddb-spell-attacks.js';

/** Racial traits every race has that say nothing a player rolls with. */
const PLAIN_TRAITS = new Set(['Ability Score Increase', 'Ability Score Increases', 'Age', 'Alignment', 'Size', 'Speed', 'Languages', 'Creature Type']);

const clip = (s: string | null | undefined, max: number) => (s ?? '').slice(0, max);
/** D&D Beyond descriptions are HTML; the sheet keeps plain text. */
const plain = (html: string | null | undefined) =>
  (html ?? '')
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&rsquo;|&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export interface DdbSheetOptions {
  /** ISO time stamped on the sheet's source. */
  importedAt: string;
  /** Where the character was fetched from, when it was. */
  url?: string | null;
}

/**
 * Converts a validated D&D Beyond character into the universal sheet, with the values D&D Beyond's
 * own sheet shows. Pure: the same character and options give the same sheet. Check it with
 * `checkSheet` before use (a separate step, so a big sheet is two short slices of work, not one).
 */
export function ddbToSheet(character: DdbCharacter, options: DdbSheetOptions): CharacterSheetInput {
  const { all: mods, byItem } = activeModifiers(character);
  const { scores } = computeAbilityScores(character, mods);
  const level = character.classes.reduce((s, c) => s + c.level, 0);
  const proficiencyBonus = proficiencyBonusForLevel(level) + pick(mods, 'bonus', 'proficiency-bonus').reduce((s, m) => s + amount(m), 0);
  const hp = computeHitPoints(character, mods, abilityModifier(scores.con));
  const armor = computeArmorClass(character, mods, scores);
  const checks = computeChecks(character, mods, scores, proficiencyBonus);
  const id = character.id === null || character.id === undefined ? null : String(character.id);

  const features = [
    ...character.classes.flatMap((cls) => reachedFeatures(cls).map((f) => ({ name: f.name, source: cls.definition.name, description: f.description }))),
    ...(character.race?.racialTraits ?? [])
      .filter((t) => !PLAIN_TRAITS.has(t.definition.name))
      .map((t) => ({ name: t.definition.name, source: character.race?.fullName ?? 'Race', description: t.definition.snippet || t.definition.description || '' })),
    ...character.feats.map((f) => ({ name: f.definition.name, source: 'Feat', description: f.definition.snippet || f.definition.description || '' })),
  ].map((f) => ({ name: clip(f.name, 160) || 'Feature', source: clip(f.source, 120), description: clip(plain(f.description), 10_000) }));

  const sheet: CharacterSheetInput = {
    id: '',
    name: clip(character.name, 120),
    system: 'dnd5e',
    race: clip(character.race?.fullName, 80) || null,
    background: clip(character.background?.definition?.name ?? character.background?.customBackground?.name, 80) || null,
    classes: character.classes.map((c) => ({ name: clip(c.definition.name, 60), subclass: clip(c.subclassDefinition?.name, 80) || null, level: c.level })),
    level,
    abilities: scores,
    hp,
    ac: armor.ac,
    speed: computeSpeed(character, mods, armor.armored, armor.shield),
    proficiencyBonus,
    initiativeBonus: checks.initiativeBonus,
    saves: checks.saves,
    skills: checks.skills,
    senses: {
      passivePerception: checks.passivePerception,
      passiveInvestigation: checks.passiveInvestigation,
      passiveInsight: checks.passiveInsight,
      special: computeSenses(character, mods),
    },
    attacks: [...computeAttacks(character, mods, byItem, scores, proficiencyBonus), ...computeSpellAttacks(character, mods, scores, proficiencyBonus, primaryCastingStatId(character))].slice(0, 200),
    inventory: [
      ...character.inventory.map((item) => ({
        name: clip(item.definition.name, 160),
        quantity: Math.max(0, Math.floor(item.quantity ?? 1)),
        equipped: item.equipped === true,
        attuned: item.isAttuned === true,
        weight: item.definition.weight ?? null,
        notes: null,
      })),
      // Items the player typed in on D&D Beyond ("custom items") are part of the sheet's inventory too.
      ...character.customItems.map((item) => ({
        name: clip(item.name, 160),
        quantity: Math.max(0, Math.floor(item.quantity ?? 1)),
        weight: item.weight ?? null,
        notes: clip(plain(item.description || item.notes), 2000) || null,
      })),
    ].slice(0, 2000),
    features: features.slice(0, 1000),
    spellcasting: computeSpellcasting(character, mods, scores, proficiencyBonus),
    notes: clip(notesOf(character), 50_000),
    source: {
      provider: 'dndbeyond',
      id,
      url: options.url ?? character.readonlyUrl ?? (id ? `https://www.dndbeyond.com/characters/${id}` : null),
      importedAt: options.importedAt,
    },
  };
  return sheet;
}

/** Refuses a sheet whose numbers are impossible (a score of 40, a negative AC), naming the field. */
export function checkSheet(sheet: CharacterSheetInput): Result<CharacterSheetInput> {
  // The hub assigns the id later; a placeholder lets the schema check every computed value now.
  const checked = CharacterSheetSchema.safeParse({ ...sheet, id: 'pending' });
  if (checked.success) return ok(sheet);
  const issue = checked.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return fail('VALIDATION', `The D&D Beyond character "${sheet.name}" has an impossible value: ${path} ${issue?.message ?? ''} (check the character on D&D Beyond)`, { field: path });
}

function notesOf(character: DdbCharacter): string {
  const sections: [string, string | null | undefined][] = [
    ['Personality traits', character.traits?.personalityTraits],
    ['Ideals', character.traits?.ideals],
    ['Bonds', character.traits?.bonds],
    ['Flaws', character.traits?.flaws],
    ['Appearance', character.traits?.appearance],
    ['Backstory', character.notes?.backstory],
    ['Allies', character.notes?.allies],
    ['Organizations', character.notes?.organizations],
    ['Enemies', character.notes?.enemies],
    ['Possessions', character.notes?.personalPossessions],
    ['Other holdings', character.notes?.otherHoldings],
    ['Other notes', character.notes?.otherNotes],
  ];
  const coins = (['pp', 'gp', 'ep', 'sp', 'cp'] as const)
    .filter((c) => (character.currencies?.[c] ?? 0) > 0)
    .map((c) => `${character.currencies?.[c]} ${c}`)
    .join(', ');
  if (coins) sections.unshift(['Coins', coins]);
  return sections
    .filter(([, text]) => text && text.trim())
    .map(([title, text]) => `## ${title}\n${(text as string).trim()}`)
    .join('\n\n');
}
