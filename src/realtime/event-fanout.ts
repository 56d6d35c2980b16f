import type { Server } from 'socket.io';
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
  return events.subscribe((event) => {
    if (event.type === 'access.revoked') io.in(actorRoom(event.memberId)).disconnectSockets(true);
    // The rules library belongs to the hub, not a campaign: its progress goes to the owner's sockets.
    if (event.type === 'source.ingest_progress') io.to(actorRoom('owner')).emit(event.type, event);
    if (!event.campaignId) return;
    for (const audience of ['gm', 'table'] as const) {
      const view = viewEvent(event, audience);
      if (view) io.to(roomFor(event.campaignId, audience)).emit(view.type, view);
    }
  });
}
