import { drawPart, type NameCulture } from '../names.js';
import { ENGLISH_SURNAME } from './name-parts.js';
import type { Genre } from './genre-types.js';

const ENGLISH_PLACES = { list: [], start: ['Ash', 'Brad', 'Cal', 'Chester', 'Dun', 'Elm', 'Glou', 'Ham', 'Kings', 'Lang', 'Mel', 'North', 'Ox', 'Roch', 'Sal', 'Thorn', 'Wal', 'Whit', 'Wy', 'York', 'Bar', 'Crow', 'Dur', 'Fen'],
  end: ['bury', 'ford', 'ton', 'ham', 'ley', 'wick', 'by', 'minster', 'cester', 'borough', 'field', 'wood', 'stow', 'mere', 'dale', 'thorpe', 'hithe', 'well', 'combe', 'stead'] };
const BYNAME = { list: [], start: ['Red', 'Long', 'Strong', 'Black', 'White', 'Grey', 'Iron', 'Broad', 'Crook', 'Fair', 'Gold', 'Half', 'Short', 'Wild', 'Old', 'Young', 'Proud', 'Quick', 'Sharp', 'Swift'],
  end: ['beard', 'shanks', 'hand', 'arm', 'eye', 'tooth', 'foot', 'hair', 'nose', 'cloak', 'axe', 'bow', 'back', 'heart', 'tongue', 'sword', 'cap', 'belly', 'ear', 'brow'] };
/** Medieval folk are known by trade, home and byname: "Agnes Thatcher of Ashbury, called Redhand". */
const medieval = (id: string, label: string, given: NameCulture['given'], family: NameCulture['family'], places: NameCulture['family'], of = 'of'): NameCulture => ({
  id, label, given, family, format: ({ given: g, family: f }, random) => `${g} ${f} ${of} ${drawPart(random, places)}, called ${drawPart(random, BYNAME)}`,
});

