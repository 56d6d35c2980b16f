/** Backgrounds of SRD 5.1 (CC-BY-4.0). The SRD carries one, the Acolyte; books in the rules library may add more. */

export interface Background {
  name: string;
  skills: string[];
  feature: { name: string; description: string };
  equipment: { name: string; quantity: number }[];
  languages: number;
}

export const BACKGROUNDS: readonly Background[] = [
  {
    name: 'Acolyte',
    skills: ['insight', 'religion'],
    feature: { name: 'Shelter of the Faithful', description: 'You and your companions receive free healing and care at temples of your faith, and support from its priests.' },
    equipment: [
      { name: 'Holy symbol', quantity: 1 }, { name: 'Prayer book', quantity: 1 }, { name: 'Stick of incense', quantity: 5 }, { name: 'Vestments', quantity: 1 },
      { name: 'Common clothes', quantity: 1 }, { name: 'Gold pieces (belt pouch)', quantity: 15 },
    ],
    languages: 2,
  },
];

export const BACKGROUND_NAMES = BACKGROUNDS.map((b) => b.name);
