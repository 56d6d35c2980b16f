/** Tables for the NPC generator: enough variety that a table rarely meets the same stranger twice. */

export const NAMES: Record<string, { given: string[]; family: string[] }> = {
  human: {
    given: ['Aldric', 'Brenna', 'Cedric', 'Dara', 'Edmund', 'Fiona', 'Garrick', 'Helena', 'Ivo', 'Jessamy', 'Kendrick', 'Lysa', 'Marek', 'Nessa', 'Osric', 'Petra', 'Quill', 'Rosalind', 'Tobias', 'Wren'],
    family: ['Ashdown', 'Blackwood', 'Crane', 'Dunmore', 'Fairweather', 'Greystone', 'Hollis', 'Marsh', 'Redfern', 'Thatcher', 'Underhill', 'Vance'],
  },
  elf: {
    given: ['Aelar', 'Caelynn', 'Erevan', 'Ilphas', 'Keyleth', 'Lia', 'Naivara', 'Quarion', 'Sariel', 'Thamior', 'Valanthe', 'Ynloth'],
    family: ['Amakiir', 'Galanodel', 'Holimion', 'Liadon', 'Meliamne', 'Nailo', 'Siannodel', 'Xiloscient'],
  },
  dwarf: {
    given: ['Adrik', 'Bardryn', 'Dagnal', 'Eberk', 'Gunnloda', 'Hlin', 'Kildrak', 'Mardred', 'Orsik', 'Riswynn', 'Torbera', 'Vondal'],
    family: ['Balderk', 'Dankil', 'Fireforge', 'Gorunn', 'Holderhek', 'Loderr', 'Rumnaheim', 'Torunn'],
  },
  halfling: {
    given: ['Andry', 'Bree', 'Callie', 'Eldon', 'Garret', 'Kithri', 'Lyle', 'Merric', 'Nedda', 'Roscoe', 'Seraphina', 'Wellby'],
    family: ['Brushgather', 'Goodbarrel', 'Greenbottle', 'High-hill', 'Hilltopple', 'Tealeaf', 'Thorngage', 'Underbough'],
  },
  gnome: {
    given: ['Alston', 'Bimpnottin', 'Boddynock', 'Carlin', 'Ellyjobell', 'Frug', 'Nissa', 'Orryn', 'Roywyn', 'Zook'],
    family: ['Beren', 'Daergel', 'Folkor', 'Garrick', 'Nackle', 'Murnig', 'Scheppen', 'Turen'],
  },
  orc: { given: ['Dench', 'Feng', 'Gell', 'Holg', 'Imsh', 'Krusk', 'Ront', 'Shump', 'Thokk', 'Yevelda'], family: ['of the Broken Tusk', 'Skullsplitter', 'Ironhide', 'Bonegnaw'] },
};

