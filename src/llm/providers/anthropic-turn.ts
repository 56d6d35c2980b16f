import type Anthropic from '@anthropic-ai/sdk';
import type { LlmMessage, LlmReplay } from '../../core/index.js';
import { parseArguments } from './provider-errors.js';

/** What the Anthropic provider keeps in `LlmReplay.data`: the assistant turn's blocks, in stream order. */
interface AnthropicReplayData {
  blocks: Anthropic.ContentBlockParam[];
}

type StreamedBlock = Anthropic.RawContentBlockStartEvent['content_block'];
type StreamedDelta = Anthropic.RawContentBlockDelta;

/**
 * One assistant turn as the Messages API streamed it, rebuilt block by block so it can go back
 * exactly as received. Thinking models (Claude Sonnet 5.5 and later) reject a tool-loop continuation
 * whose assistant turn lost or changed its `thinking` / `redacted_thinking` blocks (and their
 * signatures), and check their order against the other blocks, so the whole turn is kept, not just
 * the thinking.
 */
export class AnthropicTurn {
  readonly #blocks = new Map<number, Anthropic.ContentBlockParam>();
  readonly #json = new Map<number, string>();
  #thinking = false;

  /** `content_block_start`. */
  start(index: number, block: StreamedBlock): void {
    switch (block.type) {
      case 'text':
        this.#blocks.set(index, { type: 'text', text: block.text });
        break;
      case 'thinking':
        this.#thinking = true;
        this.#blocks.set(index, { type: 'thinking', thinking: block.thinking, signature: block.signature ?? '' });
        break;
      case 'redacted_thinking':
        this.#thinking = true;
        this.#blocks.set(index, { type: 'redacted_thinking', data: block.data });
        break;
      case 'tool_use':
        this.#blocks.set(index, { type: 'tool_use', id: block.id, name: block.name, input: {} });
        this.#json.set(index, '');
        break;
      // Server tools and the like: the hub offers none, so they cannot be part of its turns.
    }
  }

  /** `content_block_delta`: text, tool input JSON, thinking text and its signature grow in place. */
  delta(index: number, delta: StreamedDelta): void {
    const block = this.#blocks.get(index);
    if (!block) return;
    if (delta.type === 'text_delta' && block.type === 'text') block.text += delta.text;
    else if (delta.type === 'thinking_delta' && block.type === 'thinking') block.thinking += delta.thinking;
    // The signature arrives whole, just before content_block_stop.
    else if (delta.type === 'signature_delta' && block.type === 'thinking') block.signature = delta.signature;
    else if (delta.type === 'input_json_delta' && this.#json.has(index)) this.#json.set(index, this.#json.get(index)! + delta.partial_json);
  }

  /** `content_block_stop`: the finished tool call, if the block was one. */
  stop(index: number): { id: string; name: string; input: unknown } | null {
    const block = this.#blocks.get(index);
    if (block?.type !== 'tool_use') return null;
    block.input = parseArguments(this.#json.get(index) ?? '');
    return { id: block.id, name: block.name, input: block.input };
  }

  /** The turn to send back, or null when it had no thinking (the neutral message then says it all). */
  replay(provider: string, model: string): LlmReplay | null {
    if (!this.#thinking) return null;
    const data: AnthropicReplayData = { blocks: [...this.#blocks.entries()].sort(([a], [b]) => a - b).map(([, block]) => block) };
    return { provider, model, data };
  }
}

/**
 * The provider-neutral conversation as Messages API messages. An assistant turn that this provider
 * produced with this model goes back verbatim (thinking blocks, signatures and order untouched); any
 * other turn is rebuilt from its text and tool calls without thinking, since the docs say to strip
 * thinking when the model changes (other models ignore it but still bill its tokens).
 */
export function toAnthropicMessages(messages: LlmMessage[], provider: string, model: string): Anthropic.MessageParam[] {
  return messages.map((m): Anthropic.MessageParam => {
    if (m.role === 'user') return { role: 'user', content: m.content };
    if (m.role === 'tool')
      return { role: 'user', content: m.results.map((r) => ({ type: 'tool_result' as const, tool_use_id: r.callId, content: r.content, is_error: r.isError })) };
    const verbatim = replayedBlocks(m.replay, provider, model);
    if (verbatim) return { role: 'assistant', content: verbatim };
    const content: Anthropic.ContentBlockParam[] = [];
    if (m.content) content.push({ type: 'text', text: m.content });
    for (const call of m.toolCalls ?? []) content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input as Record<string, unknown> });
    return { role: 'assistant', content: content.length ? content : '(no answer)' };
  });
}

function replayedBlocks(replay: LlmReplay | undefined, provider: string, model: string): Anthropic.ContentBlockParam[] | null {
  if (!replay || replay.provider !== provider || replay.model !== model) return null;
  const blocks = (replay.data as Partial<AnthropicReplayData> | null)?.blocks;
  return Array.isArray(blocks) && blocks.length ? blocks : null;
}
