import type { AnyTool } from '../registry/define-tool.js';
import { createAccessToken, listMembers, revokeAccessToken } from './access-tools.js';
import { getCampaignHistory, rollbackCampaign } from './campaign-history-tools.js';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign, updateCampaignData } from './campaign-tools.js';
import { addCondition, changeHp, removeCondition, updateCombatant } from './combatant-tools.js';
import { rollDice } from './dice-tools.js';
import { generateNpcTool } from './generator-tools.js';
import {
  addCombatants,
  configureEncounter,
  endCombat,
  moveCombatantTool,
  removeCombatantTool,
  rollInitiativeTool,
  setInitiative,
} from './initiative-tools.js';
import { addSessionNote, endSession, getSession, listSessions, startSession } from './session-tools.js';
import { nextTurnTool, previousTurnTool } from './turn-tools.js';
import { rulesTools } from './rules-tools.js';
import { aiTools } from './ai-tools.js';

/** The catalogue of the hub's tools, in the order clients list them. */
export const coreTools: readonly AnyTool[] = [
  rollDice,
  createCampaign,
  listCampaigns,
  getCampaign,
  updateCampaign,
  updateCampaignData,
  getCampaignHistory,
  rollbackCampaign,
  deleteCampaign,
  createAccessToken,
  listMembers,
  revokeAccessToken,
  startSession,
  endSession,
  getSession,
  listSessions,
  addSessionNote,
  addCombatants,
  setInitiative,
  rollInitiativeTool,
  moveCombatantTool,
  removeCombatantTool,
  nextTurnTool,
  previousTurnTool,
  changeHp,
  addCondition,
  removeCondition,
  updateCombatant,
  configureEncounter,
  endCombat,
  generateNpcTool,
  ...rulesTools,
  ...aiTools,
];