export const historical: Genre = {
  id: 'historical',
  label: 'Historical (medieval Europe)',
  attributes: { str: 'Strength', dex: 'Dexterity', con: 'Vigour', int: 'Learning', wis: 'Judgement', cha: 'Standing' },
  cultures: [
    medieval('english', 'English', { list: ['Agnes', 'Alice', 'Cecily', 'Edith', 'Emma', 'Isabel', 'Joan', 'Margery', 'Matilda', 'Rose', 'Adam', 'Geoffrey', 'Gilbert', 'Henry', 'Hugh', 'John', 'Ralph', 'Richard', 'Robert', 'Roger', 'Simon', 'Thomas', 'Walter', 'William'] },
      { list: ['Baker', 'Carter', 'Cooper', 'Fletcher', 'Fuller', 'Mason', 'Miller', 'Smith', 'Tanner', 'Thatcher', 'Turner', 'Weaver', 'Wright', 'Chandler', 'Fowler', 'Shepherd', 'Taylor', 'Webb', 'Ward', 'Hayward', 'Reeve', 'Salter', 'Skinner', 'Potter', 'Cook', 'Fisher', 'Glover', 'Hunter', 'Marshall', 'Parker'],
        start: ENGLISH_SURNAME.start, end: ENGLISH_SURNAME.end }, ENGLISH_PLACES),
    medieval('french', 'Norman French', { list: ['Aimery', 'Amaury', 'Bertrand', 'Guillaume', 'Hugues', 'Raoul', 'Thibault', 'Yves', 'Adèle', 'Aliénor', 'Blanche', 'Héloïse', 'Isabeau', 'Jehanne', 'Marguerite', 'Perrine',
      'Anseau', 'Baudouin', 'Clémence', 'Denise', 'Enguerrand', 'Florent', 'Gautier', 'Huon', 'Jourdain', 'Mahaut', 'Renaud', 'Sybille', 'Tiphaine', 'Ysabel'] },
      { list: ['le Boulanger', 'le Charpentier', 'le Fèvre', 'le Meunier', 'le Tisserand', 'le Clerc', 'le Roux', 'le Brun', 'le Petit', 'le Grand', 'le Sage', 'le Breton'],
        start: ['Beau', 'Belle', 'Bon', 'Ches', 'Dela', 'Fon', 'Gran', 'Lac', 'Mont', 'Ro', 'Du', 'Mal'], end: ['mont', 'fort', 'ville', 'croix', 'taine', 'court', 'champ', 'lieu', 'noir', 'val', 'pré', 'bois'] },
      { list: [], start: ['Beau', 'Mont', 'Ro', 'Cham', 'Ver', 'Fon', 'Bel', 'Cler', 'Dom', 'Gran', 'Lor', 'Saint-'], end: ['mont', 'ville', 'fort', 'pagne', 'court', 'champ', 'rive', 'val', 'lieu', 'mare', 'Denis', 'Clair'] }, 'de'),
    medieval('norse', 'Norse', { list: ['Astrid', 'Bjorn', 'Eirik', 'Freydis', 'Gunnar', 'Halla', 'Ingrid', 'Leif', 'Ragna', 'Sigrid', 'Sven', 'Thora', 'Ulf', 'Yrsa', 'Harald', 'Sigurd'],
      start: ['As', 'Bo', 'Dag', 'Ei', 'Fro', 'Gud', 'Hal', 'Ing', 'Ket', 'Ragn', 'Sig', 'Thor', 'Ulf', 'Vig', 'Yng', 'Arn'], end: ['rid', 'mund', 'ny', 'vald', 'dis', 'bjorn', 'hild', 'geir', 'katla', 'ulf', 'steinn', 'run'] },
      { list: [], start: ['Bjorn', 'Eirik', 'Gunnar', 'Hakon', 'Ivar', 'Leif', 'Olaf', 'Ragnar', 'Sigurd', 'Thor', 'Ulf', 'Halfdan', 'Knut', 'Orm'], end: ['sson', 'sdottir'] },
      { list: [], start: ['Hross', 'Vik', 'Sogn', 'Hald', 'Thor', 'Hed', 'Ska', 'Birk', 'Dal', 'Fjor'], end: ['holm', 'fjord', 'ey', 'vik', 'by', 'stad', 'nes', 'heim', 'land', 'vang'] }),
  ],
  peoples: ['human'],
  roles: {
    knight: { abilities: { str: 15, con: 14, cha: 12 }, ac: 18, hitDie: 10, skills: [['Riding', 'dex'], ['Melee', 'str'], ['Courtesy', 'cha']], gear: ['plate harness', 'lance', 'warhorse', 'heraldic surcoat'] },
    monk: { abilities: { int: 15, wis: 14 }, ac: 10, hitDie: 6, skills: [['Latin', 'int'], ['Theology', 'int'], ['Medicine', 'wis']], gear: ['habit', 'illuminated psalter', 'rosary', 'herb satchel'] },
    merchant: { abilities: { cha: 14, int: 13 }, ac: 11, hitDie: 8, skills: [['Bargain', 'cha'], ['Reckoning', 'int'], ['Insight', 'wis']], gear: ['scales and weights', 'letters of credit', 'bolt of Flemish cloth', 'mule'] },
    'man-at-arms': { abilities: { str: 14, con: 14 }, ac: 15, hitDie: 10, skills: [['Melee', 'str'], ['Athletics', 'str'], ['Perception', 'wis']], gear: ['gambeson', 'halberd', 'kettle helm', 'a lord\'s livery'] },
    'village reeve': { abilities: { wis: 14, cha: 13 }, ac: 10, hitDie: 8, skills: [['Husbandry', 'wis'], ['Law', 'int'], ['Persuasion', 'cha']], gear: ['tally sticks', 'reeve\'s staff', 'keys to the granary', 'muddy boots'] },
    'wise woman': { abilities: { wis: 16, int: 12 }, ac: 10, hitDie: 6, skills: [['Herbalism', 'wis'], ['Midwifery', 'wis'], ['Folklore', 'int']], gear: ['dried herbs', 'clay pots', 'a black hen', 'a charm against fevers'] },
    minstrel: { abilities: { cha: 15, dex: 13 }, ac: 11, hitDie: 8, skills: [['Performance', 'cha'], ['History', 'int'], ['Sleight of Hand', 'dex']], gear: ['lute', 'motley cloak', 'book of songs', 'a forged safe-conduct'] },
    outlaw: { abilities: { dex: 15, wis: 13 }, ac: 13, hitDie: 8, skills: [['Archery', 'dex'], ['Woodcraft', 'wis'], ['Stealth', 'dex']], gear: ['longbow', 'hooded cloak', 'hunting knife', 'a price on their head'] },
  },
  appearance: {
    build: [],
    feature: ['pox scars across the cheeks', 'a tonsured head', 'a broken nose set badly', 'calloused bowman\'s fingers', 'a missing ear, cropped for theft', 'hair the colour of straw', 'rotten teeth and a kind smile', 'a pilgrim\'s badge pinned to the hat'],
    dress: ['a patched woollen kirtle', 'a fine houppelande trimmed with fur', 'a mud-spattered tunic and hose', 'a monk\'s black habit', 'a worn gambeson', 'a pilgrim\'s cloak and staff'],
  },
  traits: ['crosses themself at every bad omen', 'measures distance in Paternosters', 'distrusts anyone from the next valley', 'swears by saints nobody else has heard of'],
  ideals: ['Piety', 'Chivalry', 'Kinship', 'Lordship'],
  bonds: ['is sworn to a lord who has gone on crusade', 'keeps a relic for the village church', 'owes rent the harvest cannot pay'],
  flaws: ['is deeply superstitious', 'covets a neighbour\'s land', 'cannot abide a foreigner'],
  motivations: ['to buy freedom from serfdom', 'to make a pilgrimage to Compostela', 'to avenge a brother killed in a tournament', 'to win the hand of a lord\'s daughter', 'to keep the family mill through the famine'],
  secrets: ['is a runaway serf living under a false name', 'forged the charter that gives the abbey its land', 'hid the plague-dead to keep the market open', 'is the bastard child of the baron', 'sheltered outlaws in the tithe barn'],
  hooks: ['needs an escort to the fair at Winchester', 'knows where the bishop\'s stolen chalice is hidden', 'is accused of witchcraft and needs defenders', 'wants a message carried past the siege lines', 'has seen the baron\'s men burying something at night'],
  backstory: {
    origins: ['{name} was born in the village of {place}, in the year of the great flood.', 'The child of {aCulture} family of modest means, {name} grew up near {place}.', '{name} was given to the abbey at {place} as a child and left it at fifteen.'],
    turns: ['Plague took the family, and {name} took up the life of {aRole}.', 'The lord\'s favour made {name} {aRole}; the lord\'s death nearly unmade them.', 'Years of war turned {name} into a hardened {role}.'],
    nows: ['Now {name} keeps faith, keeps accounts and keeps an eye on the road.', 'These days {name} is wary of strangers bearing letters with seals.', '{name} is waiting for news from the king\'s court, and it is late.'],
  },
  places: ['Ashbury', 'Winchester', 'York', 'the Welsh March', 'Rouen', 'the abbey of Saint Giles', 'Lincoln', 'the Fens'],
};
