import { createInterface } from 'node:readline';
import type { Logger } from '../core/index.js';

/**
 * Relays MCP from stdin/stdout (Claude Desktop and other local clients) to a running hub's /mcp
 * endpoint, so that there is one writer of truth and the client's rolls reach the hub's sockets,
 * Discord and overlays. Each JSON-RPC line is POSTed as it arrives; JSON and SSE answers are written
 * back one message per line. Resolves when stdin ends.
 */
export async function relayStdioToHub(options: { url: string; token: string; logger: Logger; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }): Promise<void> {
  const { url, token, logger } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  let sessionId: string | undefined;
  let protocolVersion: string | undefined;
  const write = (message: unknown) => output.write(`${JSON.stringify(message)}\n`);
  const inFlight = new Set<Promise<void>>();

  const forward = async (line: string) => {
    let message: { id?: unknown; method?: string };
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: each line must be one JSON-RPC message' } });
      return;
    }
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` };
      if (sessionId) headers['mcp-session-id'] = sessionId;
      if (protocolVersion) headers['mcp-protocol-version'] = protocolVersion;
      const res = await fetch(`${url}/mcp`, { method: 'POST', headers, body: line });
      sessionId = res.headers.get('mcp-session-id') ?? sessionId;
      const type = res.headers.get('content-type') ?? '';
      const answers: unknown[] = [];
      if (type.includes('text/event-stream')) {
        for (const event of (await res.text()).split(/\r?\n\r?\n/)) {
          const data = event
            .split(/\r?\n/)
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (data) answers.push(JSON.parse(data));
        }
      } else if (type.includes('application/json')) {
        const body = await res.json();
        answers.push(...(Array.isArray(body) ? body : [body]));
      } else if (!res.ok && message.id !== undefined) {
        answers.push({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: `The hub at ${url} answered HTTP ${res.status}` } });
      }
      for (const answer of answers) {
        const v = (answer as { result?: { protocolVersion?: string } }).result?.protocolVersion;
        if (message.method === 'initialize' && v) protocolVersion = v;
        write(answer);
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not relay an MCP message to the hub');
      if (message.id !== undefined) write({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: `The hub at ${url} did not answer: ${(error as Error).message}` } });
    }
  };

  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    // Answers may come back out of order, as JSON-RPC allows; notifications keep their order
    // relative to the initialize handshake because initialize is awaited before anything else.
    const p = forward(line).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (!protocolVersion) await p;
  }
  await Promise.all(inFlight);
}
