import { roleIn, type Actor, type Role } from '../access/actor.js';
import { viewSession } from '../events/audience-view.js';
import type { CoreDeps } from '../core-deps.js';
import type { ToolCallResult, ToolRegistry } from '../registry/tool-registry.js';
import { fail, ok, type Result } from '../result.js';
import { fitHistory, outputTokens } from './context-window.js';
import { ConversationStore } from './conversation-store.js';
import type { GmStreamChunk } from './gm-stream.js';
import type { AiLimits, AskOutput, Conversation, ConversationMessage, GmToolCall } from './gm-schemas.js';
import type { LlmGateway } from './llm-gateway.js';
import { LlmFailure, type LlmMessage, type LlmReplay, type LlmToolCall, type LlmToolResult, type LlmToolSpec } from './llm-provider.js';
import { buildSystemPrompt, estimateTokens } from './system-prompt.js';
import { compactSpec, offeredTools, toolSpec } from './tool-catalogue.js';
import { UsageLedger } from './usage-ledger.js';
import { UserKeys } from './user-keys.js';

/** Tools from outside the hub (external MCP servers), offered next to the registry's. */
export interface ExternalTools {
  /** The tools this caller may use (by their role where they ask), named `server__tool`. */
  list(actor: Actor, role: Role): LlmToolSpec[];
  /** Checks the role again: the model may name a tool it was not offered. */
  call(name: string, input: unknown, options: { actor: Actor; role: Role; signal: AbortSignal }): Promise<ToolCallResult>;
}

/** What the game master needs beyond the core: the provider router and the hub's AI settings. */
export interface GameMasterSettings {
  gateway: LlmGateway;
  limits: AiLimits;
  /** Model turns per question; the last one gets no tools, so it must answer. */
  maxToolRounds: number;
  maxOutputTokens: number;
  external?: ExternalTools;
}

export interface AskRequest {
  message: string;
  conversationId?: string | undefined;
  provider?: string | undefined;
  model?: string | undefined;
}

export interface AskOptions {
  actor: Actor;
  /** Resolved by the registry from the input or the caller's token. */
  campaignId: string | null;
  signal: AbortSignal;
  requestId: string;
  emit(chunk: GmStreamChunk): void;
}

const RESULT_CHARS = 8000;

/**
 * The AI game master: a model with the hub's tools. Every tool call goes through the registry as the
 * caller (so a player's chat cannot do what the player cannot), dice come only from roll_dice, and the
 * answer streams as GmStreamChunks while the conversation and the usage are stored.
 */
export class GameMaster {
  readonly conversations: ConversationStore;
  readonly usage: UsageLedger;
  readonly keys: UserKeys;

  constructor(
    private readonly deps: CoreDeps,
    private readonly registry: () => ToolRegistry,
    readonly settings: GameMasterSettings,
  ) {
    this.conversations = new ConversationStore(deps);
    this.usage = new UsageLedger(deps);
    this.keys = new UserKeys(deps);
  }

  /** A generated NPC's backstory: prose without tools (see `complete`). */
  write(prompt: string, actor: Actor, signal: AbortSignal): Promise<string> {
    return this.complete({ system: 'You write short, vivid tabletop RPG prose.', prompt, maxTokens: 1500 }, actor, signal);
  }

  /**
   * One answer without tools from the default provider, under the same spending limits and usage
   * ledger as the chat (backstories, search rewrites). Throws when the caller is over their limits or
   * no provider answers, so callers fall back to what they do without a model.
   */
  async complete(request: { system: string; prompt: string; maxTokens: number }, actor: Actor, signal: AbortSignal): Promise<string> {
    const admitted = await this.usage.admit(actor.id, this.settings.limits);
    if (!admitted.ok) throw new Error(admitted.error.message);
    const gateway = this.settings.gateway;
    const keys = await this.keys.open(actor.id);
    let text = '';
    let route: { provider: string; model: string } | null = null;
    let usage = { inputTokens: 0, outputTokens: 0 };
    try {
      for await (const event of gateway.stream({ keys, system: request.system, tools: [], messages: [{ role: 'user', content: request.prompt }], maxTokens: request.maxTokens, signal })) {
        if (event.type === 'route') route = { provider: event.provider, model: event.model };
        else if (event.type === 'text') text += event.delta;
        else if (event.type === 'usage') usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
      }
    } finally {
      if (route && (usage.inputTokens || usage.outputTokens)) await this.usage.record(actor.id, { ...usage, costUsd: gateway.cost(route.provider, route.model, usage) });
    }
    return text;
  }

