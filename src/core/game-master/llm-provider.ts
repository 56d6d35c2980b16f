/**
 * The port between the AI game master and a language model. Implementations (Anthropic Messages,
 * OpenAI Chat Completions and every OpenAI-compatible local server) live in src/llm and turn their
 * wire formats into these normalised events, so the game-master loop never sees an SDK.
 */

/** A tool the model may call: its name and the JSON Schema of its input. */
export interface LlmToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface LlmToolCall {
  id: string;
  name: string;
  input: unknown;
}

export interface LlmToolResult {
  callId: string;
  name: string;
  /** What the model reads: the tool's text rendering or its error. */
  content: string;
  isError: boolean;
}

/**
 * What a provider needs back, verbatim, in the next request of the same tool loop, opaque to the core
 * (Anthropic: the turn's content blocks with its signed `thinking` / `redacted_thinking` blocks). Only
 * the provider and model that produced it read it; every other provider or model ignores it, since
 * thinking is tied to the model that produced it.
 */
export interface LlmReplay {
  /** The provider id (not kind) that produced it: thinking blocks are also bound to its account. */
  provider: string;
  model: string;
  data: unknown;
}

/** A provider-neutral message; each provider maps it onto its own roles and blocks. */
export type LlmMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[]; replay?: LlmReplay }
  | { role: 'tool'; results: LlmToolResult[] };

export interface LlmChatRequest {
  model: string;
  system: string;
  messages: LlmMessage[];
  tools: LlmToolSpec[];
  /**
   * 'none': the tools are still listed but the model must answer in text (the loop's last round).
   * Listing them keeps the request's prefix unchanged, which a thinking model's replayed blocks need.
   */
  toolChoice?: 'auto' | 'none';
  maxTokens: number;
  signal: AbortSignal;
}

export type LlmStopReason = 'end' | 'tool_use' | 'max_tokens' | 'other';

/** What a provider streams, normalised. Tool-call arguments arrive as JSON text deltas, then parsed at the end. */
export type LlmEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call_start'; index: number; id: string; name: string }
  | { type: 'tool_call_delta'; index: number; delta: string }
  | { type: 'tool_call_end'; index: number; id: string; name: string; input: unknown }
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  /** The model is reasoning: nothing to show (thinking is never streamed to users), but the stream is alive. */
  | { type: 'thinking' }
  /** Sent before `stop` when the provider needs its turn back verbatim; the caller attaches it to the assistant message. */
  | { type: 'replay'; replay: LlmReplay }
  | { type: 'stop'; reason: LlmStopReason };

/** Why a provider call failed; decides whether the router retries, falls back or gives up. */
export type LlmFailureKind = 'rate_limit' | 'overloaded' | 'server' | 'timeout' | 'network' | 'auth' | 'bad_request' | 'cancelled' | 'unavailable';

/** A provider call that failed for a reason outside the hub (an expected failure of a remote service). */
export class LlmFailure extends Error {
  override name = 'LlmFailure';
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly extra: { status?: number; retryAfterMs?: number; provider?: string } = {},
  ) {
    super(message);
  }

  /** Worth another try, on this provider after a pause or on the next one. */
  get retryable(): boolean {
    return ['rate_limit', 'overloaded', 'server', 'timeout', 'network'].includes(this.kind);
  }
}

export type LlmProviderKind = 'anthropic' | 'openai';

/** One model provider with one API key. */
export interface LlmProvider {
  readonly id: string;
  readonly kind: LlmProviderKind;
  /** Streams one model turn. Throws LlmFailure for remote failures; stops with kind 'cancelled' when `signal` aborts. */
  chat(request: LlmChatRequest): AsyncIterable<LlmEvent>;
  /** The provider's model list; a call that also proves the key works. */
  listModels(signal?: AbortSignal): Promise<string[]>;
}
