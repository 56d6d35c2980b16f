import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

// A stand-in OBS speaking obs-websocket v5 (JSON): Hello, Identify/Identified, Request/RequestResponse.
async function startObsStandIn() {
  const requests: { requestType: string; requestData: any }[] = [];
  let identified = 0;
  const server = createServer();
  const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false) });
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ op: 0, d: { obsWebSocketVersion: '5.5.0', rpcVersion: 1 } }));
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(raw.toString());
      if (op === 1) {
        identified++;
        ws.send(JSON.stringify({ op: 2, d: { negotiatedRpcVersion: 1 } }));
      }
      if (op === 6) {
        requests.push({ requestType: d.requestType, requestData: d.requestData });
        ws.send(JSON.stringify({ op: 7, d: { requestType: d.requestType, requestId: d.requestId, requestStatus: { result: true, code: 100 } } }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, identified: () => identified, close: () => { for (const c of wss.clients) c.terminate(); return new Promise((r) => server.close(r)); } };
}

let obs: Awaited<ReturnType<typeof startObsStandIn>>;
let hub: TestHub;
beforeAll(async () => {
  obs = await startObsStandIn();
  hub = await startTestHub({ obs: { url: obs.url, combatScene: 'Battle Map', idleScene: 'Table Cam' } });
});
afterAll(async () => {
  await hub.close();
  await obs.close();
});

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 30));
};

describe('OBS scene switching', () => {
  it('switches to the combat scene when round 1 starts and back when combat ends, and not on later turns', async () => {
    const campaignId = (await hub.api('create_campaign', { name: 'Streamed', system: 'D&D 5e' })).body.value.campaign.id;
    await hub.api('start_session', { campaignId });
    await hub.api('add_combatants', { campaignId, combatants: [{ name: 'A', initiative: 10 }, { name: 'B', initiative: 5 }] });
    await waitFor(() => obs.identified() > 0);
    expect(obs.requests).toEqual([]); // connected; adding combatants switches nothing
    await hub.api('next_turn', { campaignId });
    await hub.api('next_turn', { campaignId });
    await hub.api('next_turn', { campaignId });
    await waitFor(() => obs.requests.length >= 1);
    await hub.api('end_combat', { campaignId });
    await waitFor(() => obs.requests.length >= 2);
    expect(obs.requests).toEqual([
      { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Battle Map' } },
      { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Table Cam' } },
    ]);
  });
});
