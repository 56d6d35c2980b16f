import { messageBody, toCallback, type Interaction, type Reply } from './interaction.js';

export interface AnswerChannel {
  /** The one interaction callback Discord allows (HTTP response body, or POST .../callback). */
  callback(body: { type: number; data?: Record<string, unknown> }): Promise<void>;
  /** Edits the original response after a deferral. */
  editOriginal(body: Record<string, unknown>): Promise<void>;
}

/**
 * Discord wants an answer within 3 seconds. Quick work is answered directly; slower work is
 * acknowledged ("thinking...") once `deferAfterMs` passes, and the reply is edited in afterwards.
 */
export async function answerInteraction(ix: Interaction, work: Promise<Reply>, channel: AnswerChannel, deferAfterMs: number): Promise<void> {
  if (ix.kind === 'autocomplete') return channel.callback(toCallback(await work));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deferAfterMs)));
  // 0 means always acknowledge first (for hosts far from Discord).
  const first = deferAfterMs === 0 ? 'late' : await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') return channel.callback(toCallback(first));
  // 6 keeps a clicked button's message as it is until the edit; 5 shows "thinking...".
  await channel.callback({ type: ix.kind === 'component' ? 6 : 5 });
  const reply = await work;
  if (reply.type === 'message') await channel.editOriginal(messageBody(reply));
}
