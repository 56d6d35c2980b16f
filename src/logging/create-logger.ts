import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../core/index.js';

export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * A pino logger writing to stderr, always: stdout belongs to the MCP stdio transport. Readable
 * lines when stderr is a terminal (or `pretty`), JSON lines otherwise (log collectors, files).
 * Anything that looks like a secret is redacted before it is written.
 */
export function createLogger(level: string, bindings: Record<string, unknown> = {}, format: LogFormat = 'auto'): Logger & { flush(): void } {
  const readable = format === 'pretty' || (format === 'auto' && process.stderr.isTTY === true);
  const destination = readable
    ? pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' })
    : pino.destination({ fd: 2, sync: true });
  const logger = pino(
    {
      level,
      base: { service: 'ttrpg-hub', ...bindings },
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', '*.headers.authorization', 'ownerToken', '*.ownerToken', 'apiKey', '*.apiKey', 'secret', '*.secret', 'extensionSecret', '*.extensionSecret', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    destination,
  );
  return logger as unknown as Logger & { flush(): void };
}
