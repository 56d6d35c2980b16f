/**
 * What the Anthropic stand-in enforces as a thinking model (Claude Sonnet 5.5) does: the settings that
 * return 400 there (sampling parameters, `thinking` disabled or with a budget, forced `tool_choice`,
 * assistant prefill), and the round trip of thinking blocks: a tool-loop continuation must carry the
 * turn's `thinking` / `redacted_thinking` blocks unchanged and in order, and nothing before them
 * (`system`, `tools`, earlier messages) may have changed since they were produced. A block produced
 * by another model is ignored, as the real API drops what the model cannot read.
 */

/** A thinking block as it goes over the wire. */
export type WireThinking = { type: 'thinking'; thinking: string; signature: string } | { type: 'redacted_thinking'; data: string };

interface Issued {
  model: string;
  blocks: WireThinking[];
  /** system and tools of the request that produced the blocks. */
  prefix: string;
  /** Its messages: everything before the assistant turn that carries the blocks. */
  before: string;
}

/** Per stand-in: the thinking blocks it sent, by the ids of the tool calls in the same turn. */
export class ThinkingLedger {
  readonly #issued = new Map<string, Issued>();
  #seq = 0;

  /** A signature nobody could guess or edit unnoticed (the real one is opaque too). */
  signature(model: string): string {
    return `EqQB${Buffer.from(JSON.stringify({ n: ++this.#seq, model, at: Date.now() })).toString('base64')}`;
  }

  /** A tool call id unique in this stand-in (the ledger finds a turn by its tool calls). */
  toolUseId(): string {
    return `toolu_${++this.#seq}_${Date.now()}`;
  }

  /** Remembers a turn's thinking blocks against its tool calls (only a tool loop continues a turn). */
  issue(body: any, blocks: WireThinking[], toolCallIds: string[]): void {
    if (!blocks.length) return;
    const record: Issued = { model: body.model, blocks, prefix: canonical({ system: body.system, tools: body.tools ?? null }), before: canonical(body.messages) };
    for (const id of toolCallIds) this.#issued.set(id, record);
  }

  /** Why the real API would answer this request with a 400 invalid_request_error, or null. */
  refusal(body: any): string | null {
    for (const p of ['temperature', 'top_p', 'top_k']) if (body[p] !== undefined) return `${p}: sampling parameters are not supported for this model; remove them`;
    if (body.thinking?.type === 'disabled') return 'thinking.type.disabled is not supported for this model. Use "thinking.type.between_tools" to turn off up-front thinking';
    if (body.thinking?.type === 'enabled') return 'thinking.type.enabled is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort"';
    if (body.tool_choice && ['any', 'tool'].includes(body.tool_choice.type)) return `tool_choice.type.${body.tool_choice.type}: forced tool use is not supported for this model; use "auto" or "none"`;
    const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
    if (messages.at(-1)?.role === 'assistant') return 'This model does not support assistant message prefill. The conversation must end with a user message.';
    for (const [i, m] of messages.entries()) {
      if (m.role !== 'assistant' || !Array.isArray(m.content)) continue;
      const record = m.content.map((b: any) => (b.type === 'tool_use' ? this.#issued.get(b.id) : undefined)).find(Boolean) as Issued | undefined;
      if (!record || record.model !== body.model) continue;
      const sent = m.content.filter((b: any) => b.type === 'thinking' || b.type === 'redacted_thinking');
      if (!sent.length)
        return `messages.${i}.content.0: Expected \`thinking\` or \`redacted_thinking\`, but found \`${m.content[0]?.type}\`. When continuing a tool loop, the assistant turn must include the thinking blocks of the original response.`;
      if (sent.length !== record.blocks.length || sent.some((b: any, k: number) => !sameBlock(b, record.blocks[k]!)))
        return `messages.${i}.content: \`thinking\` or \`redacted_thinking\` blocks in the latest assistant message cannot be modified. These blocks must remain as they were in the original response.`;
      if (canonical({ system: body.system, tools: body.tools ?? null }) !== record.prefix) return `messages.${i}: thinking block prefix mismatch: \`system\` or \`tools\` changed after the block was produced`;
      if (canonical(messages.slice(0, i)) !== record.before) return `messages.${i}: thinking block prefix mismatch: an earlier message changed after the block was produced`;
    }
    return null;
  }
}

function sameBlock(a: any, b: WireThinking): boolean {
  if (a.type !== b.type) return false;
  if (b.type === 'thinking') return a.thinking === b.thinking && a.signature === b.signature;
  return a.data === b.data;
}

/** JSON with sorted keys: the same request built twice compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
