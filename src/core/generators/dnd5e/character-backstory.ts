import type { Random } from '../../ports/random.js';
import { compose } from '../backstory.js';

const ORIGINS = [
  '{name} grew up among {people} in a village that no longer appears on any map.',
  'Born to {people} who kept to the old roads, {name} learned early that trust is earned on the march.',
  '{name} was raised by a temple of the local faith after a winter that took the rest of the family.',
  'The child of a ferryman and a scribe, {name} spent a youth among {people} and river traffic alike.',
  'Few remember that {name} was once an apprentice in a city workshop, far from other {people}.',
  '{name} came of age in a frontier hold where {people} and strangers shared the same wall.',
];
const CALLINGS: Record<string, string[]> = {
  Barbarian: ['A fury that frightened the elders marked {name} for the path of the berserker.', 'Hunting alone through a killing winter taught {name} the rage that now answers every threat.'],
  Bard: ['Tales traded for bread in taverns turned into a gift for lore and song.', 'A wandering college of lore-keepers took {name} in and taught the magic of words.'],
  Cleric: ['A vision during a fever left {name} certain that life itself must be defended.', 'Service at a hospice of the faith became a calling to heal and to stand between the dying and the dark.'],
  Druid: ['The standing stones above the village spoke to {name} before any person did.', 'A circle of druids found {name} talking with the wolves and asked no further questions.'],
  Fighter: ['Years in a mercenary company made {name} a disciplined soldier with a champion\'s instincts.', 'A militia captain saw promise in a stubborn recruit and drilled {name} until steel felt natural.'],
  Monk: ['A monastery of the open hand took {name} in and taught breath, balance and the strike that ends a fight.', 'Discipline learned among silent monks still guides every step {name} takes.'],
  Paladin: ['An oath of devotion, sworn over a fallen mentor, binds {name} to honesty, courage and mercy.', '{name} knelt at dawn before a ruined shrine and rose with a sacred oath and a purpose.'],
  Ranger: ['Tracking raiders across the borderlands made {name} a hunter who reads the wild like a book.', 'Years guiding caravans through the deep woods taught {name} patience, bowcraft and quiet.'],
  Rogue: ['Cutting purses in the market led to a thieves\' guild and a talent for locks and shadows.', 'A debt owed to the wrong people turned {name} into a burglar of uncommon skill.'],
  Sorcerer: ['Dragon blood woke in {name} with a burst of flame that nobody in the family could explain.', 'Scales glinted on {name}\'s skin in moments of anger long before the magic came.'],
  Warlock: ['A desperate bargain struck with a fiend saved a life and cost {name} far more than was written.', 'Whispers from below offered {name} power; the pact was signed in ash and is still being paid.'],
  Wizard: ['Long nights copying spells into a borrowed spellbook became a life devoted to evocation.', 'An arcane academy accepted {name} on the strength of one dazzling, dangerous experiment.'],
};
const TURNS = [
  'Everything changed when {turn}.',
  'The quiet years ended the day {turn}.',
  'Then {turn}, and staying home was no longer possible.',
  'Since {turn}, the road has felt more like home than any roof.',
];
const TURN_EVENTS = [
  'a stranger died on the doorstep with a sealed letter and a name',
  'the temple of the faith was burned and the acolytes scattered',
  'raiders took the harvest and an old friend with it',
  'an old map surfaced in a dead relative\'s belongings',
  'a rival framed {name} for a theft nobody can prove',
  'the local lord called in a debt the family could never pay',
  'a comet hung over the hills for nine nights and the dreams began',
];
const GOALS = [
  '{name} now seeks {goal}.',
  'What drives {name} today is simple: {goal}.',
  'Companions learn quickly that {name} wants {goal}.',
  'Whatever else happens, {name} means to find {goal}.',
];
const GOAL_TEXT = [
  'the truth behind that night', 'a home worth defending', 'the people who ran', 'a way to repay an impossible debt',
  'proof that the old stories are true', 'a place among heroes', 'forgiveness from someone who may not give it',
];

/** A short template backstory for a generated character; hints from the GM or player close it. */
export function characterBackstory(random: Random, values: { name: string; people: string; className: string; hints?: string | undefined }): string {
  const turn = TURN_EVENTS[random.integer(0, TURN_EVENTS.length - 1)]!;
  const goal = GOAL_TEXT[random.integer(0, GOAL_TEXT.length - 1)]!;
  const text = compose(random, [ORIGINS, CALLINGS[values.className] ?? CALLINGS.Fighter!, TURNS, GOALS], { ...values, turn, goal });
  // The turn text can itself name the character.
  const filled = text.replace(/\{name\}/g, values.name);
  return values.hints ? `${filled} ${values.hints.trim().replace(/([^.!?])$/, '$1.')}` : filled;
}
