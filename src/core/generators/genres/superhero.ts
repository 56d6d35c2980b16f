import { drawPart, INITIALS, pick, type NameCulture } from '../names.js';
import type { Genre } from './genre-types.js';
import { ENGLISH_GIVEN_MODERN, ENGLISH_SURNAME, JAPANESE_GIVEN, JAPANESE_SURNAME, LATIN_GIVEN, LATIN_SURNAME } from './name-parts.js';

const CODENAME = { list: ['Nightingale', 'Vanguard', 'Paragon', 'Mirage', 'Tempest', 'Quicksilver', 'Aegis', 'Spectra'],
  start: ['Night', 'Star', 'Iron', 'Shadow', 'Storm', 'Silver', 'Crimson', 'Thunder', 'Steel', 'Blue', 'Black', 'Golden', 'Atomic', 'Quantum', 'Solar', 'Frost', 'Ember', 'Void', 'Captain ', 'Doctor ', 'Lady ', 'Mister ', 'Kid ', 'Ultra', 'Mega',
    'Scarlet', 'Omega', 'Hyper', 'Sonic', 'Radiant', 'Phantom', 'Arc', 'Nova', 'Cosmic', 'Titan'],
  end: ['hawk', 'fist', 'bolt', 'blade', 'wing', 'strike', 'shield', 'flare', 'spark', 'wolf', 'fox', 'star', 'storm', 'knight', 'phantom', 'comet', 'viper', 'sentinel', 'Justice', 'Tomorrow', 'Zero', 'flash', 'wave', 'guard'] };
/** Capes have two names: "Maya R. Castillo, alias Silverhawk". */
const caped = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family']): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${g} ${pick(random, INITIALS)}. ${f}, alias ${drawPart(random, CODENAME)}`,
});

export const superhero: Genre = {
  id: 'superhero',
  label: 'Superhero',
  attributes: { str: 'Might', dex: 'Agility', con: 'Stamina', int: 'Intellect', wis: 'Awareness', cha: 'Presence' },
  cultures: [
    caped('metro', 'Metro City', { list: ENGLISH_GIVEN_MODERN }, ENGLISH_SURNAME),
    caped('bay', 'Bay City', { list: LATIN_GIVEN }, LATIN_SURNAME),
    caped('neo-tokyo', 'Neo-Tokyo', JAPANESE_GIVEN, JAPANESE_SURNAME),
  ],
  peoples: ['human', 'mutant', 'meta-human', 'alien exile', 'android', 'magically empowered human'],
  roles: {
    vigilante: { abilities: { dex: 16, str: 14 }, ac: 15, hitDie: 10, skills: [['Acrobatics', 'dex'], ['Intimidation', 'cha'], ['Investigation', 'int']], gear: ['grappling line', 'armored costume', 'smoke pellets', 'police scanner'] },
    'super-villain': { abilities: { int: 15, cha: 15 }, ac: 15, hitDie: 10, skills: [['Science', 'int'], ['Deception', 'cha'], ['Intimidation', 'cha']], gear: ['doomsday device blueprints', 'power armor', 'a hidden lair', 'henchmen on retainer'] },
    henchman: { abilities: { str: 14, con: 13 }, ac: 13, hitDie: 8, skills: [['Brawling', 'str'], ['Firearms', 'dex']], gear: ['matching jumpsuit', 'stun baton', 'walkie-talkie', 'a paycheck'] },
    'police detective': { abilities: { wis: 14, int: 13 }, ac: 12, hitDie: 8, skills: [['Investigation', 'int'], ['Insight', 'wis'], ['Firearms', 'dex']], gear: ['badge', 'service revolver', 'cold coffee', 'case files on every cape'] },
    reporter: { abilities: { cha: 14, wis: 13 }, ac: 10, hitDie: 6, skills: [['Investigation', 'int'], ['Persuasion', 'cha'], ['Insight', 'wis']], gear: ['press badge', 'camera', 'notebook', 'a scoop nobody believes'] },
    'mad scientist': { abilities: { int: 17 }, ac: 11, hitDie: 6, skills: [['Science', 'int'], ['Engineering', 'int'], ['Medicine', 'int']], gear: ['ray gun', 'lab coat', 'experimental serum', 'a robot assistant'] },
    'powered sidekick': { abilities: { dex: 14, cha: 13 }, ac: 13, hitDie: 8, skills: [['Acrobatics', 'dex'], ['Athletics', 'str'], ['Perception', 'wis']], gear: ['bright costume', 'comm earpiece', 'a school backpack', 'a utility belt'] },
    billionaire: { abilities: { cha: 15, int: 14 }, ac: 11, hitDie: 8, skills: [['Business', 'int'], ['Persuasion', 'cha'], ['Deception', 'cha']], gear: ['private jet', 'bodyguards', 'tailored suit', 'a secret wing of the mansion'] },
  },
  appearance: {
    build: [],
    feature: ['eyes that glow faintly when angry', 'a jawline built for magazine covers', 'a streak of white in dark hair', 'skin with a faint metallic sheen', 'scars from a lab accident', 'a perpetual five-o\'clock shadow', 'crackling static in the hair', 'an unnervingly calm face'],
    dress: ['a bold costume with a stylised emblem', 'a rumpled raincoat', 'an expensive three-piece suit', 'a hoodie over a hidden costume', 'a lab coat with scorch marks', 'a sharp pantsuit'],
  },
  traits: ['strikes a pose before every fight', 'monologues when nervous', 'always knows where the cameras are', 'cannot resist a bad pun'],
  ideals: ['Justice', 'Order', 'Chaos', 'Responsibility'],
  bonds: ['protects a secret identity at all costs', 'owes their powers to a dying mentor', 'is in love with their nemesis'],
  flaws: ['cannot say no to a cry for help', 'has a weakness to a common metal', 'craves the spotlight'],
  motivations: ['to prove that powers do not make a hero', 'to bring down the crime boss who killed their parents', 'to cure their own powers', 'to get the registration act repealed', 'to rule the city, for its own good'],
  secrets: ['is secretly funding both the heroes and the villains', 'is the villain\'s long-lost sibling', 'has no powers at all, only gadgets', 'caused the accident that created the city\'s worst villain', 'is an alien scout preparing an invasion report'],
  hooks: ['has evidence of a super-team\'s corruption', 'needs protection from a villain who wants their formula', 'knows the location of the villain\'s lair', 'is being framed for a robbery committed by a shapeshifter', 'is about to go public with a hero\'s secret identity'],
  backstory: {
    origins: ['{name} grew up in {place}, in the shadow of the old reactor.', 'A quiet childhood in {place} ended on the day of the meteor shower.', '{name} was an ordinary kid from {culture} until the lab explosion.'],
    turns: ['Since then {name} has worked as {aRole}, with mixed results.', 'The powers came first; the career as {aRole} came after a long, bad year.', 'A chance meeting with a masked stranger set {name} on the road to being {aRole}.'],
    nows: ['Now {name} patrols {place} at night and sleeps through the day job.', 'These days {name} juggles two lives and is failing at both.', '{name} is about to learn that the city\'s newest cape is someone they know.'],
  },
  places: ['Metro City', 'the Narrows', 'Harbor Heights', 'Paragon Tower', 'Old Town', 'the Industrial District', 'Liberty Island', 'Skyline Row'],
};
