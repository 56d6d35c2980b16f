import { INITIALS, pick, type NameCulture } from '../names.js';
import type { Genre } from './genre-types.js';
import { ENGLISH_GIVEN_OLD, ENGLISH_SURNAME } from './name-parts.js';

const TITLES = ['Professor', 'Captain', 'Doctor', 'Engineer', 'Colonel', 'Inspector', 'Commodore', 'Alderman', 'Reverend', 'Major'];
/** Victorian gentlefolk wear titles and double-barrelled names: "Professor Cornelius T. Ashford-Blackwood". */
const victorian = (id: string, label: string, given: readonly string[], family: NameCulture['family']): NameCulture => ({
  id, label, given: { list: given }, family,
  format: ({ given: g, family: f }, random) => `${pick(random, TITLES)} ${g} ${pick(random, INITIALS)}. ${f}-${pick(random, ENGLISH_SURNAME.start)}${pick(random, ENGLISH_SURNAME.end)}`,
});

export const steampunk: Genre = {
  id: 'steampunk',
  label: 'Steampunk',
  attributes: { str: 'Brawn', dex: 'Finesse', con: 'Constitution', int: 'Ingenuity', wis: 'Perception', cha: 'Bearing' },
  cultures: [
    victorian('londinium', 'Londinium', ENGLISH_GIVEN_OLD, ENGLISH_SURNAME),
    victorian('aetheria', 'the Aetherian Republic', ['Amélie', 'Bastien', 'Céleste', 'Émile', 'Fleur', 'Gaspard', 'Hélène', 'Lucien', 'Margaux', 'Octave', 'Séraphine', 'Théo'], { list: ['Delacroix', 'Fontaine', 'Lefèvre', 'Moreau', 'Beaumont', 'Chevalier'], start: ['Beau', 'Belle', 'Bon', 'Ches', 'Dela', 'Fon', 'Gran', 'Lac', 'Mont', 'Ro'], end: ['mont', 'fort', 'ville', 'croix', 'taine', 'court', 'champ', 'lieu', 'noir', 'val'] }),
    victorian('brassgarde', 'the Brassgarde principalities', ['Anselm', 'Brunhilde', 'Conrad', 'Dietrich', 'Elsbeth', 'Friedrich', 'Greta', 'Heinrich', 'Ilse', 'Konrad', 'Liesel', 'Otto'], { list: ['Albrecht', 'Brandt', 'Eisenberg', 'Falk', 'Hartmann'], start: ['Eisen', 'Stein', 'Gold', 'Roth', 'Schwarz', 'Weiss', 'Stahl', 'Kupfer', 'Berg', 'Feld'], end: ['berg', 'mann', 'hof', 'bach', 'hardt', 'feld', 'stein', 'wald', 'dorf', 'heim'] }),
  ],
  peoples: ['human', 'human', 'human with clockwork prosthetics', 'automaton', 'aether-touched human'],
  roles: {
    inventor: { abilities: { int: 17 }, ac: 11, hitDie: 6, skills: [['Engineering', 'int'], ['Science', 'int'], ['Investigation', 'int']], gear: ['brass goggles', 'toolkit of fine spanners', 'an unfinished invention', 'patent applications'] },
    'airship captain': { abilities: { wis: 14, cha: 14, dex: 13 }, ac: 13, hitDie: 10, skills: [['Piloting', 'dex'], ['Navigation', 'wis'], ['Command', 'cha']], gear: ['captain\'s coat', 'spyglass', 'dueling pistol', 'the deed to an airship'] },
    'street urchin': { abilities: { dex: 15, cha: 12 }, ac: 12, hitDie: 6, skills: [['Stealth', 'dex'], ['Pickpocket', 'dex'], ['Streetwise', 'cha']], gear: ['flat cap', 'soot-smeared scarf', 'stolen pocket watch', 'a secret hideout'] },
    aristocrat: { abilities: { cha: 15, int: 13 }, ac: 11, hitDie: 8, skills: [['Etiquette', 'cha'], ['History', 'int'], ['Deception', 'cha']], gear: ['silk cravat', 'cane with a hidden blade', 'calling cards', 'a family crest'] },
    'factory foreman': { abilities: { str: 15, con: 14 }, ac: 12, hitDie: 10, skills: [['Intimidation', 'cha'], ['Engineering', 'int'], ['Athletics', 'str']], gear: ['steam-powered gauntlet', 'ledger of workers', 'whistle', 'soot-black overcoat'] },
    'aether mystic': { abilities: { wis: 15, cha: 14 }, ac: 10, hitDie: 6, skills: [['Occult', 'int'], ['Insight', 'wis'], ['Performance', 'cha']], gear: ['aether crystal', 'tarot of gears', 'velvet robes', 'a séance machine'] },
    detective: { abilities: { int: 15, wis: 15 }, ac: 11, hitDie: 8, skills: [['Investigation', 'int'], ['Perception', 'wis'], ['Disguise', 'cha']], gear: ['magnifying glass', 'deerstalker cap', 'revolver', 'a file of unsolved cases'] },
    'clockwork soldier': { abilities: { str: 16, con: 15 }, ac: 17, hitDie: 10, skills: [['Athletics', 'str'], ['Firearms', 'dex']], gear: ['steam rifle', 'boiler pack', 'riveted armor plates', 'a key in the back'] },
  },
  appearance: {
    build: [],
    feature: ['a brass monocle with adjustable lenses', 'mutton-chop whiskers', 'a clockwork hand that ticks softly', 'soot ground into every crease', 'an elaborate waxed moustache', 'burn scars from a boiler accident', 'copper-coloured ringlets', 'a glass eye with a tiny gear inside'],
    dress: ['a tailcoat with too many pockets', 'a leather aviator jacket', 'a bustled gown with brass fittings', 'oil-stained overalls', 'a military greatcoat with medals', 'a velvet waistcoat and pocket watch'],
  },
  traits: ['checks a pocket watch constantly', 'speaks in elaborate Victorian politeness', 'takes apart anything mechanical nearby', 'quotes the Royal Society as scripture'],
  ideals: ['Progress', 'Empire', 'Reform', 'Propriety'],
  bonds: ['is devoted to the automaton that raised them', 'works to free the factory children', 'serves a secret society of inventors'],
  flaws: ['cannot resist a wager', 'underestimates anyone of lower station', 'is addicted to aether vapour'],
  motivations: ['to win the Grand Exhibition prize', 'to expose the aetherium monopoly', 'to build a machine that speaks with the dead', 'to reclaim the family fortune', 'to fly over the North Pole'],
  secrets: ['stole the design that made their name', 'is an automaton in a human face', 'is a radical plotting against the Crown', 'sabotaged the airship Valiant', 'owes the Guild of Clockmakers a terrible favour'],
  hooks: ['needs a courier for plans that three nations want', 'has lost a prototype on an airship', 'hires investigators for a murder in a locked laboratory', 'is selling a map to a sky-pirate hideout', 'wants an escort to the Exhibition'],
  backstory: {
    origins: ['{name} was born in the smog of {place}, the child of a lamplighter.', 'Raised in {culture}, {name} had every advantage and squandered most of them.', '{name} grew up between the cogs of a workhouse at {place}.'],
    turns: ['A lucky patent made {name} {aRole}, and an unlucky one nearly ended it.', 'After the explosion at the works, {name} took up the life of {aRole}.', 'A mentor at the Royal Academy set {name} on course to become {aRole}.'],
    nows: ['Now {name} moves through the salons and the slums of {place} with equal ease.', 'These days {name} is short of money and long on schemes.', '{name} is one invention away from fame, or the gallows.'],
  },
  places: ['Londinium', 'the Brass Quarter', 'Cogsworth Yards', 'the Aether Docks', 'Whitmoor', 'the Sky Harbor', 'Ironbridge', 'the Exhibition Halls'],
};
