import type { Client } from '@modelcontextprotocol/client';
import type { HubConfig } from '../config/config-schema.js';
import { roleRank, type ExternalTools, type LlmToolSpec, type Logger, type Role, type ToolCallResult } from '../core/index.js';
import { hubVersion } from '../version.js';

type ServerConfig = HubConfig['ai']['mcpServers'][number];

interface Connected {
  config: ServerConfig;
  client: Client;
  tools: Map<string, LlmToolSpec>;
}

const SEP = '__';

/**
 * External MCP servers (stdio or Streamable HTTP) whose allowed tools the game master may call, named
 * `server__tool`. Servers connect in the background; one that fails is logged and left out.
 */
export function connectMcpToolSource(servers: ServerConfig[], logger: Logger): ExternalTools & { ready: Promise<void>; close(): Promise<void> } {
  const connected = new Map<string, Connected>();
  const log = logger.child({ component: 'mcp-servers' });
  let closed = false;

  async function connect(config: ServerConfig) {
    // Loaded only when a server is configured: the MCP client SDK takes a while to import.
    const [{ Client, StreamableHTTPClientTransport }, { StdioClientTransport }] = await Promise.all([import('@modelcontextprotocol/client'), import('@modelcontextprotocol/client/stdio')]);
    const client = new Client({ name: 'ttrpg-hub', version: hubVersion });
    const transport = config.command
      ? new StdioClientTransport({ command: config.command, args: config.args, env: { ...(process.env as Record<string, string>), ...config.env }, stderr: 'ignore' })
      : new StreamableHTTPClientTransport(new URL(config.url!), { requestInit: { headers: config.headers } });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      const allowAll = config.allowTools.includes('*');
      const offered = tools.filter((t) => allowAll || config.allowTools.includes(t.name));
      const specs = new Map(
        offered.map((t) => [
          `${config.id}${SEP}${t.name}`,
          { name: `${config.id}${SEP}${t.name}`, description: `[${config.id}] ${t.description ?? t.title ?? t.name}`.slice(0, 1024), inputSchema: t.inputSchema as Record<string, unknown> },
        ]),
      );
      if (closed) return void (await client.close());
      connected.set(config.id, { config, client, tools: specs });
      const missing = config.allowTools.filter((n) => n !== '*' && !tools.some((t) => t.name === n));
      log.info({ server: config.id, tools: [...specs.keys()], ...(missing.length ? { missing } : {}) }, `MCP server ${config.id}: ${specs.size} of ${tools.length} tools offered to the game master`);
    } catch (error) {
      log.warn({ server: config.id, err: { message: (error as Error).message } }, `MCP server ${config.id} could not be connected; its tools are not offered`);
      await client.close().catch(() => {});
    }
  }

  const ready = Promise.all(servers.map(connect)).then(() => {});
  const allowed = (c: Connected, actorKind: string, role: Role) => (c.config.access === 'owner' ? actorKind === 'owner' : roleRank(role) >= roleRank(c.config.access));

  return {
    ready,
    list(actor, role) {
      return [...connected.values()].filter((c) => allowed(c, actor.kind, role)).flatMap((c) => [...c.tools.values()]);
    },
    async call(name, input, { actor, role, signal }): Promise<ToolCallResult> {
      const [serverId, ...rest] = name.split(SEP);
      const server = connected.get(serverId ?? '');
      const tool = rest.join(SEP);
      const refuse = (code: 'FORBIDDEN' | 'UNKNOWN_TOOL', message: string): ToolCallResult => ({ ok: false, error: { code, message }, text: `${code}: ${message}` });
      if (!server || !server.tools.has(name)) return refuse('UNKNOWN_TOOL', `There is no external tool "${name}" (or it is not on its server's allow-list)`);
      if (!allowed(server, actor.kind, role)) return refuse('FORBIDDEN', `${name} needs ${server.config.access === 'owner' ? 'the hub owner' : `the ${server.config.access} role`}`);
      try {
        const result = await server.client.callTool({ name: tool, arguments: (input ?? {}) as Record<string, unknown> }, { signal });
        const text = (result.content as { type: string; text?: string }[] | undefined)?.flatMap((c) => (c.type === 'text' && c.text ? [c.text] : [])).join('\n') ?? '';
        if (result.isError) return { ok: false, error: { code: 'UNAVAILABLE', message: `${name} failed: ${text.slice(0, 500)}` }, text: `UNAVAILABLE: ${text}` };
        const value = (result.structuredContent as Record<string, unknown> | undefined) ?? { text };
        return { ok: true, value, text: text || JSON.stringify(value) };
      } catch (error) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `${name} failed: ${(error as Error).message}` }, text: `UNAVAILABLE: ${(error as Error).message}` };
      }
    },
    async close() {
      closed = true;
      await Promise.all([...connected.values()].map((c) => c.client.close().catch(() => {})));
      connected.clear();
    },
  };
}
