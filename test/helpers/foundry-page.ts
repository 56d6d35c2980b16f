import { build } from 'esbuild';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import { unzip } from '../adapters/foundry/unzip.js';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Foundry stand-in</title>
<script src="/socket.io/socket.io.js"></script>
<script src="/standin.js"></script>
<link rel="stylesheet" href="/modules/ttrpg-hub/styles/ttrpg-hub.css">
<script type="module">
  // Foundry's own connection, made before any module loads, with Foundry's own global io.
  window.foundryIo = window.io;
  game.socket = io({ transports: ['websocket'] });
  const config = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  await import('/modules/ttrpg-hub/scripts/ttrpg-hub.js');
  Hooks.callAll('init');
  await game.settings.set('ttrpg-hub', 'hubUrl', config.hubUrl);
  await game.settings.set('ttrpg-hub', 'campaignId', config.campaignId);
  await game.settings.set('ttrpg-hub', 'token', config.token);
  Hooks.callAll('ready');
  document.body.dataset.ready = 'true';
</script></head><body></body></html>`;

/**
 * A stand-in Foundry server: the page with the stand-in globals, Foundry's own socket.io server
 * (with its client script at /socket.io/socket.io.js, as Foundry serves it), and the module's files
 * taken from the zip the hub serves, as Foundry would install them.
 */
export async function startFoundryPage(moduleZip: Buffer, tls?: { cert: Buffer; key: Buffer }) {
  const files = unzip(moduleZip);
  const bundle = await build({ entryPoints: [resolve('test/foundry/browser-standin.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false });
  const standin = bundle.outputFiles[0]!.text;
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (path === '/') return send('text/html', PAGE);
    if (path === '/standin.js') return send('text/javascript', standin);
    const file = path.startsWith('/modules/ttrpg-hub/') ? files.get(path.slice('/modules/ttrpg-hub/'.length)) : undefined;
    if (file) return send(path.endsWith('.css') ? 'text/css' : path.endsWith('.json') ? 'application/json' : 'text/javascript', file);
    res.writeHead(404).end();
  };
  const server: Server = tls ? createHttps(tls, handler) : createHttp(handler);
  const io = new SocketServer(server);
  let connections = 0;
  const received: unknown[] = [];
  io.on('connection', (socket) => {
    connections += 1;
    socket.on('module.ttrpg-hub', (data: unknown, ack?: (reply: unknown) => void) => {
      received.push(data);
      ack?.({ echoed: data });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => connections,
    received,
    close: () => new Promise<void>((ok) => void io.close(() => ok())),
  };
}
