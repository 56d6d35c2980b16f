import { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import { InMemoryEventBus, type HubEvent } from '../../src/core/index.js';
import { fanOutEvents } from '../../src/realtime/event-fanout.js';
import { roomFor } from '../../src/realtime/socket-protocol.js';

const rolled = (campaignId: string): HubEvent =>
  ({ type: 'dice.rolled', id: 'e1', at: '2026-01-01T00:00:00.000Z', campaignId, sessionId: null, actor: { id: 'a', name: 'A' }, version: null, secret: false, rolls: [] }) as HubEvent;

/** Records what the adapter is asked to broadcast, to which rooms. */
function recordBroadcasts(io: Server): string[][] {
  const sent: string[][] = [];
  const adapter = io.of('/').adapter;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    sent.push([...opts.rooms]);
    broadcast(packet, opts);
  };
  return sent;
}

// The servers never listen (no engine to close): the adapter alone is under test.
describe('fanOutEvents', () => {
  it('with the in-memory adapter, skips the rooms no socket of this process is in', () => {
    const io = new Server();
    const sent = recordBroadcasts(io);
    const bus = new InMemoryEventBus();
    fanOutEvents(io, bus);
    void bus.publish(rolled('c1'));
    expect(sent).toEqual([]);
    // A socket in the table room: that room gets the event, the empty GM room still does not.
    io.of('/').adapter.addAll('socket-1', new Set([roomFor('c1', 'table')]));
    void bus.publish(rolled('c1'));
    expect(sent).toEqual([[roomFor('c1', 'table')]]);
  });

  it('with any other adapter (one that may reach other processes), always broadcasts to both rooms', () => {
    class SharedAdapter extends Adapter {}
    const io = new Server({ adapter: SharedAdapter as never });
    const sent = recordBroadcasts(io);
    const bus = new InMemoryEventBus();
    fanOutEvents(io, bus);
    void bus.publish(rolled('c1'));
    expect(sent).toEqual([[roomFor('c1', 'gm')], [roomFor('c1', 'table')]]);
  });
});
