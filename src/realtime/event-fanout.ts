import type { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { viewEvent, type EventBus } from '../core/index.js';
import { roomFor } from './socket-protocol.js';

export const actorRoom = (actorId: string) => `actor:${actorId}`;

/**
 * Sends every hub event to the rooms of its campaign, one view per audience. With a shared adapter
 * (Redis streams) the rooms span every hub process, so an event published in one process reaches
 * sockets connected to any of them; a process without sockets of its own (`ttrpg-hub mcp`) can
 * still broadcast this way.
 */
export function fanOutEvents(io: Server, events: EventBus): () => void {
  const adapter = io.of('/').adapter;
  // The plain in-memory adapter reaches this process's sockets only, and keeps nothing for later, so
  // a room with no socket in it here has nobody to hear the event: it is not viewed and encoded for
  // nobody (as it was twice per dice roll at a table with no overlay open). Any other adapter (Redis
  // streams, or one that keeps packets for reconnecting sockets) is always given the event.
  const localOnly = Object.getPrototypeOf(adapter) === Adapter.prototype;
  const heard = (room: string) => !localOnly || adapter.rooms.has(room);
  return events.subscribe((event) => {
    if (event.type === 'access.revoked') io.in(actorRoom(event.memberId)).disconnectSockets(true);
    // The rules library belongs to the hub, not a campaign: its progress goes to the owner's sockets.
    if (event.type === 'source.ingest_progress') io.to(actorRoom('owner')).emit(event.type, event);
    if (!event.campaignId) return;
    for (const audience of ['gm', 'table'] as const) {
      const room = roomFor(event.campaignId, audience);
      if (!heard(room)) continue;
      const view = viewEvent(event, audience);
      if (view) io.to(room).emit(view.type, view);
    }
  });
}
