import { drawPart, INITIALS, pick, type NameCulture } from '../names.js';
import type { Random } from '../../ports/random.js';
import type { Genre } from './genre-types.js';
import { PATRONYMICS, ENGLISH_GIVEN_MODERN, ENGLISH_SURNAME, LATIN_GIVEN, LATIN_SURNAME, SLAVIC_GIVEN, SLAVIC_SURNAME } from './name-parts.js';

const TRUE_NAME = { list: [], start: ['Ash', 'Briar', 'Thorn', 'Moon', 'Hollow', 'Raven', 'Mist', 'Silver', 'Bramble', 'Cinder', 'Dusk', 'Fern', 'Gloam', 'Hazel', 'Ivy', 'Nettle', 'Rowan', 'Sorrow', 'Willow', 'Yew',
  'Frost', 'Moth', 'Elder', 'Hawthorn', 'Starling', 'Wren', 'Foxglove', 'Night', 'Amber', 'Rain'],
  end: ['whisper', 'song', 'heart', 'shade', 'thorn', 'glass', 'wing', 'tongue', 'veil', 'bloom', 'mantle', 'wood', 'fall', 'crown', 'thread', 'light', 'root', 'ember', 'tide', 'knot',
    'feather', 'spindle', 'dew', 'hush', 'lantern', 'mirror', 'bell', 'gate', 'path', 'smoke'] };
/** Everyone in the hidden world has a name they give and a name they keep: "Jamie R. Holloway (called Briarsong)". */
const veiled = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family'], full: (g: string, f: string, random: Random) => string): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${full(g, f, random)} (called ${drawPart(random, TRUE_NAME)})`,
});

