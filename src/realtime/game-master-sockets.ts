import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { Actor, HubError, Logger, ToolRegistry } from '../core/index.js';
import type { Ack } from './socket-protocol.js';

/** `gm.ask`: the ask_game_master input plus the client's own id for the request. */
export const GmAskSchema = z.looseObject({ requestId: z.string().min(1).max(100) });
export const GmCancelSchema = z.object({ requestId: z.string().min(1).max(100) });

/**
 * The AI game master over a socket: `gm.ask` runs ask_game_master as the socket's actor and streams
 * `gm.stream` chunks to this socket only; `gm.cancel` aborts it (the ack then says CANCELLED). A
 * disconnect cancels everything the socket asked.
 */
export function handleGameMasterEvents(socket: Socket, options: { registry: ToolRegistry; actor: () => Promise<Actor>; logger: Logger }) {
  const running = new Map<string, AbortController>();

  socket.on('gm.ask', async (payload: unknown, ack?: Ack<Record<string, unknown>>) => {
    const reply = (r: { ok: true; value: Record<string, unknown> } | { ok: false; error: HubError }) => typeof ack === 'function' && ack(r);
    const parsed = GmAskSchema.safeParse(payload ?? {});
    if (!parsed.success) return reply({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input: requestId: expected a string made by the client', field: 'requestId' } });
    const { requestId, ...input } = parsed.data;
    if (running.has(requestId)) return reply({ ok: false, error: { code: 'VALIDATION', message: `Request ${requestId} is still running: use a new requestId`, field: 'requestId' } });
    const controller = new AbortController();
    running.set(requestId, controller);
    try {
      const actor = await options.actor();
      const result = await options.registry.call('ask_game_master', input, {
        actor,
        signal: controller.signal,
        stream: (chunk) => socket.emit('gm.stream', { ...chunk, requestId }),
      });
      reply(result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error });
    } catch (error) {
      const expected = (error as { error?: HubError }).error;
      if (expected?.code) return reply({ ok: false, error: expected });
      options.logger.error({ err: error }, 'gm.ask failed');
      reply({ ok: false, error: { code: 'INTERNAL', message: 'Internal error; the hub log has the details' } });
    } finally {
      running.delete(requestId);
    }
  });

  socket.on('gm.cancel', (payload: unknown, ack?: Ack<{ cancelled: boolean }>) => {
    const parsed = GmCancelSchema.safeParse(payload ?? {});
    const controller = parsed.success ? running.get(parsed.data.requestId) : undefined;
    controller?.abort();
    if (typeof ack === 'function') ack({ ok: true, value: { cancelled: controller !== undefined } });
  });

  socket.on('disconnect', () => {
    for (const c of running.values()) c.abort();
  });
}
