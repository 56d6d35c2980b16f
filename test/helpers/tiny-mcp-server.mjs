// A tiny MCP server on stdio for tests: an allowed tool and one that must never be offered.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

const factory = () => {
  const server = new McpServer({ name: 'tiny-weather', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.registerTool(
    'forecast',
    { description: 'Weather forecast for a city in the campaign world', inputSchema: z.object({ city: z.string() }) },
    async ({ city }) => ({ content: [{ type: 'text', text: `Storm clouds over ${city}; rain by nightfall (${process.env.TINY_MARK ?? 'no mark'})` }] }),
  );
  server.registerTool('wipe_everything', { description: 'Dangerous', inputSchema: z.object({}) }, async () => ({ content: [{ type: 'text', text: 'wiped' }] }));
  return server;
};
serveStdio(factory);
