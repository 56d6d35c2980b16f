import { drawPart, pick, type NameCulture } from '../names.js';
import type { Genre } from './genre-types.js';
import { ENGLISH_GIVEN_OLD, ENGLISH_SURNAME, SLAVIC_GIVEN, SLAVIC_SURNAME } from './name-parts.js';

const HONORIFICS = ['Dr.', 'Prof.', 'Rev.', 'Capt.', 'Dr.'];
const TOWNS = { list: [], start: ['Arkham', 'Ames', 'Bel', 'Black', 'Brad', 'Cold', 'Dun', 'Fall', 'Glou', 'Hamp', 'Kings', 'Lynn', 'Marble', 'Mill', 'New', 'North', 'Old', 'Pem',
  'Salt', 'Stan', 'Wal', 'West', 'Wil', 'Wor', 'Harrow', 'Crane', 'Ash', 'Eld', 'Fox', 'Gray'], end: ['bury', 'ford', 'ham', 'haven', 'mouth', 'port', 'ton', 'wich', 'field', 'wood', 'cester', 'dale', 'head', 'ley', 'minster', 'more', 'stead', 'wick', 'borough', 'well'] };
/** 1920s gentlefolk are introduced in full: "Dr. Harold P. Whitcombe of Kingsport". */
const formal = (id: string, label: string, given: readonly string[], family: NameCulture['family']): NameCulture => ({
  id, label, given: { list: given }, family,
  format: ({ given: g, family: f }, random) =>
    `${pick(random, HONORIFICS)} ${g} ${random.integer(0, 1) ? `${pick(random, 'ABCDEFGHJKLMNPRSTW'.split(''))}.` : pick(random, given)} ${f} of ${drawPart(random, TOWNS)}`,
});

