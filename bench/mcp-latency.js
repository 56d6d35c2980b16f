// Tool-call latency over MCP, stdio and Streamable HTTP: the hub's roll_dice next to a floor (a bare
// SDK server with one echo tool, bench/floor-server.js) served the same way and driven by the same
// SDK v1 client, so hub/floor is what the hub itself adds over the SDK and the transport.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HubConfigSchema } from '../dist/config/config-schema.js';
import { envVars } from '../dist/config/env-vars.js';
import { createCore, InMemoryEventBus, ownerActor } from '../dist/core/index.js';
import { createMcpServerFactory } from '../dist/mcp/create-mcp-server.js';
import { createHub } from '../dist/server.js';
import { openStore } from '../dist/stores/open-store.js';
import { createFloorServer } from './floor-server.js';
import { summarize, timeSequential } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
// The servers of a transport take turns in blocks, the order rotating, rather than one after the other,
// so a drift during the run (JIT tiers, GC heap growth, a busy neighbour) hits them all alike.
const BLOCKS = 8;

const HUB_CALL = { name: 'roll_dice', arguments: { expression: '1d20+5' } };
const FLOOR_CALL = { name: 'echo', arguments: { text: '1d20+5' } };
const root = fileURLToPath(new URL('..', import.meta.url));

/** A connected v1 client plus what it takes to tear it and its server down. */
async function connect(transport, cleanup = async () => {}) {
  const client = new Client({ name: 'ttrpg-hub-bench', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await cleanup();
    throw error;
  }
  // The v1 HTTP transport passes one long-lived AbortSignal to every fetch; Node's fetch only drops its
  // listener when the request is garbage-collected, so thousands of calls can cross the 1500-listener
  // warning, and printing a warning per call would land in the timings. A client-side artefact, not the hub's.
  if (transport._abortController) setMaxListeners(0, transport._abortController.signal);
  return { client, close: async () => { await client.close(); await cleanup(); } };
}

/** `ttrpg-hub mcp` as an MCP host runs it: a child process, its own data folder, SQLite storage. */
async function stdioHub(tmp) {
  // The caller's shell may set STORE_URL, REDIS_URL, HUB_OWNER_TOKEN...; the bench must not pick those up.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !envVars.some((e) => e.name === k)));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'bin/ttrpg-hub.js'), 'mcp'],
    env: { ...env, DATA_DIR: tmp, LOG_LEVEL: 'warn' },
    cwd: tmp, // so a developer's config/local.yaml is not read either
    stderr: 'inherit', // at warn level only real problems reach the terminal
  });
  return connect(transport);
}

async function stdioFloor() {
  return connect(new StdioClientTransport({ command: process.execPath, args: [join(root, 'bench/floor-server.js')], stderr: 'inherit' }));
}

/** The full hub in this process (Express, bearer auth, socket.io on the same server), memory store. */
async function httpHub(tmp) {
  const ownerToken = randomBytes(24).toString('base64url');
  const config = HubConfigSchema.parse({ dataDir: tmp, storage: { url: 'memory://' }, auth: { ownerToken }, log: { level: 'silent' }, server: { port: 0 } });
  const hub = await createHub(config);
  const transport = new StreamableHTTPClientTransport(new URL(`${hub.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${ownerToken}` } } });
  return connect(transport, () => hub.close());
}

/** The SDK's own HTTP serving on a bare node:http server, also in this process, like the hub above. */
async function httpFloor() {
  return serveHttp(createFloorServer);
}

