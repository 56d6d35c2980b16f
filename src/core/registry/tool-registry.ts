import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { roleIn, roleRank, type Actor } from '../access/actor.js';
import type { CoreDeps } from '../core-deps.js';
import { fail, ok, type HubError, type Result } from '../result.js';
import type { AnyTool, Progress } from './define-tool.js';
import type { GmStreamChunk } from '../game-master/gm-stream.js';

export interface CallOptions {
  actor: Actor;
  signal?: AbortSignal;
  progress?: (p: Progress) => void;
  /** Receives the AI game master's stream chunks (only ask_game_master sends any). */
  stream?: (chunk: GmStreamChunk) => void;
}

/** A tool call's outcome plus its text rendering, ready for any transport. */
export type ToolCallResult = (
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: HubError }
) & { text: string };

export interface ToolRegistry {
  /** Every tool, in catalogue order. */
  list(): readonly AnyTool[];
  get(name: string): AnyTool | undefined;
  /** Validates input, checks the caller's role, runs the tool and validates its output. Never throws. */
  call(name: string, input: unknown, options: CallOptions): Promise<ToolCallResult>;
}

export function createRegistry(tools: readonly AnyTool[], deps: CoreDeps): ToolRegistry {
  const byName = new Map<string, AnyTool>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new Error(`Tool "${tool.name}" is defined twice`);
    byName.set(tool.name, tool);
  }

  async function call(name: string, raw: unknown, options: CallOptions): Promise<ToolCallResult> {
    const tool = byName.get(name);
    if (!tool) return withText(fail('UNKNOWN_TOOL', `There is no tool "${name}": expected one of ${[...byName.keys()].join(', ')}`));
    const parsed = tool.input.safeParse(withTokenCampaign(tool, raw ?? {}, options.actor));
    if (!parsed.success) return withText(validationFailure(parsed.error));
    const input = parsed.data as Record<string, unknown>;

    const scope = await resolveCampaign(tool, input, options.actor, deps);
    if (!scope.ok) return withText(scope);
    const campaignId = scope.value;
    const role = roleIn(options.actor, campaignId);
    const allowed = tool.access === 'owner' ? options.actor.kind === 'owner' : role !== null && roleRank(role) >= roleRank(tool.access);
    if (!allowed || role === null) {
      const needs = tool.access === 'owner' ? 'the hub owner token' : `the ${tool.access} role${campaignId ? ` in campaign ${campaignId}` : ''}`;
      const has = role ? `your token has the ${role} role` : 'your token is not part of this campaign';
      return withText(fail('FORBIDDEN', `${tool.name} needs ${needs}; ${has}`));
    }

    const correlationId = randomUUID();
    try {
      const result = await tool.run(input, {
        actor: options.actor,
        role,
        campaignId,
        deps,
        signal: options.signal ?? new AbortController().signal,
        progress: options.progress ?? (() => {}),
        stream: options.stream ?? (() => {}),
      });
      if (!result.ok) return withText(result);
      const checked = tool.output.safeParse(result.value);
      if (!checked.success) throw new Error(`${tool.name} returned output that does not match its schema: ${checked.error.message}`);
      return { ok: true, value: checked.data as Record<string, unknown>, text: tool.format?.(checked.data) ?? JSON.stringify(checked.data, null, 2) };
    } catch (error) {
      deps.logger.error({ err: error, tool: tool.name, correlationId }, 'tool failed');
      return withText(fail('INTERNAL', `Internal error in ${tool.name} (correlation id ${correlationId}); the hub log has the details`));
    }
  }

  return { list: () => [...byName.values()], get: (name) => byName.get(name), call };
}

async function resolveCampaign(tool: AnyTool, input: Record<string, unknown>, actor: Actor, deps: CoreDeps): Promise<Result<string | null>> {
  if (tool.campaign === 'none') return ok(null);
  if (typeof input.campaignId === 'string') {
    const campaign = await deps.campaigns.get(input.campaignId);
    if (!campaign.ok) return campaign;
    // Tools act on input.sessionId, so it must lie in the campaign the role was checked for.
    if (typeof input.sessionId === 'string') {
      const session = await deps.sessions.getRecord(input.sessionId);
      if (!session.ok) return session;
      if (session.value.campaignId !== campaign.value.id) {
        return fail('VALIDATION', `Session "${input.sessionId}" belongs to another campaign, not ${campaign.value.id}: leave campaignId out or give the session's own campaign`, {
          field: 'sessionId',
        });
      }
    }
    return ok(campaign.value.id);
  }
  if (typeof input.sessionId === 'string') {
    const session = await deps.sessions.getRecord(input.sessionId);
    return session.ok ? ok(session.value.campaignId) : session;
  }
  if (actor.kind === 'member') return ok(actor.campaignId);
  if (tool.campaign === 'required') return fail('VALIDATION', `campaignId is required: expected the id of a campaign (see list_campaigns)`, { field: 'campaignId' });
  return ok(null);
}

/** A token scoped to one campaign may leave campaignId out: it can only mean the token's campaign. */
function withTokenCampaign(tool: AnyTool, raw: unknown, actor: Actor): unknown {
  if (actor.kind !== 'member' || !('campaignId' in tool.input.shape) || typeof raw !== 'object' || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  if (input.campaignId !== undefined || input.sessionId !== undefined) return raw;
  return { ...input, campaignId: actor.campaignId };
}

function validationFailure(error: z.ZodError): Result<never> {
  const issues = error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  const field = error.issues[0]?.path.join('.') || undefined;
  return fail('VALIDATION', `Invalid input: ${issues.join('; ')}`, field ? { field } : {});
}

function withText(result: Result<never>): ToolCallResult {
  if (result.ok) throw new Error('unreachable');
  return { ...result, text: `${result.error.code}: ${result.error.message}` };
}
