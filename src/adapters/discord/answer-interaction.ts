import { messageBody, toCallback, type Interaction, type Reply } from './interaction.js';

export interface AnswerChannel {
  /** The one interaction callback Discord allows (HTTP response body, or POST .../callback). */
  callback(body: { type: number; data?: Record<string, unknown> }): Promise<void>;
  /** Edits the original response after a deferral. */
  editOriginal(body: Record<string, unknown>): Promise<void>;
}

/** Lets a slow command show its reply as it forms (the AI game master's answer), by edits of the deferred reply. */
export interface LiveReply {
  update(reply: Reply): void;
}

/** Discord allows about five edits of one message in five seconds; one a second leaves room. */
const EDIT_INTERVAL_MS = 1100;

/**
 * Discord wants an answer within 3 seconds. Quick work is answered directly; slower work is
 * acknowledged ("thinking...") once `deferAfterMs` passes, and the reply is edited in afterwards.
 */
export async function answerInteraction(
  ix: Interaction,
  start: Promise<Reply> | ((live: LiveReply) => Promise<Reply>),
  channel: AnswerChannel,
  deferAfterMs: number,
): Promise<void> {
  // Updates before the deferral are kept until it is sent; after it, at most one edit per interval.
  let deferred = false;
  let finished = false;
  let latest: Reply | null = null;
  let lastEdit = 0;
  let pending: NodeJS.Timeout | undefined;
  let edits = Promise.resolve();
  const flush = () => {
    pending = undefined;
    if (!latest || finished || latest.type !== 'message') return;
    const reply = latest;
    latest = null;
    lastEdit = Date.now();
    edits = edits.then(() => channel.editOriginal(messageBody(reply))).catch(() => {});
  };
  const schedule = () => {
    if (deferred && !pending && !finished) pending = setTimeout(flush, Math.max(0, lastEdit + EDIT_INTERVAL_MS - Date.now()));
  };
  const live: LiveReply = {
    update(reply) {
      latest = reply;
      schedule();
    },
  };
  const work = typeof start === 'function' ? start(live) : start;
  try {
    await answer(ix, work, channel, deferAfterMs, async () => {
      deferred = true;
      schedule();
    }, async () => {
      finished = true;
      clearTimeout(pending);
      await edits;
    });
  } finally {
    finished = true;
    clearTimeout(pending);
  }
}

async function answer(ix: Interaction, work: Promise<Reply>, channel: AnswerChannel, deferAfterMs: number, onDeferred: () => Promise<void>, beforeFinalEdit: () => Promise<void>): Promise<void> {
  if (ix.kind === 'autocomplete') return channel.callback(toCallback(await work));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deferAfterMs)));
  // 0 means always acknowledge first (for hosts far from Discord).
  const first = deferAfterMs === 0 ? 'late' : await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') return channel.callback(toCallback(first));
  // 6 keeps a clicked button's message as it is until the edit; 5 shows "thinking...".
  await channel.callback({ type: ix.kind === 'component' ? 6 : 5 });
  await onDeferred();
  const reply = await work;
  await beforeFinalEdit();
  if (reply.type === 'message') await channel.editOriginal(messageBody(reply));
}
