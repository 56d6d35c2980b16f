import type { Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import type { DiceRoll } from '../dice/dice-schemas.js';
import { ok, type Result } from '../result.js';

/**
 * Logs rolls in the session (the given one, else the campaign's active one), which publishes
 * `dice.rolled`; with no session running, publishes the event alone so the table still sees it.
 * Every roll of the hub goes this one way, so Discord, overlays and Foundry show them all alike.
 */
export async function recordRolls(
  deps: CoreDeps,
  where: { campaignId: string | null; sessionId: string | null },
  rolls: DiceRoll[],
  secret: boolean,
  actor: Actor,
): Promise<Result<{ sessionId: string | null }>> {
  const { campaignId } = where;
  let sessionId = where.sessionId;
  if (campaignId && !sessionId) {
    const campaign = await deps.campaigns.get(campaignId);
    sessionId = campaign.ok ? ((await deps.sessions.activeRecord(campaign.value))?.id ?? null) : null;
  }
  if (sessionId) {
    const logged = await deps.sessions.logRolls(sessionId, rolls, secret, actor);
    if (!logged.ok) return logged;
  } else if (campaignId) {
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
  }
  return ok({ sessionId });
}
