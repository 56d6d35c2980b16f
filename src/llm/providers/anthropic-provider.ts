import type Anthropic from '@anthropic-ai/sdk';
import type { LlmChatRequest, LlmEvent, LlmProvider, LlmStopReason } from '../../core/index.js';
import { AnthropicTurn, toAnthropicMessages } from './anthropic-turn.js';
import { toLlmFailure } from './provider-errors.js';

export interface AnthropicProviderOptions {
  id: string;
  apiKey: string;
  baseUrl?: string;
  /** Per-request timeout in ms; the router retries timeouts itself. */
  timeoutMs?: number;
}

/**
 * Anthropic's Messages API, streamed: text deltas, `tool_use` blocks with `input_json_delta`, usage.
 * Thinking models (the default, Claude Sonnet 5.5, thinks unless told otherwise, and returns its text
 * between tool calls as `thinking` blocks) stream thinking that is never shown: the turn's blocks come
 * back as a `replay` event so the next request of the tool loop sends them unchanged.
 *
 * The request sets no `thinking`, `temperature`, `top_p`, `top_k` nor a forced `tool_choice`, and never
 * ends with an assistant message (prefill): Claude Sonnet 5.5 answers each of these with a 400.
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): LlmProvider {
  // The SDK loads on first use, so a hub without AI starts as fast as before.
  let sdk: Promise<Anthropic> | undefined;
  const connect = () =>
    (sdk ??= import('@anthropic-ai/sdk').then(
      // Explicit values only: the SDK would otherwise read ANTHROPIC_* from the environment behind our back.
      ({ default: Sdk }) => new Sdk({ apiKey: options.apiKey, authToken: null, baseURL: options.baseUrl ?? 'https://api.anthropic.com', maxRetries: 0, timeout: options.timeoutMs ?? 120_000 }),
    ));
  const id = options.id;
  return {
    id,
    kind: 'anthropic',
    async *chat(request: LlmChatRequest): AsyncIterable<LlmEvent> {
      const turn = new AnthropicTurn();
      let inputTokens = 0;
      let outputTokens = 0;
      // The last round lists the tools (so the prefix a thinking block was signed with stays the same)
      // but forbids calling them; 'none' is allowed, unlike the forced 'any' / 'tool'.
      const tools = request.tools.length
        ? {
            tools: request.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
            ...(request.toolChoice === 'none' ? { tool_choice: { type: 'none' as const } } : {}),
          }
        : {};
      try {
        const client = await connect();
        const stream = await client.messages.create(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: toAnthropicMessages(request.messages, id, request.model),
            ...tools,
            stream: true,
          },
          { signal: request.signal },
        );
        let stop: LlmStopReason = 'other';
        for await (const event of stream) {
          switch (event.type) {
            case 'message_start':
              inputTokens = event.message.usage.input_tokens + (event.message.usage.cache_read_input_tokens ?? 0) + (event.message.usage.cache_creation_input_tokens ?? 0);
              outputTokens = event.message.usage.output_tokens;
              // Reported at once: a stream that fails later is still billed for its input.
              yield { type: 'usage', inputTokens, outputTokens };
              break;
            case 'content_block_start': {
              const block = event.content_block;
              turn.start(event.index, block);
              if (block.type === 'tool_use') yield { type: 'tool_call_start', index: event.index, id: block.id, name: block.name };
              else if (block.type === 'thinking' || block.type === 'redacted_thinking') yield { type: 'thinking' };
              break;
            }
            case 'content_block_delta':
              turn.delta(event.index, event.delta);
              if (event.delta.type === 'text_delta') yield { type: 'text', delta: event.delta.text };
              else if (event.delta.type === 'input_json_delta') yield { type: 'tool_call_delta', index: event.index, delta: event.delta.partial_json };
              // Thinking text is never streamed to users; the event only tells the router the stream is alive.
              else if (event.delta.type === 'thinking_delta' || event.delta.type === 'signature_delta') yield { type: 'thinking' };
              break;
            case 'content_block_stop': {
              const call = turn.stop(event.index);
              if (call) yield { type: 'tool_call_end', index: event.index, ...call };
              break;
            }
            case 'message_delta':
              // message_delta carries cumulative output tokens.
              outputTokens = event.usage.output_tokens ?? outputTokens;
              if (event.usage.input_tokens != null) inputTokens = event.usage.input_tokens;
              stop = mapStop(event.delta.stop_reason);
              break;
            case 'message_stop': {
              const replay = turn.replay(id, request.model);
              if (replay) yield { type: 'replay', replay };
              yield { type: 'usage', inputTokens, outputTokens };
              yield { type: 'stop', reason: stop };
              return;
            }
          }
        }
        throw new Error('the stream ended without message_stop');
      } catch (error) {
        throw toLlmFailure(error, id, request.signal);
      }
    },
    async listModels(signal) {
      try {
        const client = await connect();
        const ids: string[] = [];
        for await (const model of client.models.list({ limit: 100 }, { signal })) ids.push(model.id);
        return ids;
      } catch (error) {
        throw toLlmFailure(error, id, signal);
      }
    },
  };
}

function mapStop(reason: string | null | undefined): LlmStopReason {
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'end';
  if (reason === 'tool_use') return 'tool_use';
  if (reason === 'max_tokens') return 'max_tokens';
  return 'other';
}
