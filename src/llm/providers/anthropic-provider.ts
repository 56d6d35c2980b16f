import type Anthropic from '@anthropic-ai/sdk';
import type { LlmChatRequest, LlmEvent, LlmMessage, LlmProvider, LlmStopReason } from '../../core/index.js';
import { parseArguments, toLlmFailure } from './provider-errors.js';

export interface AnthropicProviderOptions {
  id: string;
  apiKey: string;
  baseUrl?: string;
  /** Per-request timeout in ms; the router retries timeouts itself. */
  timeoutMs?: number;
}

/** Anthropic's Messages API, streamed: text deltas, `tool_use` blocks with `input_json_delta`, usage. */
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
      const blocks = new Map<number, { id: string; name: string; json: string }>();
      let inputTokens = 0;
      let outputTokens = 0;
      try {
        const client = await connect();
        const stream = await client.messages.create(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: toAnthropicMessages(request.messages),
            ...(request.tools.length
              ? { tools: request.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })) }
              : {}),
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
            case 'content_block_start':
              if (event.content_block.type === 'tool_use') {
                blocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
                yield { type: 'tool_call_start', index: event.index, id: event.content_block.id, name: event.content_block.name };
              }
              break;
            case 'content_block_delta':
              if (event.delta.type === 'text_delta') yield { type: 'text', delta: event.delta.text };
              else if (event.delta.type === 'input_json_delta') {
                const block = blocks.get(event.index);
                if (block) block.json += event.delta.partial_json;
                yield { type: 'tool_call_delta', index: event.index, delta: event.delta.partial_json };
              }
              break;
            case 'content_block_stop': {
              const block = blocks.get(event.index);
              if (block) yield { type: 'tool_call_end', index: event.index, id: block.id, name: block.name, input: parseArguments(block.json) };
              break;
            }
            case 'message_delta':
              // message_delta carries cumulative output tokens.
              outputTokens = event.usage.output_tokens ?? outputTokens;
              if (event.usage.input_tokens != null) inputTokens = event.usage.input_tokens;
              stop = mapStop(event.delta.stop_reason);
              break;
            case 'message_stop':
              yield { type: 'usage', inputTokens, outputTokens };
              yield { type: 'stop', reason: stop };
              return;
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

function toAnthropicMessages(messages: LlmMessage[]): Anthropic.MessageParam[] {
  return messages.map((m): Anthropic.MessageParam => {
    if (m.role === 'user') return { role: 'user', content: m.content };
    if (m.role === 'tool')
      return { role: 'user', content: m.results.map((r) => ({ type: 'tool_result' as const, tool_use_id: r.callId, content: r.content, is_error: r.isError })) };
    const content: Anthropic.ContentBlockParam[] = [];
    if (m.content) content.push({ type: 'text', text: m.content });
    for (const call of m.toolCalls ?? []) content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input as Record<string, unknown> });
    return { role: 'assistant', content: content.length ? content : '(no answer)' };
  });
}
