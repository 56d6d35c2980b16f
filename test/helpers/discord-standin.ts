import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  path: string;
  body: any;
}

/**
 * A local stand-in for Discord: the REST API (gateway/bot, interaction callbacks, webhook edits,
 * channel messages, command registration) and the gateway websocket (HELLO, IDENTIFY -> READY,
 * dispatching INTERACTION_CREATE). It records every REST call for the test to inspect.
 */
export async function startDiscordStandIn() {
  const calls: RecordedCall[] = [];
  const sockets = new Set<WebSocket>();
  let seq = 0;
  /** Registered commands per route (global or per guild), as Discord keeps them. */
  const registered = new Map<string, unknown>();
  let identified: () => void;
  const ready = new Promise<void>((resolve) => (identified = resolve));
  const files = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    // Uploaded files, as Discord's CDN serves them (attachment URLs in interactions point here).
    if (req.method === 'GET' && req.url?.startsWith('/attachments/')) {
      const file = files.get(req.url);
      calls.push({ method: 'GET', path: req.url, body: null });
      res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream' });
      return res.end(file ?? '');
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const path = (req.url ?? '').replace(/^\/api\/v10/, '');
    calls.push({ method: req.method ?? '', path, body: raw ? JSON.parse(raw) : null });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/gateway/bot')) return json(200, { url: `ws://127.0.0.1:${port()}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    // Discord answers callbacks with 204 and no content type (discord.js would try to parse it).
    if (path.includes('/callback')) {
      res.writeHead(204);
      return res.end();
    }
    if (path.startsWith('/channels/')) return json(200, { id: String(++seq), channel_id: path.split('/')[2], content: '' });
    if (req.method === 'PUT' && path.includes('/commands')) {
      registered.set(path, JSON.parse(raw || '[]'));
      return json(200, registered.get(path));
    }
    if (req.method === 'GET' && path.includes('/commands')) return json(200, registered.get(path) ?? []);
    json(200, {});
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (m) => {
      const p = JSON.parse(m.toString());
      if (p.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (p.op === 2) {
        ws.send(JSON.stringify({ op: 0, s: ++seq, t: 'READY', d: { v: 10, user: { id: '1', username: 'hub-bot', discriminator: '0', bot: true }, guilds: [], session_id: 's', resume_gateway_url: `ws://127.0.0.1:${port()}`, application: { id: APP_ID, flags: 0 }, shard: [0, 1] } }));
        identified();
      }
    });
    ws.on('close', () => sockets.delete(ws));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = () => (server.address() as AddressInfo).port;

  // The application's key pair: the hub gets the public half, tests sign with the private one.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');

  return {
    apiUrl: `http://127.0.0.1:${port()}/api`,
    publicKeyHex,
    calls,
    ready,
    /** Signs a body as Discord would. */
    sign(body: string, timestamp = String(Math.floor(Date.now() / 1000))) {
      return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
    },
    /** Hosts a file as an uploaded attachment and returns what an interaction's resolved.attachments holds for it. */
    attach(filename: string, content: string | Buffer, declaredSize?: number) {
      const id = String(100000 + files.size);
      const path = `/attachments/${id}/${filename}`;
      const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
      files.set(path, bytes);
      return { id, filename, size: declaredSize ?? bytes.length, url: `http://127.0.0.1:${port()}${path}`, proxy_url: `http://127.0.0.1:${port()}${path}`, content_type: 'application/json' };
    },
    dispatch(t: string, d: unknown) {
      for (const ws of sockets) ws.send(JSON.stringify({ op: 0, s: ++seq, t, d }));
    },
    async waitFor(predicate: (c: RecordedCall) => boolean, what: string): Promise<RecordedCall> {
      for (let i = 0; i < 200; i++) {
        const hit = calls.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`Discord stand-in never received ${what}; calls: ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export const APP_ID = '111111111111111111';

/** A slash-command interaction payload as Discord sends it. */
export function commandPayload(name: string, options: unknown[], who: { userId?: string; name?: string; manager?: boolean; channelId?: string; guildId?: string; roles?: string[] } = {}) {
  return {
    id: String(Math.floor(Math.random() * 1e15)),
    application_id: APP_ID,
    type: 2,
    token: `token-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: who.guildId ?? '222',
    channel_id: who.channelId ?? '333',
    member: {
      user: { id: who.userId ?? '444', username: who.name ?? 'alice', global_name: who.name ?? 'Alice', discriminator: '0' },
      roles: who.roles ?? [],
      // 0x20 is Manage Server
      permissions: who.manager ? '32' : '0',
      joined_at: '2020-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
    },
    data: { id: '555', name, type: 1, options },
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    app_permissions: '0',
  };
}

export const sub = (name: string, options: unknown[] = []) => ({ type: 1, name, options });
export const opt = (name: string, value: string | number | boolean, type = typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4) => ({ name, type, value });
