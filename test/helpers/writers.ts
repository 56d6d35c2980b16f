import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { resolve } from 'node:path';

/** One way into a hub (its HTTP API, or the stdio MCP server): calls a tool and says whether it was acknowledged. */
export interface Writer {
  name: string;
  call(tool: string, input: Record<string, unknown>): Promise<{ ok: boolean; value: any; text: string }>;
  close(): Promise<void>;
}

export function httpWriter(url: string, token: string, name = url): Writer {
  return {
    name,
    async call(tool, input) {
      const res = await fetch(`${url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
      const body = (await res.json()) as any;
      return { ok: res.status === 200 && body.ok !== false, value: body.value, text: JSON.stringify(body) };
    },
    close: async () => {},
  };
}

/** `ttrpg-hub mcp` as Claude Desktop runs it, on the given environment (data folder, store). */
export async function stdioWriter(env: Record<string, string>, args: string[] = []): Promise<Writer & { stderr: () => string }> {
  const client = new Client({ name: 'claude-desktop-like', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [resolve('bin/ttrpg-hub.js'), 'mcp', ...args],
    env: { ...(process.env as Record<string, string>), LOG_LEVEL: 'info', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (c) => (stderr += String(c)));
  await client.connect(transport);
  return {
    name: 'stdio',
    stderr: () => stderr,
    async call(tool, input) {
      const r = (await client.callTool({ name: tool, arguments: input }, undefined, { timeout: 60_000 })) as any;
      return { ok: !r.isError, value: r.structuredContent, text: r.content?.[0]?.text ?? '' };
    },
    close: () => client.close(),
  };
}
