import { audienceOf, type Role } from '../access/actor.js';
import { DataTypes, tableVisibleData, type Campaign, type CampaignData } from './campaign-schemas.js';

/**
 * A campaign as the caller may see it: the GM sees everything; players and viewers see the
 * campaign's description and the player characters, not NPCs, locations, plot points, quests or members.
 */
export function viewCampaign(c: Campaign, role: Role): Campaign {
  if (audienceOf(role) === 'gm') return c;
  const data = Object.fromEntries(DataTypes.map((t) => [t, tableVisibleData.includes(t) ? c.data[t] : []])) as unknown as CampaignData;
  return { ...c, data, members: [], history: [] };
}
