// The floor for the MCP latency benchmark: the SDK with one trivial tool and nothing of the hub
// (no registry, no auth, no Express, no store). Whatever the hub adds on top shows as hub/floor.
// Run directly it serves stdio, as `ttrpg-hub mcp` does; mcp-latency.js imports the factory for HTTP.
import { McpServer } from '@modelcontextprotocol/server';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** One McpServer with an `echo` tool; the serving entries call this per connection (stdio) or per request (HTTP). */
export function createFloorServer() {
  const server = new McpServer({ name: 'bench-floor', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.registerTool(
    'echo',
    { title: 'Echo', description: 'Returns its text.', inputSchema: z.object({ text: z.string() }) },
    async ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { serveStdio } = await import('@modelcontextprotocol/server/stdio');
  // Exits on its own when the client closes stdin: the transport closes and no other handle is left.
  serveStdio(createFloorServer, { onerror: (error) => process.stderr.write(`floor: ${error.message}\n`) });
}
