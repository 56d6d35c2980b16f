import { McpServer, type CallToolResult, type McpRequestContext, type ServerContext } from '@modelcontextprotocol/server';
import { checkInputSize, type Actor, type ToolCallResult, type ToolRegistry } from '../core/index.js';
import { listedSchema } from './listed-schema.js';

export interface McpServerInfo {
  name: string;
  version: string;
}

/** Resolves who is calling from the MCP request context (bearer token over HTTP, the local user over stdio). */
export type ActorResolver = (ctx: McpRequestContext) => Actor;

/**
 * A factory of MCP servers over the tool registry. Both protocol generations (2025-11-25 and
 * 2026-07-28) are served from it by the SDK's serving entries.
 */
export function createMcpServerFactory(registry: ToolRegistry, info: McpServerInfo, actorFor: ActorResolver) {
  const schemas = new Map(registry.list().map((t) => [t.name, { input: listedSchema(t.input), output: listedSchema(t.output) }]));
  return (requestContext: McpRequestContext): McpServer => {
    const actor = actorFor(requestContext);
    const server = new McpServer(info, {
      capabilities: { tools: {} },
      instructions:
        'ttrpg-hub: tools for tabletop RPG game masters. Start with list_campaigns; most tools take a campaignId or sessionId. ' +
        'Errors are tool results with isError and say which field was wrong.',
    });
    for (const tool of registry.list()) {
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: schemas.get(tool.name)!.input,
          outputSchema: schemas.get(tool.name)!.output,
          annotations: { title: tool.title, ...tool.annotations },
        },
        async (args: unknown, ctx: ServerContext) => {
          // The endpoint admits import-sized bodies; every other tool keeps the small cap.
          const size = checkInputSize(tool.name, args);
          if (!size.ok) return toCallToolResult({ ...size, text: `${size.error.code}: ${size.error.message}` });
          return toCallToolResult(
            await registry.call(tool.name, args, {
              actor,
              signal: ctx.mcpReq.signal,
              progress: progressReporter(ctx),
            }),
          );
        },
      );
    }
    return server;
  };
}

/** Maps a registry result onto MCP: data as structuredContent plus text; expected failures as isError results. */
export function toCallToolResult(result: ToolCallResult): CallToolResult {
  if (result.ok) return { content: [{ type: 'text', text: result.text }], structuredContent: result.value };
  return { content: [{ type: 'text', text: result.text }], isError: true };
}

/** Forwards tool progress as MCP progress notifications, when the client asked for them. */
function progressReporter(ctx: ServerContext) {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) return undefined;
  return (p: { progress: number; total?: number; message?: string }) => {
    void ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, ...p } }).catch(() => {});
  };
}
