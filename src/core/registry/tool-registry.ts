import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { roleIn, roleRank, type Actor, type Role } from '../access/actor.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import type { CoreDeps } from '../core-deps.js';
import { fail, ok, type HubError, type Result } from '../result.js';
import type { AnyTool, Progress } from './define-tool.js';
import type { GmStreamChunk } from '../game-master/gm-stream.js';
import { MAX_INPUT_DEPTH, tooDeep } from './input-depth.js';

export interface CallOptions {
  actor: Actor;
  signal?: AbortSignal;
  progress?: (p: Progress) => void;
  /** Receives the AI game master's stream chunks (only ask_game_master sends any). */
  stream?: (chunk: GmStreamChunk) => void;
  /** Set by the AI game master on the tool calls its model makes (for the person who asked). */
  byGameMaster?: boolean;
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
  /** The tools this caller's role may call (in some campaign): what tools/list and /api/tools show it. */
  listFor(actor: Actor): readonly AnyTool[];
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
    const deep = tooDeep(raw);
    if (deep) {
      const at = deep.split('.').slice(0, 3).join('.');
      return withText(fail('VALIDATION', `Invalid input: ${at}: nested more than ${MAX_INPUT_DEPTH} levels deep; expected a flatter value`, { field: at }));
    }
    // Who can never call this tool is refused before the input is read, so a refusal does not depend
    // on how well-formed the input is (nor tell anything about the schema's rules).
    const refused = refusedBeforeInput(tool, raw, options.actor);
    if (refused) return withText(refused);
    const parsed = tool.input.safeParse(withTokenCampaign(tool, raw ?? {}, options.actor));
    if (!parsed.success) return withText(validationFailure(parsed.error));
    const input = parsed.data as Record<string, unknown>;

    const scope = await resolveCampaign(tool, input, options.actor, deps);
    if (!scope.ok) return withText(scope);
    const { campaignId, campaign } = scope.value;
    const role = roleIn(options.actor, campaignId);
    const allowed = tool.access === 'owner' ? options.actor.kind === 'owner' : role !== null && roleRank(role) >= roleRank(tool.access);
    if (!allowed || role === null) {
      // The campaign is named only when the caller named it: a foreign sessionId must not reveal its campaign.
      const named = campaignId !== null && input.campaignId === campaignId;
      const needs = tool.access === 'owner' ? 'the hub owner token' : `the ${tool.access} role${named ? ` in campaign ${campaignId}` : campaignId ? ' in that session\'s campaign' : ''}`;
      const has = role ? `your token has the ${role} role` : 'your token is not part of this campaign';
      return withText(fail('FORBIDDEN', `${tool.name} needs ${needs}; ${has}`));
    }

    const correlationId = randomUUID();
    // Most calls come without a signal and most tools never look at it: one is made only when read.
    let signal = options.signal;
    try {
      const result = await tool.run(input, {
        actor: options.actor,
        role,
        campaignId,
        ...(campaign ? { campaign } : {}),
        deps,
        get signal() {
          return (signal ??= new AbortController().signal);
        },
        progress: options.progress ?? (() => {}),
        stream: options.stream ?? (() => {}),
        byGameMaster: options.byGameMaster === true,
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

  const listFor = (actor: Actor) => [...byName.values()].filter((t) => mayEverCall(t, actor));
  return { list: () => [...byName.values()], get: (name) => byName.get(name), listFor, call };
}

/** Whether the caller's role could pass this tool's access check anywhere (a member acts in its own campaign only). */
export function mayEverCall(tool: AnyTool, actor: Actor): boolean {
  if (actor.kind === 'owner') return true;
  if (tool.access === 'owner') return false;
  // A guest has the player role outside any campaign: only tools that need no campaign.
  if (actor.kind === 'guest') return tool.campaign !== 'required' && roleRank('player') >= roleRank(tool.access);
  return roleRank(actor.role) >= roleRank(tool.access);
}

/** The call's campaign id, with its record when it had to be read (the input named it). */
interface Scope {
  campaignId: string | null;
  campaign?: Campaign;
}

async function resolveCampaign(tool: AnyTool, input: Record<string, unknown>, actor: Actor, deps: CoreDeps): Promise<Result<Scope>> {
  if (tool.campaign === 'none') return ok({ campaignId: null });
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
    return ok({ campaignId: campaign.value.id, campaign: campaign.value });
  }
  if (typeof input.sessionId === 'string') {
    const session = await deps.sessions.getRecord(input.sessionId);
    return session.ok ? ok({ campaignId: session.value.campaignId }) : session;
  }
  if (actor.kind === 'member') return ok({ campaignId: actor.campaignId });
  if (tool.campaign === 'required') return fail('VALIDATION', `campaignId is required: expected the id of a campaign (see list_campaigns)`, { field: 'campaignId' });
  return ok({ campaignId: null });
}

/**
 * The role check as far as it can be made without the input: a token's role is fixed, and a token
 * scoped to one campaign has no role in any other. The full check (by the campaign the input names,
 * or the session's) follows once the input is valid.
 */
function refusedBeforeInput(tool: AnyTool, raw: unknown, actor: Actor): Result<never> | null {
  if (actor.kind === 'owner') return null;
  const best: Role = actor.kind === 'member' ? actor.role : 'player';
  if (tool.access === 'owner') return fail('FORBIDDEN', `${tool.name} needs the hub owner token; your token has the ${best} role`);
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const named = typeof input.campaignId === 'string' ? input.campaignId : undefined;
  // Worded as the full check words it, so a refusal reads the same whichever check made it.
  const where =
    tool.campaign === 'none' ? '' : named ? ` in campaign ${named}` : typeof input.sessionId === 'string' ? " in that session's campaign" : actor.kind === 'member' && 'campaignId' in tool.input.shape ? ` in campaign ${actor.campaignId}` : '';
  if (roleRank(best) < roleRank(tool.access)) return fail('FORBIDDEN', `${tool.name} needs the ${tool.access} role${where}; your token has the ${best} role`);
  if (actor.kind === 'member' && named !== undefined && named !== actor.campaignId && tool.campaign !== 'none') {
    return fail('FORBIDDEN', `${tool.name} needs the ${tool.access} role${where}; your token is not part of this campaign`);
  }
  return null;
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