async function serveHttp(factory) {
  const handler = createMcpHandler(factory);
  const server = createServer(toNodeHandler(handler));
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const stop = async () => {
    await handler.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${server.address().port}/mcp`));
  return connect(transport, stop);
}

/** Sequential calls; any isError result aborts the run, since a fast error would flatter the figures. */
function caller(client, call) {
  return async () => {
    const result = await client.callTool(call);
    if (result.isError) throw new Error(`${call.name} failed: ${result.content?.[0]?.text}`);
  };
}

/**
 * Measures every target over the same run: warm-up each, then BLOCKS blocks in which each target makes
 * its share of the calls, the order rotating from block to block.
 */
async function measureAll(targets) {
  const calls = targets.map((t) => caller(t.client, t.call));
  for (const call of calls) await timeSequential(call, WARMUP);
  const samples = targets.map(() => []);
  const perBlock = Math.ceil(CALLS / BLOCKS);
  for (let b = 0; b < BLOCKS; b++) {
    const n = Math.min(perBlock, CALLS - b * perBlock);
    for (let k = 0; k < targets.length; k++) {
      const i = (b + k) % targets.length;
      samples[i].push(...(await timeSequential(calls[i], n)));
    }
  }
  return samples.map(summarize);
}

/** `servers` is [[label, open, call], ...] with the floor first; children and temp folders go in any case. */
async function transportRun(transport, servers) {
  const tmp = mkdtempSync(join(tmpdir(), 'ttrpg-hub-bench-'));
  const opened = [];
  try {
    for (const [, open] of servers) opened.push(await open(tmp));
    const stats = await measureAll(opened.map((o, i) => ({ client: o.client, call: servers[i][2] })));
    return { transport, rows: servers.map(([label], i) => ({ label, stats: stats[i] })) };
  } finally {
    // Closing a stdio client ends the child's stdin, then SIGTERM/SIGKILL if it lingers (SDK behaviour).
    for (const o of opened.reverse()) await o.close().catch((error) => process.stderr.write(`cleanup: ${error.message}\n`));
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A core over a memory store, as createHub builds it, for the diagnostics that leave Express out. */
async function bareCore() {
  const store = await openStore('memory://');
  const events = new InMemoryEventBus();
  const core = createCore({ store, events, ownerToken: randomBytes(24).toString('base64url') });
  const factory = createMcpServerFactory(core.registry, { name: 'ttrpg-hub', version: 'bench' }, () => ownerActor());
  return { core, factory, close: async () => { await events.close(); await store.close(); } };
}

/** Diagnostic: the hub's MCP server factory served like the floor, to split the HTTP gap into Express/auth vs MCP/tools. */
async function httpHubBare() {
  const bare = await bareCore();
  const served = await serveHttp(bare.factory).catch(async (error) => { await bare.close(); throw error; });
  return { ...served, close: async () => { await served.close(); await bare.close(); } };
}

/**
 * Stateless HTTP builds a fresh McpServer per request from the factory. This times that step alone,
 * and with the roll_dice output schema turned into JSON Schema, which the SDK memoises per McpServer
 * (so once per tools/call over HTTP, once per connection over stdio).
 */
async function serverConstruction() {
  const bare = await bareCore();
  try {
    const ctx = { era: 'legacy' };
    const time = async (make) => {
      await timeSequential(() => make(ctx), 100);
      return summarize(await timeSequential(() => make(ctx), 1000));
    };
    // _registeredTools is the SDK's private map: if a release renames it, skip that row rather than fail.
    const withSchema = bare.factory(ctx)._registeredTools?.roll_dice
      ? await time((c) => bare.factory(c)._registeredTools.roll_dice.outputSchemaJson)
      : undefined;
    return { floor: await time(createFloorServer), hub: await time(bare.factory), withSchema, tools: bare.core.registry.list().length };
  } finally {
    await bare.close();
  }
}

export async function run() {
  const stdio = await transportRun('stdio', [
    ['floor (echo)', stdioFloor, FLOOR_CALL],
    ['hub (roll_dice)', stdioHub, HUB_CALL],
  ]);
  const http = await transportRun('HTTP', [
    ['floor (echo)', httpFloor, FLOOR_CALL],
    ['hub (roll_dice)', httpHub, HUB_CALL],
    ['hub MCP factory on bare node:http (roll_dice) ¹', httpHubBare, HUB_CALL],
  ]);
  const build = await serverConstruction();

  const columns = ['Transport', 'Server', 'Calls', 'p50 ms', 'p99 ms', 'mean ms', 'max ms'].map((title, i) => ({ title, align: i < 2 ? 'left' : 'right' }));
  const rows = [];
  for (const t of [stdio, http]) {
    const floor = t.rows[0].stats;
    const hub = t.rows[1].stats;
    for (const { label, stats: s } of t.rows.slice(0, 2)) rows.push([t.transport, label, s.n, ms(s.p50), ms(s.p99), ms(s.mean), ms(s.max)]);
    rows.push([t.transport, '**hub / floor**', '', ratio(hub.p50 / floor.p50), ratio(hub.p99 / floor.p99), ratio(hub.mean / floor.mean), '']);
    for (const { label, stats: s } of t.rows.slice(2)) rows.push([t.transport, label, s.n, ms(s.p50), ms(s.p99), ms(s.mean), ms(s.max)]);
  }
  const buildColumns = ['Per-request step (HTTP)', 'Tools', 'p50 ms', 'p99 ms', 'mean ms'].map((title, i) => ({ title, align: i === 0 ? 'left' : 'right' }));
  const buildRow = (label, tools, s) => [label, tools, ms(s.p50), ms(s.p99), ms(s.mean)];
  const buildRows = [buildRow('floor factory: new McpServer', 1, build.floor), buildRow('hub factory (createMcpServerFactory): new McpServer', build.tools, build.hub)];
  if (build.withSchema) buildRows.push(buildRow('hub factory + roll_dice outputSchema to JSON Schema', build.tools, build.withSchema));
  return {
    title: 'MCP tool-call latency',
    description:
      `${CALLS} sequential calls per server after ${WARMUP} warm-up calls, the servers of a transport taking turns in ${BLOCKS} blocks; ` +
      `client: @modelcontextprotocol/sdk v1 Client (protocol 2025-11-25). Hub: \`roll_dice {expression: '1d20+5'}\`; ` +
      `floor: bench/floor-server.js, one \`echo\` tool on the bare v2 SDK. stdio: both servers are child processes ` +
      `(the hub as \`ttrpg-hub mcp\`, SQLite store in a temp folder). HTTP: all in the bench process on 127.0.0.1 ` +
      `(the hub via createHub with a memory store and a bearer token; the floor via createMcpHandler + toNodeHandler on node:http).`,
    tables: [
      markdownTable(columns, rows),
      '¹ Diagnostic, not the hub as deployed: the hub\'s tools through createMcpServerFactory, served exactly like the floor ' +
        '(no Express, host/origin checks or bearer auth). Full hub minus this row is the HTTP app layer; this row minus the floor is the MCP/tool layer.',
      `Per-request work under stateless HTTP (the SDK calls the factory once per POST), timed alone, 1000 times after 100 warm-up:\n\n` +
        markdownTable(buildColumns, buildRows),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  console.log(`## ${result.title}\n\n${result.description}\n\n${result.tables.join('\n\n')}`);
}
