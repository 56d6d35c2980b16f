// The floor for event fan-out: a bare socket.io server that broadcasts a given payload to every
// connected socket when POST /emit is called. With REDIS_URL it uses the same Redis streams adapter
// as the hub, so the cross-process floor pays for Redis too. Prints its port on stdout.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const options = { transports: ['websocket'] };
let closeRedis = async () => {};
if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-streams-adapter');
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  options.adapter = createAdapter(client, { streamName: `${process.env.STREAM}:socket.io`, channelPrefix: `${process.env.STREAM}:socket.io`, onlyPlaintext: true });
  closeRedis = () => client.close();
}
const io = new Server(http, options);
io.on('connection', (socket) => socket.join('room'));
http.on('request', async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') return;
  let body = '';
  for await (const chunk of req) body += chunk;
  io.to('room').emit('dice.rolled', JSON.parse(body));
  res.writeHead(204).end();
});
http.listen(0, '127.0.0.1', () => process.stdout.write(`${http.address().port}\n`));
process.on('SIGTERM', async () => {
  await closeRedis();
  process.exit(0);
});
