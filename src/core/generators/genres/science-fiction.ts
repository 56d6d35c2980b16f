import { drawPart, pick, type NameCulture } from '../names.js';
import type { Genre } from './genre-types.js';
import { ENGLISH_GIVEN_MODERN, ENGLISH_SURNAME, WEST_AFRICAN_GIVEN, WEST_AFRICAN_SURNAME } from './name-parts.js';

const RANKS = ['Ensign', 'Lieutenant', 'Commander', 'Captain', 'Chief', 'Specialist', 'Doctor', 'Citizen', 'Pilot Officer', 'Sergeant'];
const NUMERALS = ['', ' II', ' III', ' IV', ' V', ' VI', ' VII', ' IX', ' X', ' XII'];
const SHIPS = { list: [], start: ['Dawn', 'Far', 'Star', 'Void', 'Sol', 'Nova', 'Iron', 'Deep', 'High', 'Long', 'Bright', 'Cold', 'Red', 'Silent', 'Swift', 'Lucky', 'Last', 'First', 'Grey', 'Quiet',
  'Ember', 'Frost', 'Night', 'Sun', 'Storm', 'Wander', 'Pale', 'Blue', 'Golden', 'Hollow'],
  end: ['runner', 'strider', 'hope', 'wake', 'song', 'fall', 'reach', 'light', 'drift', 'harbor', 'wind', 'anchor', 'crown', 'spear', 'dancer', 'child', 'promise', 'voyager', 'comet', 'tide',
    'seeker', 'glory', 'heart', 'ward', 'star', 'flight', 'herald', 'lance', 'shadow', 'dream'] };
/** Spacers are known by rank, name and ship of birth: "Chief Adaeze Okafor of the Dawnrunner III". */
const spacer = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family']): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${pick(random, RANKS)} ${g} ${f} of the ${drawPart(random, SHIPS)}${pick(random, NUMERALS)}`,
});