/** Role templates: the ability scores that matter for the job, armour, and what they are good at. */
export const ROLES: Record<string, { abilities: Partial<Record<Ability, number>>; ac: number; hitDie: number; skills: string[]; gear: string[] }> = {
  merchant: { abilities: { cha: 14, int: 12, wis: 12 }, ac: 10, hitDie: 8, skills: ['Insight', 'Persuasion', 'Deception'], gear: ['ledger', 'purse of coins', 'fine clothes'] },
  guard: { abilities: { str: 14, con: 13, wis: 11 }, ac: 16, hitDie: 10, skills: ['Perception', 'Athletics'], gear: ['spear', 'chain shirt', 'shield', 'horn'] },
  noble: { abilities: { cha: 15, int: 12, dex: 11 }, ac: 15, hitDie: 8, skills: ['History', 'Persuasion', 'Insight'], gear: ['rapier', 'signet ring', 'breastplate'] },
  innkeeper: { abilities: { con: 13, cha: 13, wis: 12 }, ac: 11, hitDie: 8, skills: ['Insight', 'Perception'], gear: ['club', 'keys', 'apron'] },
  priest: { abilities: { wis: 15, cha: 13, con: 11 }, ac: 13, hitDie: 8, skills: ['Religion', 'Medicine', 'Insight'], gear: ['holy symbol', 'mace', 'prayer book'] },
  thief: { abilities: { dex: 15, int: 12, cha: 11 }, ac: 14, hitDie: 8, skills: ['Stealth', 'Sleight of Hand', 'Deception'], gear: ['shortsword', "thieves' tools", 'dark cloak'] },
  sage: { abilities: { int: 16, wis: 13 }, ac: 10, hitDie: 6, skills: ['Arcana', 'History', 'Investigation'], gear: ['quarterstaff', 'books', 'ink and quill'] },
  farmer: { abilities: { str: 13, con: 13, wis: 11 }, ac: 10, hitDie: 8, skills: ['Animal Handling', 'Nature'], gear: ['pitchfork', 'straw hat'] },
  soldier: { abilities: { str: 15, con: 14, dex: 11 }, ac: 17, hitDie: 10, skills: ['Athletics', 'Intimidation'], gear: ['longsword', 'splint armour', 'shield'] },
  mage: { abilities: { int: 16, dex: 12, wis: 11 }, ac: 12, hitDie: 6, skills: ['Arcana', 'History'], gear: ['spellbook', 'arcane focus', 'dagger'] },
  bard: { abilities: { cha: 15, dex: 13 }, ac: 13, hitDie: 8, skills: ['Performance', 'Persuasion', 'History'], gear: ['lute', 'rapier', 'leather armour'] },
  hunter: { abilities: { dex: 15, wis: 13, con: 11 }, ac: 14, hitDie: 10, skills: ['Survival', 'Perception', 'Stealth'], gear: ['longbow', 'hunting knife', 'leather armour'] },
};

export type Ability = 'str' | 'dex' | 'con' | 'int' | 'wis' | 'cha';
export const ABILITIES: Ability[] = ['str', 'dex', 'con', 'int', 'wis', 'cha'];

export const TRAITS = [
  'speaks in a whisper, as if always sharing a secret', 'laughs too loudly at their own jokes', 'never makes eye contact', 'quotes proverbs nobody has heard of',
  'is unfailingly polite, even to enemies', 'counts coins when nervous', 'distrusts anyone carrying a sword', 'collects small bones', 'hums old war songs',
  'asks far too many questions', 'is convinced they are being followed', 'treats every stranger like an old friend', 'is terrified of cats', 'keeps a meticulous diary',
];
export const IDEALS = ['Tradition', 'Charity', 'Power', 'Freedom', 'Greed', 'Honour', 'Knowledge', 'Family', 'Redemption', 'Independence', 'Fairness', 'Faith'];
export const BONDS = [
  'owes a life debt to a stranger', 'protects a younger sibling', 'is loyal to a fallen noble house', 'guards a map they cannot read', 'wants to buy back the family farm',
  'serves a temple that cast them out', 'searches for a lost love', 'hides a child who is not theirs', 'keeps a promise made to the dying',
];
export const FLAWS = [
  'cannot keep a secret', 'gambles away everything', 'lies when the truth would do', 'holds grudges forever', 'is a coward in a real fight', 'drinks too much',
  'trusts the wrong people', 'looks down on the poor', 'cannot resist a dare', 'steals small shiny things',
];
export const APPEARANCE = [
  'a scar across the nose', 'braided hair threaded with beads', 'ink-stained fingers', 'mismatched eyes', 'a missing front tooth', 'an expensive but patched coat',
  'sunburnt skin and squinting eyes', 'a heavy limp', 'rings on every finger', 'a tattoo of a sea serpent', 'immaculately trimmed beard', 'a voice far deeper than expected',
];
export const HOOKS = [
  'knows who really burned the mill', 'is quietly paying off a local gang', 'saw something strange in the old crypt last night', 'needs an escort to the next town',
  'is selling a stolen relic without knowing it', 'has a cousin in the city watch', 'will pay well for a rare herb', 'recognises one of the party from a wanted poster',
];
