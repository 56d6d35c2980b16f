import { drawPart, type NameCulture } from '../names.js';
import type { Random } from '../../ports/random.js';
import type { Genre } from './genre-types.js';
import { PATRONYMICS, ENGLISH_GIVEN_MODERN, ENGLISH_SURNAME, HANDLE, JAPANESE_GIVEN, JAPANESE_SURNAME, LATIN_GIVEN, LATIN_SURNAME, SLAVIC_GIVEN, SLAVIC_SURNAME } from './name-parts.js';

/** Everyone on the street has a handle: "Kenji 'Static' Nakamura". */
const handled = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family'], second?: (random: Random) => string): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${g} '${drawPart(random, HANDLE)}' ${f}${second ? ` ${second(random)}` : ''}`,
});

export const cyberpunk: Genre = {
  id: 'cyberpunk',
  label: 'Cyberpunk',
  attributes: { str: 'Body', dex: 'Reflexes', con: 'Grit', int: 'Tech', wis: 'Cool', cha: 'Empathy' },
  cultures: [
    handled('sprawl', 'the Night City sprawl', { list: ENGLISH_GIVEN_MODERN }, ENGLISH_SURNAME),
    handled('neo-kyoto', 'the Neo-Kyoto arcologies', JAPANESE_GIVEN, JAPANESE_SURNAME),
    handled('border-zone', 'the border free zone', { list: LATIN_GIVEN }, LATIN_SURNAME, (random) => drawPart(random, LATIN_SURNAME)),
    handled('eastbloc', 'the Eastbloc data havens', { list: SLAVIC_GIVEN }, SLAVIC_SURNAME, (random) => drawPart(random, SLAVIC_SURNAME)),
  ],
  peoples: ['human', 'human', 'heavily chromed human', 'clone', 'android'],
  roles: {
    netrunner: { abilities: { int: 16, dex: 13 }, ac: 12, hitDie: 6, skills: [['Hacking', 'int'], ['Electronics', 'int'], ['Stealth', 'dex']], gear: ['cyberdeck', 'neural jack', 'mirrorshades', 'energy drinks'] },
    fixer: { abilities: { cha: 15, wis: 13 }, ac: 12, hitDie: 8, skills: [['Streetwise', 'cha'], ['Persuasion', 'cha'], ['Insight', 'wis']], gear: ['burner phones', 'encrypted ledger', 'tailored jacket', 'holdout pistol'] },
    'street samurai': { abilities: { dex: 15, str: 14, con: 13 }, ac: 16, hitDie: 10, skills: [['Melee', 'dex'], ['Firearms', 'dex'], ['Intimidation', 'cha']], gear: ['monoblade', 'smart pistol', 'subdermal armor', 'reflex booster'] },
    ripperdoc: { abilities: { int: 15, dex: 13, wis: 12 }, ac: 11, hitDie: 8, skills: [['Medicine', 'int'], ['Cybertech', 'int'], ['Insight', 'wis']], gear: ['surgical rig', 'black-market implants', 'stim injectors', 'bloodstained apron'] },
    'corporate suit': { abilities: { cha: 14, int: 14 }, ac: 11, hitDie: 8, skills: [['Deception', 'cha'], ['Business', 'int'], ['Etiquette', 'cha']], gear: ['corporate ID', 'designer suit', 'encrypted tablet', 'bodyguard on call'] },
    'media streamer': { abilities: { cha: 15, dex: 12 }, ac: 11, hitDie: 8, skills: [['Performance', 'cha'], ['Investigation', 'int'], ['Streetwise', 'cha']], gear: ['drone camera', 'optic recorder', 'press pass', 'loud jacket'] },
    techie: { abilities: { int: 15, dex: 13, con: 12 }, ac: 12, hitDie: 8, skills: [['Electronics', 'int'], ['Mechanics', 'int'], ['Perception', 'wis']], gear: ['tool harness', 'scrap drone', 'welding torch', 'jury-rigged shotgun'] },
    'gang boss': { abilities: { str: 14, cha: 14, con: 13 }, ac: 14, hitDie: 10, skills: [['Intimidation', 'cha'], ['Brawling', 'str'], ['Streetwise', 'cha']], gear: ['chrome arm', 'auto-shotgun', 'gang colors', 'a loyal crew'] },
  },
  appearance: {
    build: [],
    feature: ['a chrome jaw', 'glowing optic implants', 'a barcode tattooed on the neck', 'neon-dyed undercut', 'a visible neural port behind the ear', 'scar tissue around an implant',
      'synthetic skin that never quite matches', 'LED tattoos that pulse with the heartbeat', 'one mirrored eye', 'a cybernetic hand with too many joints'],
    dress: ['a reflective rain poncho', 'a vintage leather jacket plastered with patches', 'a sleek corporate suit', 'armored streetwear', 'a hoodie with a shifting holo-print', 'surgical scrubs under a trench coat'],
  },
  traits: ['talks in corporate buzzwords, ironically', 'refuses to touch anything unsanitised', 'is always half in a virtual feed', 'trusts machines more than people'],
  ideals: ['Autonomy', 'Profit', 'Revolution', 'Style'],
  bonds: ['owes a ripperdoc for a life-saving implant', 'is protecting a runaway corporate kid', 'wants revenge on the megacorp that erased their family'],
  flaws: ['is addicted to braindance recordings', 'is suffering creeping cyberpsychosis', 'cannot resist a high-paying job'],
  motivations: ['to buy out a corporate contract', 'to pull off one last big score', 'to expose a megacorp cover-up', 'to afford a new, clean identity', 'to find the AI that speaks in their dreams', 'to climb to a penthouse tower'],
  secrets: ['is a corporate sleeper agent', 'has an experimental AI riding in their implants', 'faked their own death two years ago', 'sold out their old crew to the cops', 'is a clone of someone still alive', 'owes a yakuza boss more than they can pay'],
  hooks: ['needs a data shard delivered across gang territory', 'knows a back door into an arcology', 'is being hunted by corporate cleaners', 'has a line on military-grade chrome', 'wants a rival\'s server wiped', 'heard a rumour of a rogue AI in the subway'],
  backstory: {
    origins: ['{name} grew up in the stacks of {place}, where the rain never stops and neither does the noise.', '{name} came up through {culture}, trading favours for food and code for protection.',
      'Born in a corporate enclave at {place}, {name} was expelled at sixteen and never looked back.'],
    turns: ['A botched job left {name} with debts, scars and a new trade as {aRole}.', 'The first implant was for survival; the rest made {name} the {role} people call at 3 a.m.', 'When the gang war ended, {name} was the only {role} left standing.'],
    nows: ['Now {name} works out of a rented coffin near {place}, always one job from out or under.', 'These days {name} keeps their head down and their prices high.', '{name} has a new client, and the job smells wrong.'],
  },
  places: ['the Kabuki markets', 'Watson docks', 'Arcology 9', 'the Undercity', 'Pacifica', 'the Combat Zone', 'Sector 4', 'the Glen'],
};
