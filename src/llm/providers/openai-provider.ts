import type OpenAI from 'openai';
import type { LlmChatRequest, LlmEvent, LlmMessage, LlmProvider, LlmStopReason } from '../../core/index.js';
import { parseArguments, toLlmFailure } from './provider-errors.js';

export interface OpenAiProviderOptions {
  id: string;
  /** Local servers (Ollama, LM Studio, llama.cpp, vLLM) take any key. */
  apiKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * OpenAI Chat Completions, streamed with `tool_calls` deltas and `stream_options.include_usage`: the same
 * code serves every OpenAI-compatible server by base URL.
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): LlmProvider {
  const baseURL = options.baseUrl ?? 'https://api.openai.com/v1';
  // The SDK loads on first use, so a hub without AI starts as fast as before.
  let sdk: Promise<OpenAI> | undefined;
  const connect = () =>
    (sdk ??= import('openai').then(
      ({ default: Sdk }) => new Sdk({ apiKey: options.apiKey || 'not-needed', baseURL, organization: null, project: null, maxRetries: 0, timeout: options.timeoutMs ?? 120_000 }),
    ));
  // OpenAI's own newer models refuse max_tokens; most local servers know only max_tokens.
  const official = /^https:\/\/api\.openai\.com\//.test(baseURL);
  const id = options.id;
  return {
    id,
    kind: 'openai',
    async *chat(request: LlmChatRequest): AsyncIterable<LlmEvent> {
      const calls = new Map<number, { id: string; name: string; json: string }>();
      let usage: { inputTokens: number; outputTokens: number } | null = null;
      let stop: LlmStopReason | null = null;
      try {
        const client = await connect();
        const stream = await client.chat.completions.create(
          {
            model: request.model,
            messages: toOpenAiMessages(request.system, request.messages),
            // toolChoice 'none' sends no tools at all: many local servers know no tool_choice, and
            // nothing here is signed against the tool list (an assistant turn's `replay` is ignored too).
            ...(request.tools.length && request.toolChoice !== 'none'
              ? { tools: request.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.inputSchema } })) }
              : {}),
            ...(official ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens }),
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: request.signal },
        );
        for await (const chunk of stream) {
          if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 };
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          if (choice.delta?.content) yield { type: 'text', delta: choice.delta.content };
          for (const part of choice.delta?.tool_calls ?? []) {
            let call = calls.get(part.index);
            if (!call) {
              call = { id: part.id ?? `call_${part.index}`, name: part.function?.name ?? '', json: '' };
              calls.set(part.index, call);
              yield { type: 'tool_call_start', index: part.index, id: call.id, name: call.name };
            }
            if (part.function?.arguments) {
              call.json += part.function.arguments;
              yield { type: 'tool_call_delta', index: part.index, delta: part.function.arguments };
            }
          }
          if (choice.finish_reason) stop = mapStop(choice.finish_reason);
        }
        if (stop === null) throw new Error('the stream ended without a finish_reason');
        for (const [index, call] of calls) yield { type: 'tool_call_end', index, id: call.id, name: call.name, input: parseArguments(call.json) };
        yield { type: 'usage', ...(usage ?? { inputTokens: 0, outputTokens: 0 }) };
        yield { type: 'stop', reason: calls.size && stop !== 'max_tokens' ? 'tool_use' : stop };
      } catch (error) {
        throw toLlmFailure(error, id, request.signal);
      }
    },
    async listModels(signal) {
      try {
        const client = await connect();
        const ids: string[] = [];
        for await (const model of client.models.list({ signal })) ids.push(model.id);
        return ids;
      } catch (error) {
        throw toLlmFailure(error, id, signal);
      }
    },
  };
}

function mapStop(reason: string): LlmStopReason {
  if (reason === 'stop') return 'end';
  if (reason === 'tool_calls' || reason === 'function_call') return 'tool_use';
  if (reason === 'length') return 'max_tokens';
  return 'other';
}

function toOpenAiMessages(system: string, messages: LlmMessage[]): OpenAI.Chat.ChatCompletionMessageParam[] {
  const out: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'system', content: system }];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'tool') for (const r of m.results) out.push({ role: 'tool', tool_call_id: r.callId, content: r.isError ? `Error: ${r.content}` : r.content });
    else
      out.push({
        role: 'assistant',
        content: m.content || null,
        ...(m.toolCalls?.length
          ? { tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.input ?? {}) } })) }
          : {}),
      });
  }
  return out;
}