  async ask(request: AskRequest, options: AskOptions): Promise<Result<AskOutput>> {
    const { actor, campaignId, signal, requestId, emit } = options;
    const failWith = (r: Result<never>) => {
      if (!r.ok) emit({ type: 'error', requestId, code: r.error.code, message: r.error.message });
      return r;
    };
    const gateway = this.settings.gateway;
    const known = gateway.providers().map((p) => p.id);
    // No provider at all is a setup step, not an outage: say how to add one (409, not 503).
    const userKeys = await this.keys.open(actor.id);
    if (!gateway.providers().some((p) => p.configured || userKeys[p.id])) {
      return failWith(fail('STATE', gateway.setupHint() ?? 'No AI provider is configured: see the AI game master section of the README'));
    }
    if (request.provider !== undefined && !known.includes(request.provider))
      return failWith(fail('VALIDATION', `There is no AI provider "${request.provider}": expected one of ${known.join(', ')} (see list_ai_providers)`, { field: 'provider' }));
    let conversation: Conversation;
    if (request.conversationId) {
      const found = await this.conversations.get(request.conversationId, actor);
      if (!found.ok) return failWith(found);
      if (found.value.campaignId !== campaignId)
        return failWith(fail('VALIDATION', `Conversation ${found.value.id} belongs to ${found.value.campaignId ? `campaign ${found.value.campaignId}` : 'no campaign'}: ask in the same campaign or start a new conversation`, { field: 'conversationId' }));
      conversation = found.value;
    } else conversation = this.conversations.draft(actor, campaignId, request.message);

    const role = roleIn(actor, campaignId) ?? 'viewer';
    const registry = this.registry();
    const tools = offeredTools(registry.list(), actor, role);
    let specs = [...tools.map(toolSpec), ...(this.settings.external?.list(actor, role) ?? [])];
    // A small local model (8k context) cannot afford every tool's full description: keep the titles.
    const window = gateway.contextWindow(...this.#primary(request));
    if (estimateTokens(JSON.stringify(specs)) > window * 0.4) specs = specs.map(compactSpec);
    const system = buildSystemPrompt(await this.#context(actor, role, campaignId));
    const keys = await this.keys.open(actor.id);

    const toolCalls: GmToolCall[] = [];
    const totals = { inputTokens: 0, outputTokens: 0, costUsd: null as number | null };
    let answer = '';
    let route: { provider: string; model: string } | null = null;
    let messages: LlmMessage[] | null = null;
    let failure: Result<never> | null = null;

    for (let round = 0; round < this.settings.maxToolRounds && !failure; round++) {
      const admitted = await this.usage.admit(actor.id, this.settings.limits);
      if (!admitted.ok) {
        failure = admitted;
        break;
      }
      let text = '';
      const calls: LlmToolCall[] = [];
      // The provider's own record of this turn (Anthropic: signed thinking blocks), sent back as it came.
      let replay: LlmReplay | undefined;
      // Usage of the current attempt (a retry or fallback starts a new one): recorded even when the attempt
      // fails, since the provider bills what it reported.
      let usage = { inputTokens: 0, outputTokens: 0 };
      const settle = async () => {
        if (!route || (usage.inputTokens === 0 && usage.outputTokens === 0)) return;
        const cost = gateway.cost(route.provider, route.model, usage);
        totals.inputTokens += usage.inputTokens;
        totals.outputTokens += usage.outputTokens;
        if (cost !== null) totals.costUsd = (totals.costUsd ?? 0) + cost;
        await this.usage.record(actor.id, { ...usage, costUsd: cost });
        usage = { inputTokens: 0, outputTokens: 0 };
      };
      let stop: string = 'end';
      try {
        // Later rounds stay with the provider that answered the first (it made the tool calls being answered).
        const chosen: { provider?: string | undefined; model?: string | undefined } = route ?? { provider: request.provider, model: request.model };
        for await (const event of gateway.stream({
          ...(chosen.provider ? { provider: chosen.provider } : {}),
          ...(chosen.model ? { model: chosen.model } : {}),
          keys,
          system,
          // The last round may call no tool, so the model has to answer with what it has. The tools stay
          // listed: a thinking model's earlier blocks are signed against the same system and tools.
          tools: specs,
          toolChoice: round === this.settings.maxToolRounds - 1 ? 'none' : 'auto',
          messages: (messages ??= fitHistory(conversation, request.message, { system, tools: specs }, window, this.settings.maxOutputTokens)),
          maxTokens: outputTokens(window, this.settings.maxOutputTokens),
          signal,
        })) {
          if (event.type === 'route') {
            await settle();
            if (!route) emit({ type: 'start', requestId, conversationId: conversation.id, provider: event.provider, model: event.model });
            route = { provider: event.provider, model: event.model };
            replay = undefined; // a retry or fallback starts the turn again
          } else if (event.type === 'text') {
            text += event.delta;
            emit({ type: 'text', requestId, delta: event.delta });
          } else if (event.type === 'tool_call_end') calls.push({ id: event.id, name: event.name, input: event.input });
          else if (event.type === 'usage') usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
          else if (event.type === 'replay') replay = event.replay;
          else if (event.type === 'stop') stop = event.reason;
          // 'thinking' is never shown: only text reaches the user.
        }
      } catch (error) {
        if (!(error instanceof LlmFailure)) throw error;
        await settle();
        failure = error.kind === 'cancelled' ? fail('CANCELLED', 'The question was cancelled; tools already called keep their effect') : fail('UNAVAILABLE', error.message);
        break;
      }
      answer += text;
      await settle();
      if (!calls.length || stop === 'max_tokens') break;

      // The replay lives only in this question's messages, never in the stored conversation: a later
      // question has a new system prompt (the session moved on) and a trimmed history, and a thinking
      // block replayed after its prefix changed is refused. Earlier questions go back as plain text.
      messages.push({ role: 'assistant', content: text, toolCalls: calls, ...(replay ? { replay } : {}) });
      const results: LlmToolResult[] = [];
      for (const call of calls) {
        if (signal.aborted) break;
        emit({ type: 'tool_call', requestId, callId: call.id, name: call.name, input: call.input });
        const result = await this.#callTool(call, actor, campaignId, signal);
        const summary = summarise(result);
        const made: GmToolCall = { callId: call.id, name: call.name, input: call.input, ok: result.ok, summary, result: result.ok ? result.value : result.error };
        toolCalls.push(made);
        emit({ type: 'tool_result', requestId, callId: call.id, name: call.name, ok: result.ok, result: made.result, summary });
        results.push({ callId: call.id, name: call.name, content: clip(result.text, RESULT_CHARS), isError: !result.ok });
      }
      if (signal.aborted) {
        failure = fail('CANCELLED', 'The question was cancelled; tools already called keep their effect');
        break;
      }
      messages.push({ role: 'tool', results });
      if (answer && !answer.endsWith('\n')) {
        answer += '\n\n';
        emit({ type: 'text', requestId, delta: '\n\n' });
      }
    }

    // What happened is kept even when the answer failed part-way: the dice were rolled.
    if (answer.trim() || toolCalls.length || !failure) {
      const now = this.deps.clock.now().toISOString();
      const exchange: ConversationMessage[] = [
        { role: 'user', text: request.message, at: now },
        { role: 'assistant', text: answer.trim() || (failure && !failure.ok ? `(${failure.error.message})` : ''), ...(toolCalls.length ? { toolCalls } : {}), at: now },
      ];
      conversation = await this.conversations.append(conversation, exchange);
    }
    if (failure) return failWith(failure);
    const usage = { ...totals, costUsd: totals.costUsd === null ? null : Math.round(totals.costUsd * 1e6) / 1e6 };
    emit({ type: 'done', requestId, conversationId: conversation.id, usage });
    return ok({ conversationId: conversation.id, answer: answer.trim(), toolCalls, provider: route!.provider, model: route!.model, usage });
  }

  async #context(actor: Actor, role: Role, campaignId: string | null) {
    const campaign = campaignId ? await this.deps.campaigns.get(campaignId) : null;
    const c = campaign?.ok ? campaign.value : null;
    const session = c ? await this.deps.sessions.active(c) : null;
    const personality = this.deps.rules ? await this.deps.rules.personality(undefined, campaignId).catch(() => null) : null;
    return {
      actor,
      role,
      campaign: c,
      session: session ? viewSession(session, role === 'gm' ? 'gm' : 'table') : null,
      personality: personality?.ok ? personality.value.profile : null,
      hasRules: this.deps.rules !== null,
    } as const;
  }

  /** The provider and model the user chose, or the defaults (a fallback may answer instead). */
  #primary(request: AskRequest): [string, string] {
    const gateway = this.settings.gateway;
    const provider = request.provider ?? gateway.defaultProvider() ?? '';
    return [provider, request.model ?? gateway.providers().find((p) => p.id === provider)?.defaultModel ?? ''];
  }

