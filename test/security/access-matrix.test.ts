import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleRank, type AnyTool, type Role } from '../../src/core/index.js';
import { sampleInput, type SampleIds } from '../helpers/sample-input.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// Issue 14: every tool of the registry, for every kind of caller, over HTTP, MCP and sockets. The
// expected outcome is derived from each tool's declared access, so new tools are covered as they come.
let hub: TestHub;
let ids: SampleIds;
let other: string;
const tokens: Record<string, string> = {};
let schemas: Record<string, object>;
const tableSockets: { socket: Socket; events: { type: string; body: unknown }[] }[] = [];
let hiddenId: string;

type Caller = 'anonymous' | 'garbage' | 'viewer' | 'player' | 'otherPlayer' | 'foreignGm' | 'gm' | 'owner';
const callers: Caller[] = ['anonymous', 'garbage', 'viewer', 'player', 'otherPlayer', 'foreignGm', 'gm', 'owner'];
const roleOf: Partial<Record<Caller, Role>> = { viewer: 'viewer', player: 'player', otherPlayer: 'player', foreignGm: 'gm', gm: 'gm' };

/** What the caller must get: refused at the door, refused by role, or let through (any other outcome). */
function expected(tool: AnyTool, caller: Caller): 'unauthenticated' | 'forbidden' | 'allowed' {
  if (caller === 'anonymous' || caller === 'garbage') return 'unauthenticated';
  if (caller === 'owner') return 'allowed';
  if (tool.access === 'owner' || roleRank(roleOf[caller]!) < roleRank(tool.access)) return 'forbidden';
  // The GM of another campaign is pointed at this one whenever the tool takes a campaign.
  if (caller === 'foreignGm' && tool.campaign !== 'none' && ('campaignId' in tool.input.shape || 'sessionId' in tool.input.shape)) return 'forbidden';
  return 'allowed';
}

/**
 * The role check's verdict. A FORBIDDEN from the role check says what the tool "needs"; one from an
 * object-level rule (a player touching a monster) comes after the role check passed.
 */
const outcome = (ok: boolean, code: string | undefined, message = '') =>
  ok ? 'allowed' : code === 'UNAUTHENTICATED' ? 'unauthenticated' : code === 'FORBIDDEN' && /needs the|not offered/.test(message) ? 'forbidden' : 'allowed';

beforeAll(async () => {
  hub = await startTestHub();
  const a = (await hub.api('create_campaign', { name: 'Matrix', system: 'D&D 5e' })).body.value.campaign.id;
  other = (await hub.api('create_campaign', { name: 'Elsewhere', system: 'D&D 5e' })).body.value.campaign.id;
  const session = (await hub.api('start_session', { campaignId: a })).body.value.session.id;
  const added = (await hub.api('add_combatants', { campaignId: a, combatants: [{ name: 'Goblin', initiative: 10, hp: 7 }, { name: 'Shade', initiative: 9, hidden: true }] })).body.value.added;
  hiddenId = added[1].id;
  ids = { campaignId: a, sessionId: session, combatantId: added[0].id };
  tokens.garbage = 'tth_not-a-real-token-at-all-0123456789';
  tokens.owner = OWNER_TOKEN;
  for (const [caller, campaignId, role] of [['viewer', a, 'viewer'], ['player', a, 'player'], ['otherPlayer', a, 'player'], ['gm', a, 'gm'], ['foreignGm', other, 'gm']] as const) {
    tokens[caller] = (await hub.api('create_access_token', { campaignId, name: caller, role })).body.value.token;
  }
  const listed = await fetch(`${hub.url}/api/tools`, { headers: { authorization: `Bearer ${OWNER_TOKEN}` } });
  schemas = Object.fromEntries(((await listed.json()) as any).tools.map((t: any) => [t.name, t.input]));
  // The table's sockets listen throughout: whatever the matrix triggers, no secret may reach them.
  for (const caller of ['viewer', 'player'] as const) {
    const socket = connect(hub.url, { auth: { token: tokens[caller] }, transports: ['websocket'] });
    const events: { type: string; body: unknown }[] = [];
    socket.onAny((type, body) => events.push({ type, body }));
    await new Promise<void>((ok, fail) => (socket.once('connect', () => ok()), socket.once('connect_error', fail)));
    await socket.timeout(5000).emitWithAck('subscribe', { campaignId: a });
    tableSockets.push({ socket, events });
  }
  // Secrets for the table sockets not to see.
  await hub.api('roll_dice', { campaignId: a, expression: '1d20 # secret-roll-label', secret: true });
  await hub.api('add_session_note', { campaignId: a, note: 'secret-note-text', secret: true });
});
afterAll(async () => {
  for (const s of tableSockets) s.socket.disconnect();
  await hub?.close();
});

