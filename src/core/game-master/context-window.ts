import type { Conversation } from './gm-schemas.js';
import type { LlmMessage, LlmToolSpec } from './llm-provider.js';
import { estimateTokens } from './system-prompt.js';

/** Room for the answer (and a thinking model's reasoning): at most a quarter of a small model's window. */
export function outputTokens(window: number, maxOutputTokens: number): number {
  return Math.min(maxOutputTokens, Math.floor(window / 4));
}

/**
 * The conversation so far plus the new message, newest kept, within the model's context window once
 * the instructions, the tool list and the answer's room are set aside.
 */
export function fitHistory(conversation: Conversation, message: string, fixed: { system: string; tools: LlmToolSpec[] }, window: number, maxOutputTokens: number): LlmMessage[] {
  let budget = window - outputTokens(window, maxOutputTokens) - estimateTokens(fixed.system) - estimateTokens(JSON.stringify(fixed.tools)) - estimateTokens(message);
  const kept: LlmMessage[] = [];
  for (const m of [...conversation.messages].reverse()) {
    const content = m.role === 'assistant' && m.toolCalls?.length ? `${m.text}\n[tools used: ${m.toolCalls.map((c) => `${c.name}: ${c.summary}`).join('; ')}]` : m.text;
    budget -= estimateTokens(content);
    if (budget < 0) break;
    kept.unshift({ role: m.role, content });
  }
  // Providers want the conversation to open with the user.
  while (kept[0]?.role === 'assistant') kept.shift();
  return [...kept, { role: 'user', content: message }];
}
