import { drawPart, type NameCulture } from '../names.js';
import type { Genre } from './genre-types.js';
import { ENGLISH_GIVEN_MODERN, ENGLISH_SURNAME, LATIN_GIVEN, LATIN_SURNAME } from './name-parts.js';

const NICK = { list: ['Rust', 'Dust', 'Ash', 'Bones', 'Sparks', 'Tin', 'Scav', 'Lucky', 'Jackal', 'Crow'],
  start: ['Rust', 'Dust', 'Ash', 'Glass', 'Rad', 'Scrap', 'Bone', 'Tin', 'Salt', 'Burn', 'Grit', 'Crow', 'Mud', 'Wire', 'Iron', 'Sun', 'Storm', 'Rot', 'Dog', 'Cinder'],
  end: ['-eye', '-tooth', '-hand', '-jaw', ' Kid', '-heart', '-back', '-runner', '-walker', '-mouth', '-bones', '-knuckles', '-skin', '-fist', ' Queen', ' Jack', '-belly', '-nose', '-fingers', '-foot'] };
const CAMPS = { list: [], start: ['Rust', 'Dust', 'Ash', 'Glass', 'Rad', 'Scrap', 'Bone', 'Salt', 'Burn', 'Crater', 'Dead', 'Mud', 'Tin', 'Last', 'Hope', 'Iron', 'Red', 'Dry', 'Sun', 'Black'],
  end: [' Gulch', ' Flats', ' Town', ' Hollow', ' Springs', ' Creek', ' Camp', ' Pit', ' Ridge', ' Crossing', ' Mesa', ' Wells', ' Yard', ' Bend', ' Fort', ' Rock', ' Mill', ' Heap', ' Row', ' Depot'] };
/** Wastelanders go by what the road calls them and where they hail from: "Mara 'Rust-Eye' Kell of Salt Flats". */
const nicknamed = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family']): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${g} '${drawPart(random, NICK)}' ${f} of ${drawPart(random, CAMPS)}`,
});