const tools = () => hub.core.registry.list().filter((t) => t.name !== 'delete_campaign');

describe('access matrix over HTTP, MCP and sockets', () => {
  it('answers every tool for every caller over HTTP as its access says', async () => {
    const wrong: string[] = [];
    for (const caller of callers) {
      for (const tool of tools()) {
        const input = sampleInput(schemas[tool.name] as object, ids);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (tokens[caller]) headers.authorization = `Bearer ${tokens[caller]}`;
        const res = await fetch(`${hub.url}/api/tools/${tool.name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
        const body = (await res.json()) as any;
        expect(res.status, `${caller} ${tool.name}`).toBeLessThan(500);
        const got = outcome(res.status === 200, body.error?.code, body.error?.message);
        if (got !== expected(tool, caller)) wrong.push(`${caller} ${tool.name}: got ${got} (${JSON.stringify(body).slice(0, 160)}), expected ${expected(tool, caller)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lists, and lets call over MCP, exactly the tools each caller may use', async () => {
    for (const caller of callers) {
      const client = new Client({ name: 'matrix', version: '1' });
      const transport = new StreamableHTTPClientTransport(new URL(`${hub.url}/mcp`), tokens[caller] ? { requestInit: { headers: { authorization: `Bearer ${tokens[caller]}` } } } : {});
      const connected = await client.connect(transport).then(() => true, () => false);
      if (caller === 'anonymous' || caller === 'garbage') {
        expect(connected, caller).toBe(false);
        continue;
      }
      expect(connected, caller).toBe(true);
      const listed = new Set((await client.listTools()).tools.map((t) => t.name));
      // What tools/list shows is what the role may call somewhere: its own campaign for a member.
      const mayList = hub.core.registry.list().filter((t) => t.access !== 'owner' || caller === 'owner').filter((t) => caller === 'owner' || roleRank(roleOf[caller]!) >= roleRank(t.access === 'owner' ? 'gm' : t.access));
      expect([...listed].sort(), caller).toEqual(mayList.map((t) => t.name).sort());
      for (const tool of tools()) {
        const r = (await client.callTool({ name: tool.name, arguments: sampleInput(schemas[tool.name] as object, ids) }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: `FORBIDDEN: not offered (${e.message})` }] }))) as any;
        const code = r.isError ? /^([A-Z_]+):/.exec(r.content?.[0]?.text ?? '')?.[1] : undefined;
        expect(outcome(!r.isError, code, r.content?.[0]?.text), `${caller} ${tool.name}: ${r.content?.[0]?.text?.slice(0, 120)}`).toBe(expected(tool, caller));
      }
      await client.close();
    }
  }, 180_000);

  it('answers every tool for every caller over sockets, refuses unauthenticated sockets, and never leaks to the table', async () => {
    for (const caller of callers) {
      const socket = connect(hub.url, { auth: tokens[caller] ? { token: tokens[caller] } : {}, transports: ['websocket'], reconnection: false });
      const connected = await new Promise<boolean>((ok) => (socket.once('connect', () => ok(true)), socket.once('connect_error', () => ok(false))));
      if (caller === 'anonymous' || caller === 'garbage') {
        expect(connected, caller).toBe(false);
        socket.close();
        continue;
      }
      const sub = await socket.timeout(5000).emitWithAck('subscribe', { campaignId: ids.campaignId });
      expect(sub.ok, `${caller} subscribe`).toBe(caller !== 'foreignGm');
      for (const tool of tools()) {
        const r = await socket.timeout(10_000).emitWithAck('tool', { name: tool.name, input: sampleInput(schemas[tool.name] as object, ids) });
        expect(outcome(r.ok, r.error?.code, r.error?.message), `${caller} ${tool.name}: ${JSON.stringify(r).slice(0, 160)}`).toBe(expected(tool, caller));
      }
      socket.close();
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const { events } of tableSockets) {
      expect(events.length).toBeGreaterThan(0);
      const seen = JSON.stringify(events);
      expect(seen).not.toContain('secret-roll-label');
      expect(seen).not.toContain('secret-note-text');
      expect(seen).not.toContain(hiddenId);
      expect(events.filter((e) => e.type === 'dice.rolled' && (e.body as any).secret)).toEqual([]);
    }
  }, 180_000);
});