export const scienceFiction: Genre = {
  id: 'science-fiction',
  label: 'Science fiction',
  attributes: { str: 'Strength', dex: 'Agility', con: 'Endurance', int: 'Intellect', wis: 'Awareness', cha: 'Presence' },
  cultures: [
    spacer('core-worlds', 'the Core Worlds', { list: ENGLISH_GIVEN_MODERN }, ENGLISH_SURNAME),
    spacer('belt', 'the Belt colonies', { list: WEST_AFRICAN_GIVEN }, WEST_AFRICAN_SURNAME),
    spacer('vashti', 'the Vashti Concord', { list: ['Ixa', 'Thessaly', 'Oru', 'Kaelix', 'Sevrin', 'Yllara', 'Tavi', 'Quorra'], start: ['Ix', 'Tha', 'Or', 'Kae', 'Sev', 'Yll', 'Tav', 'Quor', 'Zel', 'Vyn', 'Ael', 'Ny'], end: ['ara', 'ix', 'un', 'essa', 'rin', 'ora', 'eth', 'ani', 'os', 'yth'] },
      { list: ['Vaal', 'Tescari', 'Oronde'], start: ['Vaal', 'Tes', 'Oron', 'Quil', 'Zhar', 'Mett', 'Ysen', 'Kovar', 'Drel', 'Sath'], end: ['cari', 'de', 'ith', 'orr', 'anis', 'uvel', 'eko', 'ast', 'ymar', 'en'] }),
  ],
  peoples: ['human', 'human', 'human', 'Vashti', 'uplifted octopoid', 'synthetic', 'gene-tailored spacer'],
  roles: {
    pilot: { abilities: { dex: 16, wis: 13 }, ac: 13, hitDie: 8, skills: [['Piloting', 'dex'], ['Navigation', 'int'], ['Perception', 'wis']], gear: ['flight suit', 'sidearm', 'lucky charm', 'nav tablet'] },
    engineer: { abilities: { int: 16, con: 12 }, ac: 12, hitDie: 8, skills: [['Engineering', 'int'], ['Computers', 'int'], ['Zero-G', 'dex']], gear: ['multi-tool', 'diagnostic pad', 'vacuum suit', 'spare fusion cells'] },
    marine: { abilities: { str: 15, con: 14, dex: 12 }, ac: 17, hitDie: 10, skills: [['Firearms', 'dex'], ['Athletics', 'str'], ['Tactics', 'int']], gear: ['powered armor', 'gauss rifle', 'combat knife', 'stim pack'] },
    diplomat: { abilities: { cha: 16, int: 13 }, ac: 11, hitDie: 6, skills: [['Persuasion', 'cha'], ['Xenology', 'int'], ['Insight', 'wis']], gear: ['translator implant', 'formal uniform', 'encrypted credentials', 'gift of state'] },
    smuggler: { abilities: { dex: 14, cha: 14 }, ac: 13, hitDie: 8, skills: [['Deception', 'cha'], ['Piloting', 'dex'], ['Streetwise', 'cha']], gear: ['blaster', 'hidden cargo compartment', 'forged transponder codes', 'worn jacket'] },
    scientist: { abilities: { int: 16, wis: 13 }, ac: 10, hitDie: 6, skills: [['Science', 'int'], ['Medicine', 'int'], ['Investigation', 'int']], gear: ['sample kit', 'scanner', 'lab coat', 'a cryo-sealed specimen'] },
    'station administrator': { abilities: { cha: 14, int: 14 }, ac: 11, hitDie: 8, skills: [['Bureaucracy', 'int'], ['Persuasion', 'cha'], ['Insight', 'wis']], gear: ['command tablet', 'access keys', 'pressed uniform', 'a panic button'] },
    'bounty hunter': { abilities: { dex: 15, wis: 14 }, ac: 15, hitDie: 10, skills: [['Tracking', 'wis'], ['Firearms', 'dex'], ['Intimidation', 'cha']], gear: ['heavy blaster', 'restraint field', 'tracking drone', 'armored duster'] },
  },
  appearance: {
    build: [],
    feature: ['pale skin from a life in the dark between stars', 'a shaved head with a port at the base of the skull', 'long limbs of a low-gravity birth', 'iridescent gene-tailored eyes', 'a prosthetic arm of polished alloy',
      'radiation freckles across the face', 'a clan tattoo from the Belt', 'perfectly symmetrical features'],
    dress: ['a patched flight suit', 'a crisp naval uniform', 'a vacuum-rated work suit', 'flowing Vashti robes', 'mag-booted spacer gear', 'a medical smock'],
  },
  traits: ['measures time in jump cycles', 'is uneasy under an open sky', 'names every machine they fix', 'collects soil from every planet visited'],
  ideals: ['Exploration', 'Duty', 'Unity', 'Progress'],
  bonds: ['is loyal to the ship more than the crew', 'wants to return to a homeworld that no longer exists', 'looks after a broken AI core'],
  flaws: ['cannot follow orders they disagree with', 'is hooked on stims', 'hates synthetics'],
  motivations: ['to buy their own ship', 'to find the lost colony ship their parents were on', 'to prevent a war between the Core and the Belt', 'to make first contact', 'to clear their name with the Navy', 'to pay off the ship\'s mortgage'],
  secrets: ['is a synthetic who believes they are human', 'sabotaged the reactor that killed the last crew', 'is a deserter from the Navy', 'carries an alien artefact in their luggage', 'spies for the Vashti Concord', 'has a price on their head in three systems'],
  hooks: ['needs passage off-station, no questions asked', 'has intercepted a distress call from a ship declared lost', 'is looking for crew for a salvage run', 'knows where a derelict warship drifts', 'is trying to sell navigation data for an uncharted jump route'],
  backstory: {
    origins: ['{name} was born aboard a hauler in {place} and first stood on a planet at twenty.', '{name} grew up in {culture}, where air is rationed and favours are currency.', 'A child of {place}, {name} trained at the academy before the scandal.'],
    turns: ['A mutiny, a court martial and a pardon later, {name} works as {aRole}.', 'When the colony failed, {name} signed on as {aRole} with the first ship out.', 'Years as {aRole} on long-haul routes taught {name} patience and paranoia.'],
    nows: ['Now {name} is looking for one more contract before retiring to a quiet moon.', 'These days {name} drinks in {place} and listens for rumours of derelicts.', '{name} has a berth, a debt and a very bad feeling about the next job.'],
  },
  places: ['Ceres Station', 'the Kuiper docks', 'Tycho City', 'the Vashti Reach', 'Olympus Ring', 'Port Meridian', 'the Outer Verge', 'Halcyon Yards'],
};
