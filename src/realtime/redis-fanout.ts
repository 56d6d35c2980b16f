import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Logger } from '../core/index.js';

/**
 * The socket.io Redis streams adapter: hub processes exchange socket broadcasts through a Redis
 * stream. Chosen over the pub/sub adapter because a stream is read from the last offset seen, so a
 * Redis restart or a network blip delays events instead of losing them.
 */
export async function connectRedisFanout(url: string, namespace: string, logger: Logger): Promise<{ adapter: ServerOptions['adapter']; close(): Promise<void> }> {
  const client = createClient({ url });
  client.on('error', (error: Error) => logger.warn({ err: error }, 'redis (socket fan-out) error; retrying'));
  await client.connect();
  return {
    adapter: createAdapter(client as never, { streamName: `${namespace}:socket.io`, channelPrefix: `${namespace}:socket.io`, onlyPlaintext: true }),
    close: async () => {
      await client.close();
    },
  };
}
