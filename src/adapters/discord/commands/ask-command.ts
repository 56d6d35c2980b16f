import type { AskOutput, GmStreamChunk } from '../../../core/index.js';
import type { Handler } from '../command-context.js';
import { errorReply } from '../embeds.js';
import type { Reply } from '../interaction.js';

/** /ask question: the AI game master, answering in the channel's campaign. */
export function askCommand() {
  return {
    name: 'ask',
    description: 'Ask the AI game master: rules from your books with page, dice rolled by the hub',
    options: [{ type: 3, name: 'question', description: 'Your question, e.g. "how does grappling work?" or "roll stealth for Kara"', required: true, max_length: 2000 }],
  };
}

const CONVERSATION_TTL_MS = 3_600_000;

/**
 * Answers /ask through ask_game_master as the Discord user, editing the deferred reply as the answer
 * streams. Each user's conversation in a channel continues for an hour (kept in memory).
 */
export function createAskHandlers(): Record<string, Handler> {
  const conversations = new Map<string, { id: string; at: number }>();
  return {
    ask: async (ctx) => {
      const question = String(ctx.ix.options.question ?? '').trim();
      const key = `${ctx.ix.guildId}:${ctx.ix.channelId}:${ctx.ix.user.id}`;
      const previous = conversations.get(key);
      const conversationId = previous && Date.now() - previous.at < CONVERSATION_TTL_MS ? previous.id : undefined;
      let text = '';
      const tools: string[] = [];
      const result = await ctx.registry.call(
        'ask_game_master',
        { message: question, ...(ctx.campaignId ? { campaignId: ctx.campaignId } : {}), ...(conversationId ? { conversationId } : {}) },
        {
          actor: ctx.actor,
          stream: (chunk: GmStreamChunk) => {
            if (chunk.type === 'text') text += chunk.delta;
            else if (chunk.type === 'tool_result') tools.push(`${chunk.ok ? (chunk.name === 'roll_dice' ? '🎲' : '🔧') : '⚠️'} ${chunk.summary}`);
            else return;
            ctx.live?.update(render(question, text, tools, null));
          },
        },
      );
      if (!result.ok) return errorReply(result.error);
      const out = result.value as AskOutput;
      conversations.set(key, { id: out.conversationId, at: Date.now() });
      for (const [k, v] of conversations) if (Date.now() - v.at > CONVERSATION_TTL_MS || conversations.size > 5000) conversations.delete(k);
      return render(question, out.answer, out.toolCalls.map((c) => `${c.ok ? (c.name === 'roll_dice' ? '🎲' : '🔧') : '⚠️'} ${c.summary}`), out);
    },
  };
}

function render(question: string, answer: string, tools: string[], done: AskOutput | null): Reply {
  const cost = done?.usage.costUsd;
  return {
    type: 'message',
    embeds: [
      {
        title: `🧙 ${question}`.slice(0, 256),
        description: (answer.trim() || '…').slice(0, 3900) + (done ? '' : ' ▌'),
        color: 0x8e44ad,
        ...(tools.length ? { fields: [{ name: 'Tools used', value: tools.join('\n').slice(0, 1024) }] } : {}),
        ...(done ? { footer: { text: `${done.provider} · ${done.model}${cost !== null && cost !== undefined ? ` · $${cost.toFixed(4)}` : ''}` } } : {}),
      },
    ],
  };
}
