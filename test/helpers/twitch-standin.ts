import { jwtVerify, SignJWT } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CLIENT_ID = 'testclientid123';
export const OWNER_ID = '424242';
export const SECRET_B64 = Buffer.from('a test extension secret, 32+ bytes long!').toString('base64');
const key = new Uint8Array(Buffer.from(SECRET_B64, 'base64'));

/** A JWT like the one Twitch hands the extension in Twitch.ext.onAuthorized. */
export function extensionJwt(claims: { channel_id: string; role: string; exp?: number }, secret = key) {
  return new SignJWT({ opaque_user_id: 'U123', user_id: '555', pubsub_perms: { listen: ['broadcast'] }, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
    .sign(secret);
}

/**
 * A stand-in for Twitch's "Send Extension PubSub Message" endpoint: it checks the JWT claims and
 * headers the way Twitch does and records each accepted message. `rejectNext` answers 429s.
 */
export async function startTwitchStandIn() {
  const messages: { at: number; channelId: string; message: any; bytes: number }[] = [];
  const refusals: string[] = [];
  let rejectNext = 0;
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const refuse = (status: number, why: string) => {
      refusals.push(why);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: why }));
    };
    if (req.method !== 'POST' || req.url !== '/helix/extensions/pubsub') return refuse(404, `unexpected ${req.method} ${req.url}`);
    if (req.headers['client-id'] !== CLIENT_ID) return refuse(401, 'wrong Client-Id');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let claims: any;
    try {
      claims = (await jwtVerify(token ?? '', key, { algorithms: ['HS256'] })).payload;
    } catch (error) {
      return refuse(401, `bad JWT: ${(error as Error).message}`);
    }
    const body = JSON.parse(raw);
    if (claims.role !== 'external' || claims.user_id !== OWNER_ID) return refuse(403, 'JWT must be role external, user_id = owner');
    if (claims.channel_id !== body.broadcaster_id) return refuse(403, 'JWT channel_id differs from broadcaster_id');
    if (!claims.pubsub_perms?.send?.includes('broadcast') || !body.target?.includes('broadcast')) return refuse(403, 'no broadcast permission');
    const bytes = Buffer.byteLength(body.message);
    if (bytes > 5 * 1024) return refuse(422, 'message over 5 KB');
    if (rejectNext > 0) {
      rejectNext--;
      res.writeHead(429, { 'ratelimit-reset': String(Math.ceil(Date.now() / 1000)) }).end();
      return;
    }
    messages.push({ at: Date.now(), channelId: body.broadcaster_id, message: JSON.parse(body.message), bytes });
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/helix`,
    messages,
    refusals,
    rejectNext: (n: number) => void (rejectNext = n),
    close: () => new Promise((r) => server.close(r)),
  };
}
