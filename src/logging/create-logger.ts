import { pino } from 'pino';
import type { Logger } from '../core/index.js';

/**
 * A pino logger writing JSON lines to stderr, always: stdout belongs to the MCP stdio transport.
 * Anything that looks like a secret is redacted before it is written.
 */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger & { flush(): void } {
  const logger = pino(
    {
      level,
      base: { service: 'ttrpg-hub', ...bindings },
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', '*.headers.authorization', 'ownerToken', '*.ownerToken', 'apiKey', '*.apiKey', 'secret', '*.secret', 'extensionSecret', '*.extensionSecret', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return logger as unknown as Logger & { flush(): void };
}
