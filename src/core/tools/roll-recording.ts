import type { Actor } from '../access/actor.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import type { CoreDeps } from '../core-deps.js';
import type { DiceRoll } from '../dice/dice-schemas.js';
import { ok, type Result } from '../result.js';

/**
 * Logs rolls in the session (the given one, else the campaign's active one), which publishes
 * `dice.rolled`; with no session running, publishes the event alone so the table still sees it.
 * Every roll of the hub goes this one way, so Discord, overlays and Foundry show them all alike.
 * `campaign` is the record the caller already holds (the tool call's scope), if any: not read again.
 */
export async function recordRolls(
  deps: CoreDeps,
  where: { campaignId: string | null; sessionId: string | null; campaign?: Campaign | undefined },
  rolls: DiceRoll[],
  secret: boolean,
  actor: Actor,
): Promise<Result<{ sessionId: string | null }>> {
  const { campaignId } = where;
  if (where.sessionId) {
    const logged = await deps.sessions.logRolls(where.sessionId, rolls, secret, actor);
    return logged.ok ? ok({ sessionId: where.sessionId }) : logged;
  }
  if (!campaignId) return ok({ sessionId: null });
  const campaign = where.campaign?.id === campaignId ? ok(where.campaign) : await deps.campaigns.get(campaignId);
  if (campaign.ok) {
    const logged = await deps.sessions.logRollsInActive(campaign.value, rolls, secret, actor);
    if (!logged.ok) return logged;
    if (logged.value) return ok({ sessionId: logged.value.id });
  }
  await deps.events.publish({
    type: 'dice.rolled',
    id: deps.random.id(),
    at: deps.clock.now().toISOString(),
    campaignId,
    sessionId: null,
    actor: { id: actor.id, name: actor.name },
    version: null,
    secret,
    rolls,
  });
  return ok({ sessionId: null });
}