export const postApocalyptic: Genre = {
  id: 'post-apocalyptic',
  label: 'Post-apocalyptic',
  attributes: { str: 'Might', dex: 'Agility', con: 'Toughness', int: 'Wits', wis: 'Instinct', cha: 'Nerve' },
  cultures: [
    nicknamed('wastelander', 'the Wastes', { list: ENGLISH_GIVEN_MODERN }, ENGLISH_SURNAME),
    nicknamed('vault', 'Vault 12', { list: ['Ada', 'Byron', 'Cora', 'Dexter', 'Edie', 'Felix', 'Greta', 'Hank', 'Ivy', 'Jonah', 'Lola', 'Milo', 'Nell', 'Otis', 'Pearl', 'Roy'] }, ENGLISH_SURNAME),
    nicknamed('river-clans', 'the River Clans', { list: LATIN_GIVEN }, LATIN_SURNAME),
  ],
  peoples: ['human', 'human', 'mutant', 'ghoulish survivor', 'vault-born human'],
  roles: {
    scavenger: { abilities: { dex: 14, wis: 13 }, ac: 12, hitDie: 8, skills: [['Scavenging', 'wis'], ['Stealth', 'dex'], ['Repair', 'int']], gear: ['crowbar', 'patched backpack', 'geiger counter', 'half a map'] },
    'raider chief': { abilities: { str: 15, cha: 14, con: 14 }, ac: 15, hitDie: 10, skills: [['Intimidation', 'cha'], ['Melee', 'str'], ['Driving', 'dex']], gear: ['spiked armor', 'sawn-off shotgun', 'a war rig', 'trophy necklace'] },
    trader: { abilities: { cha: 15, int: 12 }, ac: 11, hitDie: 8, skills: [['Barter', 'cha'], ['Insight', 'wis'], ['Survival', 'wis']], gear: ['pack brahmin', 'scales', 'bottle caps', 'rifle'] },
    medic: { abilities: { int: 14, wis: 14 }, ac: 11, hitDie: 8, skills: [['Medicine', 'int'], ['Chemistry', 'int'], ['Insight', 'wis']], gear: ['stitching kit', 'rad pills', 'boiled bandages', 'a stolen autodoc manual'] },
    'settlement warden': { abilities: { str: 14, wis: 13, con: 13 }, ac: 14, hitDie: 10, skills: [['Firearms', 'dex'], ['Perception', 'wis'], ['Leadership', 'cha']], gear: ['hunting rifle', 'badge cut from a can', 'keys to the armory', 'dog'] },
    mechanic: { abilities: { int: 15, str: 13 }, ac: 12, hitDie: 8, skills: [['Repair', 'int'], ['Driving', 'dex'], ['Salvage', 'wis']], gear: ['wrench set', 'welding mask', 'jerry cans', 'a half-built engine'] },
    preacher: { abilities: { cha: 15, wis: 14 }, ac: 10, hitDie: 8, skills: [['Persuasion', 'cha'], ['Lore', 'int'], ['Insight', 'wis']], gear: ['scorched holy book', 'bell', 'robes of road canvas', 'a follower or two'] },
    tracker: { abilities: { wis: 15, dex: 14 }, ac: 13, hitDie: 10, skills: [['Survival', 'wis'], ['Tracking', 'wis'], ['Firearms', 'dex']], gear: ['scoped rifle', 'water still', 'dust goggles', 'bone knife'] },
  },
  appearance: {
    build: [],
    feature: ['sun-cracked skin', 'radiation scars across the scalp', 'a third eye, milky and blind', 'teeth filed to points', 'a gas-mask tan line', 'one arm of scrap metal', 'hair bleached white by the sun', 'tribal paint of rust and ash'],
    dress: ['layers of road-worn leather', 'a faded vault jumpsuit', 'armor made of road signs', 'a hazmat suit cut into a vest', 'a poncho of stitched tarpaulin', 'a pre-war wedding dress, stained'],
  },
  traits: ['hoards bottle caps in every pocket', 'tells stories about the world before as if they saw it', 'never sleeps twice in the same place', 'drinks only rainwater'],
  ideals: ['Community', 'Strength', 'Hope', 'Scarcity'],
  bonds: ['protects the last seed bank', 'is searching for the vault they were born in', 'owes everything to the caravan that found them'],
  flaws: ['shoots first', 'cannot share food, ever', 'is slowly losing the fight with radiation sickness'],
  motivations: ['to find clean water for the settlement', 'to reach the rumoured green valley', 'to avenge the burning of their town', 'to rebuild a working radio tower', 'to keep the raiders off their people', 'to open the sealed vault'],
  secrets: ['led the raiders to their own town', 'carries a pre-war key card to a military bunker', 'is immune to the plague', 'is a scout for a technocratic enclave', 'knows the well is poisoned', 'is older than the apocalypse, somehow'],
  hooks: ['needs a convoy escorted through raider land', 'has found a working vehicle and lacks the fuel', 'offers a map to a pre-war supermarket, unlooted', 'is looking for a missing child taken by mutants', 'wants help defending the settlement before the next full moon'],
  backstory: {
    origins: ['{name} was born after the bombs, in a bunker beneath {place}.', '{name} grew up with {culture}, moving with the seasons and the storms.', 'Nobody knows where {name} came from; the caravan found them at {place}, alone.'],
    turns: ['A raider attack left {name} with nothing but a trade: {role}.', 'The settlement needed {aRole}; {name} was the one who stayed.', 'After the winter of the long storm, {name} became the {role} everyone at {place} depends on.'],
    nows: ['Now {name} trades rumours as readily as water.', '{name} keeps watch on the horizon and counts the days between raids.', 'These days {name} is quietly planning to leave, and taking something valuable along.'],
  },
  places: ['the Glass Flats', 'Rust Gulch', 'the Drowned City', 'Fort Hope', 'the Salt Road', 'Crater Town', 'the Dead Mall', 'Bridgetown'],
};
