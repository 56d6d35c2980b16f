/**
 * A built-in list of SRD 5.1 monsters (CC-BY-4.0): name, challenge, average hit points, Armor Class,
 * Dexterity score (for initiative), type and the environments where a GM would place them.
 */

export interface MonsterEntry {
  name: string;
  challenge: string;
  hp: number;
  ac: number;
  dex: number;
  type: string;
  environments: string[];
  /** Where the entry comes from: the built-in SRD list or a book in the rules library. */
  source: string;
}

export const Environments = ['arctic', 'coastal', 'desert', 'dungeon', 'forest', 'grassland', 'hill', 'mountain', 'swamp', 'underdark', 'underwater', 'urban'] as const;

type Row = [name: string, cr: string, hp: number, ac: number, dex: number, type: string, environments: string];
const ROWS: Row[] = [
  ['Commoner', '0', 4, 10, 10, 'humanoid', 'urban grassland hill'], ['Rat', '0', 1, 10, 11, 'beast', 'urban dungeon'], ['Bat', '0', 1, 12, 15, 'beast', 'forest underdark dungeon'],
  ['Jackal', '0', 3, 12, 15, 'beast', 'desert grassland'], ['Shrieker', '0', 13, 5, 1, 'plant', 'underdark dungeon'], ['Lemure', '0', 13, 7, 5, 'fiend', 'dungeon'],
  ['Homunculus', '0', 5, 13, 15, 'construct', 'dungeon urban'], ['Crab', '0', 2, 11, 11, 'beast', 'coastal'], ['Hawk', '0', 1, 13, 16, 'beast', 'mountain grassland'],
  ['Bandit', '1/8', 11, 12, 12, 'humanoid', 'urban grassland forest hill coastal desert'], ['Cultist', '1/8', 9, 12, 12, 'humanoid', 'urban dungeon'],
  ['Guard', '1/8', 11, 16, 12, 'humanoid', 'urban'], ['Kobold', '1/8', 5, 12, 15, 'humanoid', 'dungeon underdark forest hill mountain'],
  ['Giant Rat', '1/8', 7, 12, 15, 'beast', 'urban dungeon swamp'], ['Stirge', '1/8', 2, 14, 16, 'beast', 'forest swamp underdark dungeon'],
  ['Tribal Warrior', '1/8', 11, 12, 11, 'humanoid', 'arctic desert forest grassland hill'], ['Mastiff', '1/8', 5, 12, 14, 'beast', 'urban hill'],
  ['Merfolk', '1/8', 11, 11, 13, 'humanoid', 'coastal underwater'], ['Flying Snake', '1/8', 5, 14, 18, 'beast', 'desert forest swamp'],
  ['Poisonous Snake', '1/8', 2, 13, 16, 'beast', 'desert grassland swamp'],
  ['Goblin', '1/4', 7, 15, 14, 'humanoid', 'forest grassland hill underdark dungeon'], ['Skeleton', '1/4', 13, 13, 14, 'undead', 'dungeon urban'],
  ['Zombie', '1/4', 22, 8, 6, 'undead', 'dungeon urban swamp'], ['Wolf', '1/4', 11, 13, 15, 'beast', 'forest grassland hill arctic'],
  ['Acolyte', '1/4', 9, 10, 10, 'humanoid', 'urban'], ['Giant Wolf Spider', '1/4', 11, 13, 16, 'beast', 'desert forest grassland hill'],
  ['Panther', '1/4', 13, 12, 15, 'beast', 'forest grassland'], ['Pseudodragon', '1/4', 7, 13, 15, 'dragon', 'forest hill'],
  ['Sprite', '1/4', 2, 15, 18, 'fey', 'forest'], ['Steam Mephit', '1/4', 21, 10, 11, 'elemental', 'underdark dungeon'],
  ['Drow', '1/4', 13, 15, 14, 'humanoid', 'underdark'], ['Giant Frog', '1/4', 18, 11, 13, 'beast', 'swamp forest'], ['Boar', '1/4', 11, 11, 11, 'beast', 'forest grassland hill'],
  ['Blink Dog', '1/4', 22, 13, 17, 'fey', 'forest'], ['Axe Beak', '1/4', 19, 11, 12, 'beast', 'grassland hill'], ['Flying Sword', '1/4', 17, 17, 15, 'construct', 'dungeon'],
  ['Dretch', '1/4', 18, 11, 11, 'fiend', 'dungeon'], ['Giant Poisonous Snake', '1/4', 11, 14, 18, 'beast', 'desert swamp underdark'],
  ['Hobgoblin', '1/2', 11, 18, 12, 'humanoid', 'forest grassland hill underdark'], ['Orc', '1/2', 15, 13, 12, 'humanoid', 'arctic forest grassland hill mountain underdark'],
  ['Gnoll', '1/2', 22, 15, 12, 'humanoid', 'desert forest grassland hill'], ['Black Bear', '1/2', 19, 11, 10, 'beast', 'forest'], ['Scout', '1/2', 16, 13, 14, 'humanoid', 'forest grassland hill'],
  ['Thug', '1/2', 32, 11, 11, 'humanoid', 'urban'], ['Shadow', '1/2', 16, 12, 14, 'undead', 'dungeon underdark urban'], ['Sahuagin', '1/2', 22, 12, 11, 'humanoid', 'coastal underwater'],
  ['Lizardfolk', '1/2', 22, 15, 10, 'humanoid', 'swamp'], ['Worg', '1/2', 26, 13, 13, 'monstrosity', 'forest grassland hill'], ['Satyr', '1/2', 31, 14, 16, 'fey', 'forest'],
  ['Cockatrice', '1/2', 27, 11, 12, 'monstrosity', 'grassland'], ['Gray Ooze', '1/2', 22, 8, 6, 'ooze', 'underdark dungeon swamp'], ['Crocodile', '1/2', 19, 12, 10, 'beast', 'swamp'],
  ['Rust Monster', '1/2', 27, 14, 12, 'monstrosity', 'underdark dungeon'], ['Magmin', '1/2', 9, 14, 15, 'elemental', 'underdark mountain'], ['Ice Mephit', '1/2', 21, 11, 13, 'elemental', 'arctic'],
  ['Dust Mephit', '1/2', 17, 12, 14, 'elemental', 'desert'], ['Giant Wasp', '1/2', 13, 12, 14, 'beast', 'forest grassland'], ['Reef Shark', '1/2', 22, 12, 13, 'beast', 'underwater coastal'],
  ['Ape', '1/2', 19, 12, 14, 'beast', 'forest'], ['Giant Goat', '1/2', 19, 11, 11, 'beast', 'hill mountain'],
  ['Bugbear', '1', 27, 16, 14, 'humanoid', 'forest grassland underdark dungeon'], ['Dire Wolf', '1', 37, 14, 15, 'beast', 'forest hill'], ['Ghoul', '1', 22, 12, 15, 'undead', 'dungeon swamp underdark urban'],
  ['Giant Spider', '1', 26, 14, 16, 'beast', 'forest underdark dungeon'], ['Brown Bear', '1', 34, 11, 10, 'beast', 'arctic forest hill'], ['Harpy', '1', 38, 11, 13, 'monstrosity', 'coastal mountain hill'],
  ['Animated Armor', '1', 33, 18, 11, 'construct', 'dungeon'], ['Dryad', '1', 22, 11, 12, 'fey', 'forest'], ['Imp', '1', 10, 13, 17, 'fiend', 'dungeon urban'], ['Quasit', '1', 7, 13, 17, 'fiend', 'dungeon'],
  ['Lion', '1', 26, 12, 15, 'beast', 'grassland desert hill'], ['Tiger', '1', 37, 12, 15, 'beast', 'forest grassland'], ['Giant Eagle', '1', 26, 13, 17, 'beast', 'mountain hill coastal'],
  ['Death Dog', '1', 39, 12, 14, 'monstrosity', 'desert'], ['Specter', '1', 22, 12, 14, 'undead', 'dungeon underdark urban'], ['Giant Hyena', '1', 45, 12, 14, 'beast', 'desert grassland'],
  ['Spy', '1', 27, 12, 15, 'humanoid', 'urban'], ['Hippogriff', '1', 19, 11, 13, 'monstrosity', 'grassland hill mountain'], ['Giant Toad', '1', 39, 11, 13, 'beast', 'swamp coastal desert'],
  ['Duergar', '1', 26, 16, 9, 'humanoid', 'underdark'], ['Giant Octopus', '1', 52, 11, 13, 'beast', 'underwater coastal'], ['Scarecrow', '1', 36, 11, 13, 'construct', 'grassland'],
  ['Ogre', '2', 59, 11, 8, 'giant', 'forest grassland hill mountain swamp arctic'], ['Ghast', '2', 36, 13, 17, 'undead', 'dungeon swamp underdark urban'], ['Gargoyle', '2', 52, 15, 11, 'elemental', 'dungeon mountain urban'],
  ['Gibbering Mouther', '2', 67, 9, 8, 'aberration', 'underdark dungeon'], ['Ankheg', '2', 39, 14, 11, 'monstrosity', 'forest grassland'], ['Berserker', '2', 67, 13, 12, 'humanoid', 'arctic forest grassland hill'],
  ['Priest', '2', 27, 13, 10, 'humanoid', 'urban'], ['Druid', '2', 27, 11, 12, 'humanoid', 'forest swamp'], ['Griffon', '2', 59, 12, 15, 'monstrosity', 'grassland hill mountain'],
  ['Centaur', '2', 45, 12, 14, 'monstrosity', 'forest grassland'], ['Ochre Jelly', '2', 45, 8, 6, 'ooze', 'underdark dungeon'], ['Polar Bear', '2', 42, 12, 10, 'beast', 'arctic'],
  ['Rhinoceros', '2', 45, 11, 8, 'beast', 'grassland'], ['Sea Hag', '2', 52, 14, 13, 'fey', 'coastal underwater'], ["Will-o'-Wisp", '2', 22, 19, 28, 'undead', 'forest swamp'],
  ['Wererat', '2', 33, 12, 15, 'humanoid', 'urban'], ['Giant Boar', '2', 42, 12, 10, 'beast', 'forest grassland hill'], ['Giant Constrictor Snake', '2', 60, 12, 14, 'beast', 'forest swamp underdark'],
  ['Saber-Toothed Tiger', '2', 52, 12, 14, 'beast', 'arctic mountain'], ['Mimic', '2', 58, 12, 12, 'monstrosity', 'dungeon urban'], ['Pegasus', '2', 59, 12, 15, 'celestial', 'grassland hill mountain'],
  ['Hunter Shark', '2', 45, 12, 13, 'beast', 'underwater'], ['Allosaurus', '2', 51, 13, 13, 'beast', 'grassland'], ['Ettercap', '2', 44, 13, 15, 'monstrosity', 'forest'],
  ['Gelatinous Cube', '2', 84, 6, 3, 'ooze', 'dungeon underdark'], ['Bandit Captain', '2', 65, 15, 16, 'humanoid', 'urban coastal forest hill'], ['Cult Fanatic', '2', 33, 13, 14, 'humanoid', 'urban dungeon'],
  ['Merrow', '2', 45, 13, 10, 'monstrosity', 'coastal underwater'], ['Awakened Tree', '2', 59, 13, 6, 'plant', 'forest'], ['Ogre Zombie', '2', 85, 8, 6, 'undead', 'dungeon swamp'],
  ['Owlbear', '3', 59, 13, 12, 'monstrosity', 'forest'], ['Basilisk', '3', 52, 15, 8, 'monstrosity', 'mountain underdark dungeon'], ['Doppelganger', '3', 52, 14, 18, 'monstrosity', 'urban underdark'],
  ['Hell Hound', '3', 45, 15, 12, 'fiend', 'dungeon mountain'], ['Manticore', '3', 68, 14, 16, 'monstrosity', 'coastal hill mountain grassland'], ['Minotaur', '3', 76, 14, 11, 'monstrosity', 'dungeon underdark'],
  ['Mummy', '3', 58, 11, 8, 'undead', 'desert dungeon'], ['Nightmare', '3', 68, 13, 15, 'fiend', 'dungeon'], ['Phase Spider', '3', 32, 13, 15, 'monstrosity', 'forest underdark dungeon'],
  ['Veteran', '3', 58, 17, 13, 'humanoid', 'urban grassland hill'], ['Werewolf', '3', 58, 12, 13, 'humanoid', 'forest hill'], ['Wight', '3', 45, 14, 14, 'undead', 'dungeon swamp underdark urban'],
  ['Winter Wolf', '3', 75, 13, 13, 'monstrosity', 'arctic'], ['Yeti', '3', 51, 12, 12, 'monstrosity', 'arctic mountain'], ['Knight', '3', 52, 18, 11, 'humanoid', 'urban grassland'],
  ['Green Hag', '3', 82, 17, 12, 'fey', 'forest swamp'], ['Giant Scorpion', '3', 52, 15, 13, 'beast', 'desert'], ['Killer Whale', '3', 90, 12, 10, 'beast', 'underwater'],
  ['Ankylosaurus', '3', 68, 15, 11, 'beast', 'grassland'], ['Blue Dragon Wyrmling', '3', 52, 17, 10, 'dragon', 'desert coastal'],
  ['Ettin', '4', 85, 12, 8, 'giant', 'hill mountain underdark'], ['Ghost', '4', 45, 11, 13, 'undead', 'dungeon urban'], ['Lamia', '4', 97, 13, 13, 'monstrosity', 'desert'],
  ['Succubus', '4', 66, 15, 17, 'fiend', 'urban'], ['Black Pudding', '4', 85, 7, 5, 'ooze', 'underdark dungeon'], ['Chuul', '4', 93, 16, 10, 'aberration', 'swamp underwater underdark'],
  ['Couatl', '4', 97, 19, 20, 'celestial', 'desert grassland forest'], ['Red Dragon Wyrmling', '4', 75, 17, 10, 'dragon', 'hill mountain'], ['Wereboar', '4', 78, 10, 10, 'humanoid', 'forest grassland hill'],
  ['Weretiger', '4', 120, 12, 15, 'humanoid', 'forest grassland'], ['Elephant', '4', 76, 12, 9, 'beast', 'grassland'], ['Banshee', '4', 58, 12, 14, 'undead', 'forest'],
  ['Troll', '5', 84, 15, 13, 'giant', 'arctic forest hill mountain swamp underdark'], ['Hill Giant', '5', 105, 13, 8, 'giant', 'hill grassland forest'], ['Air Elemental', '5', 90, 15, 20, 'elemental', 'desert mountain'],
  ['Earth Elemental', '5', 126, 17, 8, 'elemental', 'mountain underdark'], ['Fire Elemental', '5', 102, 13, 17, 'elemental', 'desert'], ['Water Elemental', '5', 114, 14, 14, 'elemental', 'coastal underwater swamp'],
  ['Wraith', '5', 67, 13, 16, 'undead', 'dungeon underdark urban'], ['Vampire Spawn', '5', 82, 15, 16, 'undead', 'urban dungeon'], ['Gorgon', '5', 114, 19, 11, 'monstrosity', 'grassland hill'],
  ['Night Hag', '5', 112, 17, 15, 'fiend', 'forest swamp'], ['Otyugh', '5', 114, 14, 11, 'aberration', 'dungeon underdark urban swamp'], ['Roper', '5', 93, 20, 8, 'monstrosity', 'underdark'],
  ['Salamander', '5', 90, 15, 14, 'elemental', 'dungeon'], ['Shambling Mound', '5', 136, 15, 8, 'plant', 'forest swamp'], ['Unicorn', '5', 67, 12, 14, 'celestial', 'forest'],
  ['Bulette', '5', 94, 17, 11, 'monstrosity', 'grassland hill mountain'], ['Flesh Golem', '5', 93, 9, 9, 'construct', 'dungeon'], ['Gladiator', '5', 112, 16, 15, 'humanoid', 'urban'],
  ['Xorn', '5', 73, 19, 10, 'elemental', 'underdark'], ['Barbed Devil', '5', 110, 15, 17, 'fiend', 'dungeon'], ['Triceratops', '5', 95, 13, 9, 'beast', 'grassland'],
  ['Werebear', '5', 135, 10, 10, 'humanoid', 'arctic forest hill'], ['Giant Crocodile', '5', 85, 14, 9, 'beast', 'swamp'],
  ['Chimera', '6', 114, 14, 11, 'monstrosity', 'grassland hill mountain'], ['Drider', '6', 123, 19, 16, 'monstrosity', 'underdark'], ['Medusa', '6', 127, 15, 15, 'monstrosity', 'desert mountain dungeon'],
  ['Wyvern', '6', 110, 13, 10, 'dragon', 'hill mountain'], ['Mage', '6', 40, 12, 14, 'humanoid', 'urban dungeon'], ['Invisible Stalker', '6', 104, 14, 19, 'elemental', 'urban'],
  ['Mammoth', '6', 126, 13, 9, 'beast', 'arctic'], ['Vrock', '6', 104, 15, 15, 'fiend', 'dungeon'], ['Young White Dragon', '6', 133, 17, 10, 'dragon', 'arctic'], ['Young Brass Dragon', '6', 110, 17, 10, 'dragon', 'desert'],
  ['Stone Giant', '7', 126, 17, 15, 'giant', 'hill mountain underdark'], ['Oni', '7', 110, 16, 11, 'giant', 'forest urban'], ['Young Black Dragon', '7', 127, 18, 14, 'dragon', 'swamp'],
  ['Young Copper Dragon', '7', 119, 18, 12, 'dragon', 'hill'], ['Giant Ape', '7', 157, 12, 14, 'beast', 'forest'], ['Shield Guardian', '7', 142, 17, 8, 'construct', 'dungeon'],
  ['Frost Giant', '8', 138, 15, 9, 'giant', 'arctic mountain'], ['Hydra', '8', 172, 15, 12, 'monstrosity', 'swamp coastal'], ['Young Green Dragon', '8', 136, 18, 12, 'dragon', 'forest'],
  ['Assassin', '8', 78, 15, 16, 'humanoid', 'urban'], ['Chain Devil', '8', 85, 16, 15, 'fiend', 'dungeon'], ['Hezrou', '8', 136, 16, 17, 'fiend', 'dungeon'],
  ['Spirit Naga', '8', 75, 15, 17, 'monstrosity', 'underdark dungeon'], ['Young Bronze Dragon', '8', 142, 18, 10, 'dragon', 'coastal'], ['Tyrannosaurus Rex', '8', 136, 13, 10, 'beast', 'grassland'],
  ['Fire Giant', '9', 162, 18, 9, 'giant', 'mountain underdark'], ['Cloud Giant', '9', 200, 14, 10, 'giant', 'mountain'], ['Bone Devil', '9', 142, 19, 16, 'fiend', 'dungeon'],
  ['Clay Golem', '9', 133, 14, 9, 'construct', 'dungeon'], ['Glabrezu', '9', 157, 17, 15, 'fiend', 'dungeon'], ['Treant', '9', 138, 16, 8, 'plant', 'forest'],
  ['Young Blue Dragon', '9', 152, 18, 10, 'dragon', 'desert coastal'], ['Young Silver Dragon', '9', 168, 18, 10, 'dragon', 'mountain urban'],
  ['Young Red Dragon', '10', 178, 18, 10, 'dragon', 'hill mountain'], ['Stone Golem', '10', 178, 17, 9, 'construct', 'dungeon'], ['Deva', '10', 136, 17, 18, 'celestial', 'mountain'],
  ['Aboleth', '10', 135, 17, 9, 'aberration', 'underdark underwater'], ['Guardian Naga', '10', 127, 18, 18, 'monstrosity', 'dungeon forest'], ['Young Gold Dragon', '10', 178, 18, 14, 'dragon', 'forest grassland'],
  ['Behir', '11', 168, 17, 16, 'monstrosity', 'underdark mountain'], ['Djinni', '11', 161, 17, 15, 'elemental', 'desert'], ['Efreeti', '11', 200, 17, 12, 'elemental', 'desert'],
  ['Horned Devil', '11', 178, 18, 17, 'fiend', 'dungeon'], ['Remorhaz', '11', 195, 17, 13, 'monstrosity', 'arctic'], ['Roc', '11', 248, 15, 10, 'monstrosity', 'mountain coastal arctic'],
  ['Archmage', '12', 99, 12, 14, 'humanoid', 'urban dungeon'], ['Erinyes', '12', 153, 18, 16, 'fiend', 'dungeon'],
  ['Adult White Dragon', '13', 200, 18, 10, 'dragon', 'arctic'], ['Nalfeshnee', '13', 184, 18, 10, 'fiend', 'dungeon'], ['Rakshasa', '13', 110, 16, 17, 'fiend', 'urban'],
  ['Storm Giant', '13', 230, 16, 14, 'giant', 'coastal mountain underwater'], ['Vampire', '13', 144, 16, 18, 'undead', 'urban dungeon'], ['Adult Brass Dragon', '13', 172, 18, 10, 'dragon', 'desert'],
  ['Adult Black Dragon', '14', 195, 19, 14, 'dragon', 'swamp'], ['Adult Copper Dragon', '14', 184, 18, 12, 'dragon', 'hill'], ['Ice Devil', '14', 180, 18, 14, 'fiend', 'arctic dungeon'],
  ['Adult Bronze Dragon', '15', 212, 19, 10, 'dragon', 'coastal'], ['Adult Green Dragon', '15', 207, 19, 12, 'dragon', 'forest'], ['Mummy Lord', '15', 97, 17, 10, 'undead', 'desert dungeon'],
  ['Purple Worm', '15', 247, 18, 7, 'monstrosity', 'desert underdark'],
  ['Adult Blue Dragon', '16', 225, 19, 10, 'dragon', 'desert coastal'], ['Adult Silver Dragon', '16', 243, 19, 10, 'dragon', 'mountain urban'], ['Iron Golem', '16', 210, 20, 9, 'construct', 'dungeon'],
  ['Marilith', '16', 189, 18, 20, 'fiend', 'dungeon'], ['Planetar', '16', 200, 19, 20, 'celestial', 'mountain'],
  ['Adult Gold Dragon', '17', 256, 19, 14, 'dragon', 'forest grassland'], ['Adult Red Dragon', '17', 256, 19, 10, 'dragon', 'hill mountain'], ['Dragon Turtle', '17', 341, 20, 10, 'dragon', 'coastal underwater'],
  ['Androsphinx', '17', 199, 17, 10, 'monstrosity', 'desert'], ['Balor', '19', 262, 19, 14, 'fiend', 'dungeon'],
  ['Ancient Brass Dragon', '20', 297, 20, 10, 'dragon', 'desert'], ['Ancient White Dragon', '20', 333, 20, 10, 'dragon', 'arctic'], ['Pit Fiend', '20', 300, 19, 14, 'fiend', 'dungeon'],
  ['Ancient Black Dragon', '21', 367, 22, 14, 'dragon', 'swamp'], ['Ancient Copper Dragon', '21', 350, 21, 12, 'dragon', 'hill'], ['Lich', '21', 135, 17, 16, 'undead', 'dungeon'],
  ['Solar', '21', 243, 21, 22, 'celestial', 'mountain'], ['Ancient Bronze Dragon', '22', 444, 22, 10, 'dragon', 'coastal'], ['Ancient Green Dragon', '22', 385, 21, 12, 'dragon', 'forest'],
  ['Ancient Blue Dragon', '23', 481, 22, 10, 'dragon', 'desert coastal'], ['Ancient Silver Dragon', '23', 487, 22, 10, 'dragon', 'mountain urban'], ['Kraken', '23', 472, 18, 11, 'monstrosity', 'underwater'],
  ['Ancient Gold Dragon', '24', 546, 22, 14, 'dragon', 'forest grassland'], ['Ancient Red Dragon', '24', 546, 22, 10, 'dragon', 'hill mountain'], ['Tarrasque', '30', 676, 25, 11, 'monstrosity', 'urban grassland'],
];

export const SRD_MONSTERS: readonly MonsterEntry[] = ROWS.map(([name, challenge, hp, ac, dex, type, environments]) => ({
  name, challenge, hp, ac, dex, type, environments: environments.split(' '), source: 'SRD 5.1 (built-in list)',
}));