export const cosmicHorror: Genre = {
  id: 'cosmic-horror',
  label: 'Cosmic horror',
  attributes: { str: 'Strength', dex: 'Dexterity', con: 'Constitution', int: 'Education', wis: 'Power', cha: 'Appearance' },
  cultures: [
    formal('new-england', 'New England', ENGLISH_GIVEN_OLD, ENGLISH_SURNAME),
    formal('london', 'London', ENGLISH_GIVEN_OLD, { list: ['Ashcombe', 'Blakely', 'Carew', 'Davenport', 'Fairfax', 'Hargreaves', 'Lockwood', 'Pemberton', 'Radcliffe', 'Winslow'], start: ENGLISH_SURNAME.start, end: ENGLISH_SURNAME.end }),
    formal('emigre', 'émigré', SLAVIC_GIVEN, SLAVIC_SURNAME),
  ],
  peoples: ['human', 'human', 'human', 'human of tainted blood'],
  roles: {
    professor: { abilities: { int: 16, wis: 13 }, ac: 10, hitDie: 6, skills: [['Library Use', 'int'], ['Occult', 'int'], ['History', 'int']], gear: ['annotated notebooks', 'reading spectacles', 'a letter of introduction', 'pipe'] },
    'private investigator': { abilities: { wis: 14, dex: 13 }, ac: 11, hitDie: 8, skills: [['Spot Hidden', 'wis'], ['Persuade', 'cha'], ['Firearms', 'dex']], gear: ['.38 revolver', 'camera', 'lock picks', 'a battered fedora'] },
    antiquarian: { abilities: { int: 15, cha: 12 }, ac: 10, hitDie: 6, skills: [['Appraise', 'int'], ['Occult', 'int'], ['Languages', 'int']], gear: ['magnifying loupe', 'a crate of curios', 'ledger of buyers', 'a strange idol'] },
    cultist: { abilities: { wis: 13, cha: 13 }, ac: 11, hitDie: 8, skills: [['Occult', 'int'], ['Deception', 'cha'], ['Stealth', 'dex']], gear: ['sacrificial dagger', 'robe', 'a blasphemous pamphlet', 'a key to the lodge'] },
    doctor: { abilities: { int: 15, wis: 13 }, ac: 10, hitDie: 8, skills: [['Medicine', 'int'], ['Psychology', 'wis'], ['First Aid', 'wis']], gear: ['doctor\'s bag', 'laudanum', 'stethoscope', 'patient files'] },
    journalist: { abilities: { cha: 14, wis: 13 }, ac: 10, hitDie: 8, skills: [['Persuade', 'cha'], ['Spot Hidden', 'wis'], ['Library Use', 'int']], gear: ['notepad', 'press card', 'camera', 'a bottle of rye'] },
    'ship captain': { abilities: { con: 14, wis: 13, str: 13 }, ac: 11, hitDie: 10, skills: [['Navigate', 'wis'], ['Pilot Boat', 'dex'], ['Intimidation', 'cha']], gear: ['sea charts', 'flare pistol', 'a waterlogged log book', 'pea coat'] },
    medium: { abilities: { cha: 15, wis: 14 }, ac: 10, hitDie: 6, skills: [['Occult', 'int'], ['Psychology', 'wis'], ['Fast Talk', 'cha']], gear: ['crystal ball', 'tarot deck', 'velvet gloves', 'a séance table'] },
  },
  appearance: {
    build: [],
    feature: ['dark circles under the eyes', 'a nervous tic at the corner of the mouth', 'ink-stained cuffs', 'a faint fishy odour', 'fingers yellowed by tobacco', 'an unusually wide, unblinking stare',
      'a jagged scar hidden under the collar', 'hands that never stop trembling'],
    dress: ['a rumpled tweed suit', 'a rain-darkened trench coat', 'a faded flapper dress', 'a fisherman\'s oilskins', 'a clerical collar', 'an out-of-date mourning dress'],
  },
  traits: ['refuses to speak of what they saw in the war', 'keeps every window barred at night', 'laughs at inappropriate moments', 'sketches the same symbol compulsively'],
  ideals: ['Reason', 'Curiosity', 'Sanity'],
  bonds: ['is searching for a brother who went into the marsh', 'cares for a mother who hears voices', 'owes their life to a sailor who never returned'],
  flaws: ['is addicted to laudanum', 'cannot leave a mystery alone', 'sleepwalks towards the sea'],
  motivations: ['to find out what killed their colleague', 'to finish translating a forbidden manuscript', 'to keep the town\'s secret buried', 'to prove they are not mad', 'to sell the artefact before it is too late'],
  secrets: ['has begun to change, slowly, into something of the deep', 'signed a pact in the margin of a book', 'is descended from the town\'s founding cultists', 'has read the whole of the Necronomicon, and remembers it',
    'knows the professor did not die of natural causes', 'hears the stars singing and has started to answer'],
  hooks: ['received a letter from a man three weeks dead', 'found a map of tunnels under the university', 'needs help recovering a stolen idol', 'saw lights over the marsh the night the children vanished', 'is offering a reward for a missing expedition'],
  backstory: {
    origins: ['{name} was raised in a quiet house in {place}, where nobody spoke of the family\'s sea trade.', 'A veteran of the Great War, {name} came home to {place} with fewer friends and more nightmares.',
      '{name} grew up among {culture} scholars and learned early that some books are kept locked for a reason.'],
    turns: ['A chance discovery in an estate sale set {name} on the path of {aRole}.', 'Since the affair at {place}, {name} has worked as {aRole} and slept with the lights on.', 'A respectable career as {aRole} ended the night {name} opened the wrong crate.'],
    nows: ['Now {name} collects clippings of disappearances and pins them to the wall.', '{name} is very good at pretending everything is fine.', 'These days {name} writes letters to people who do not write back.'],
  },
  places: ['Arkham', 'Innsmouth', 'Dunwich', 'Kingsport', 'Providence', 'Whitechapel', 'the Miskatonic valley', 'Boston\'s North End'],
};