export const urbanFantasy: Genre = {
  id: 'urban-fantasy',
  label: 'Urban fantasy',
  attributes: { str: 'Strength', dex: 'Agility', con: 'Resilience', int: 'Lore', wis: 'Intuition', cha: 'Glamour' },
  cultures: [
    veiled('city', 'the City', { list: ENGLISH_GIVEN_MODERN }, ENGLISH_SURNAME, (g, f, random) => `${g} ${pick(random, INITIALS)}. ${f}`),
    veiled('barrio', 'the Eastside', { list: LATIN_GIVEN }, LATIN_SURNAME, (g, f, random) => `${g} ${pick(random, INITIALS)}. ${f} ${drawPart(random, LATIN_SURNAME)}`),
    veiled('old-country', 'the old country', { list: SLAVIC_GIVEN }, SLAVIC_SURNAME, (g, f, random) => `${g} ${pick(random, PATRONYMICS)} ${f}-${drawPart(random, SLAVIC_SURNAME)}`),
  ],
  peoples: ['human', 'human', 'werewolf', 'vampire', 'changeling', 'fae exile', 'witch', 'half-demon'],
  roles: {
    'hedge witch': { abilities: { wis: 15, int: 13 }, ac: 11, hitDie: 6, skills: [['Witchcraft', 'wis'], ['Herbalism', 'int'], ['Insight', 'wis']], gear: ['a bag of charms', 'salt and iron nails', 'a cat that watches too closely', 'an herb garden on a fire escape'] },
    'bartender at a neutral ground': { abilities: { cha: 14, wis: 14 }, ac: 11, hitDie: 8, skills: [['Insight', 'wis'], ['Streetwise', 'cha'], ['Brawling', 'str']], gear: ['a warded bar', 'shotgun under the counter', 'a ledger of favours owed', 'bottle of something fae'] },
    'monster hunter': { abilities: { dex: 15, wis: 14, con: 13 }, ac: 14, hitDie: 10, skills: [['Firearms', 'dex'], ['Occult', 'int'], ['Tracking', 'wis']], gear: ['silver rounds', 'stake kit', 'holy water in a flask', 'a van full of weapons'] },
    'vampire fixer': { abilities: { cha: 16, dex: 14 }, ac: 13, hitDie: 8, skills: [['Persuasion', 'cha'], ['Deception', 'cha'], ['Stealth', 'dex']], gear: ['tinted limousine', 'blood bag cooler', 'burner phones', 'a century of blackmail'] },
    'occult bookseller': { abilities: { int: 16, wis: 12 }, ac: 10, hitDie: 6, skills: [['Occult', 'int'], ['Languages', 'int'], ['Appraise', 'int']], gear: ['a shop that is bigger inside', 'grimoires in locked cases', 'reading glasses', 'a tea kettle always on'] },
    'pack enforcer': { abilities: { str: 16, con: 15 }, ac: 13, hitDie: 10, skills: [['Brawling', 'str'], ['Intimidation', 'cha'], ['Tracking', 'wis']], gear: ['leather jacket', 'motorcycle', 'pack tattoo', 'a very short temper'] },
    'fae courtier': { abilities: { cha: 17, dex: 13 }, ac: 13, hitDie: 8, skills: [['Glamour', 'cha'], ['Etiquette', 'cha'], ['Deception', 'cha']], gear: ['a ring of sealed promises', 'clothes spun from moonlight', 'a thorned sword', 'an invitation to the Seelie court'] },
    'supernatural cop': { abilities: { wis: 14, str: 13 }, ac: 13, hitDie: 8, skills: [['Investigation', 'int'], ['Firearms', 'dex'], ['Occult', 'int']], gear: ['badge', 'cold iron cuffs', 'service pistol', 'a case file the captain buried'] },
  },
  appearance: {
    build: [],
    feature: ['eyes that catch the light like a cat\'s', 'a faint smell of wet earth', 'skin too pale for the season', 'freckles that shift when no one watches', 'nails bitten to the quick', 'a glamour that flickers at the edges', 'silver scars from old bites', 'tattooed wards on the knuckles'],
    dress: ['a long coat with deep pockets', 'thrift-store goth', 'a designer suit, immaculate', 'a band T-shirt and combat boots', 'an old-fashioned tea dress', 'a hoodie with salt in every pocket'],
  },
  traits: ['never says thank you, only "I owe you"', 'leaves milk out every night', 'counts spilled rice compulsively', 'won\'t step over a threshold uninvited'],
  ideals: ['Balance', 'Secrecy', 'Hunger', 'Protection'],
  bonds: ['is bound by a bargain with a fae noble', 'protects a human who doesn\'t know what they are', 'owes a debt to the pack'],
  flaws: ['cannot refuse a direct challenge', 'cannot lie, and hates it', 'hungers for blood'],
  motivations: ['to break a centuries-old curse', 'to keep the Masquerade intact', 'to find whoever is killing witches', 'to buy back their true name', 'to keep the peace between the courts'],
  secrets: ['is a changeling and not the person their family thinks', 'turned their best friend into a vampire', 'works for the Winter Court', 'has a demon bound in a tattoo', 'killed the last pack alpha'],
  hooks: ['needs someone to retrieve a stolen grimoire', 'witnessed a ritual murder in the subway', 'is offering a favour for safe passage across warded territory', 'found a fae child in a dumpster', 'wants a vampire\'s lair located before dawn'],
  backstory: {
    origins: ['{name} grew up in {place}, never knowing the neighbours were not human.', 'Born in {culture} to a family with old secrets, {name} learned the rules before the alphabet.', '{name} moved to {place} to escape a small town and found something stranger.'],
    turns: ['One bad night and one bite later, {name} became {aRole}.', 'A bargain struck in desperation made {name} {aRole} in the hidden world.', 'When the Masquerade cracked, {name} stepped up as {aRole}.'],
    nows: ['Now {name} keeps one foot in each world and trusts neither.', 'These days {name} runs errands for the powers of {place}, for a price.', '{name} has noticed the wards failing, and nobody else seems to care.'],
  },
  places: ['the Old Quarter', 'Chinatown\'s back alleys', 'the Riverside market', 'a goblin-run laundromat', 'the subway tunnels', 'Hollow Park', 'the Westside', 'the University district'],
};
