import { z } from 'zod';
import type { CoreDeps } from '../core-deps.js';
import { fail, ok, type Result } from '../result.js';
import { IdSchema } from '../sessions/session-schemas.js';

/** Input fields shared by many tools, described once. */
export const campaignIdField = IdSchema.describe('Campaign id (from list_campaigns). Campaign tokens may leave it out.');
export const sessionIdField = IdSchema.describe('Session id (from start_session or get_campaign)');
export const combatantIdField = IdSchema.describe('Combatant id (from get_session or add_combatants)');
export const expectedVersionField = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('Fail with CONFLICT instead of overwriting if the campaign is no longer at this version');

/** The given session, or else the campaign's active one, or a STATE failure saying how to start one. */
export async function resolveSessionId(deps: CoreDeps, sessionId: string | undefined, campaignId: string): Promise<Result<string>> {
  if (sessionId) return ok(sessionId);
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign.ok) return campaign;
  const active = await deps.sessions.activeRecord(campaign.value);
  return active ? ok(active.id) : fail('STATE', 'No session is active in this campaign: start one with start_session', { field: 'sessionId' });
}