  async #callTool(call: LlmToolCall, actor: Actor, campaignId: string | null, signal: AbortSignal): Promise<ToolCallResult> {
    const external = this.settings.external;
    if (call.name.includes('__') && external) return external.call(call.name, call.input, { actor, role: roleIn(actor, campaignId) ?? 'viewer', signal });
    const registry = this.registry();
    const tool = registry.get(call.name);
    let input = call.input && typeof call.input === 'object' && !Array.isArray(call.input) ? (call.input as Record<string, unknown>) : {};
    // The conversation's campaign is where the table is: a roll or an initiative change lands there.
    if (tool && campaignId && 'campaignId' in tool.input.shape && input.campaignId === undefined && input.sessionId === undefined) input = { ...input, campaignId };
    if (tool && gameMasterTool(tool.name)) return { ok: false, error: { code: 'FORBIDDEN', message: `${tool.name} is not available to the game master` }, text: `FORBIDDEN: ${tool.name} is not available to the game master` };
    return registry.call(call.name, input, { actor, signal, byGameMaster: true });
  }
}

const gameMasterTool = (name: string) => name === 'ask_game_master' || name === 'set_ai_key';
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}\n…(cut)` : s);

function summarise(result: ToolCallResult): string {
  const first = result.text.split('\n').filter(Boolean).slice(0, 3).join('; ');
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}
