import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from './config/load-config.js';
import type { HubConfig } from './config/config-schema.js';
import { envVars } from './config/env-vars.js';
import { renderToolCatalogue } from './docs/readme-tables.js';
import { hubVersion } from './version.js';
import { coreTools, ownerActor } from './core/index.js';

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
};

function config(opts: { config?: string; port?: number; host?: string }): HubConfig {
  try {
    return loadConfig({ file: opts.config, overrides: { 'server.port': opts.port, 'server.host': opts.host } });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee config/example.env and config/default.yaml for the allowed values.\n`);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command()
  .name('ttrpg-hub')
  .description('One hub for tabletop RPG game masters, players and streamers: dice, campaigns, sessions and initiative over MCP, HTTP and socket.io.')
  .version(hubVersion)
  .showHelpAfterError()
  .addHelpText('after', `\nEnvironment variables:\n${envVars.map((v) => `  ${v.name.padEnd(28)} ${v.description}`).join('\n')}`);

program
  .command('start')
  .description('Run the hub: HTTP, socket.io and MCP (Streamable HTTP at /mcp) on one port')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .option('-p, --port <port>', 'port to listen on (default 3000)', port)
  .option('-H, --host <host>', 'interface to listen on (default 127.0.0.1)')
  .action(async (opts) => {
    // Heavy modules load only for the command that needs them, so --help stays instant.
    const { createHub } = await import('./server.js');
    const hub = await createHub(config(opts)).catch((error: Error) => {
      process.stderr.write(`Could not start the hub: ${error.message}\n`);
      process.exit(1);
    });
    const stop = async (signal: string) => {
      hub.logger.info({ signal }, 'stopping');
      await hub.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('mcp')
  .description('Serve the tools over MCP on stdin/stdout (for Claude Desktop and other local clients); logs go to stderr')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .option('-t, --token <token>', 'act as this campaign token instead of the hub owner')
  .action(async (opts) => {
    const [{ createCoreFromConfig }, { createMcpServerFactory }, { serveStdio }] = await Promise.all([
      import('./server.js'),
      import('./mcp/create-mcp-server.js'),
      import('@modelcontextprotocol/server/stdio'),
    ]);
    const cfg = config(opts);
    const { core, logger, store, events, closeRules } = await createCoreFromConfig(cfg).catch((error: Error) => {
      process.stderr.write(`Could not start the MCP server: ${error.message}\n`);
      process.exit(1);
    });
    let actor = ownerActor('Local user');
    if (opts.token) {
      const resolved = await core.deps.access.authenticate(opts.token);
      if (!resolved.ok) {
        process.stderr.write(`${resolved.error.message}\n`);
        process.exit(2);
      }
      actor = resolved.value;
    }
    // With Redis, changes made here reach the sockets of running hubs (overlays, Foundry, the web).
    const broadcaster = cfg.redisUrl ? await startBroadcaster(cfg.redisUrl, cfg.storage.namespace, events, logger) : null;
    const factory = createMcpServerFactory(core.registry, { name: 'ttrpg-hub', version: hubVersion }, () => actor);
    const handle = serveStdio(factory, { onerror: (error) => logger.warn({ err: error }, 'mcp stdio error') });
    logger.info({ tools: core.registry.list().length, store: store.kind }, 'MCP server ready on stdio');
    void core.deps.rules?.ready().catch((error: Error) => logger.error({ err: error }, 'could not load the rules library'));
    const stop = async () => {
      await handle.close();
      await broadcaster?.close();
      await closeRules();
      await store.close();
      process.exit(0);
    };
    process.stdin.once('end', () => void stop());
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

/** A socket.io server with no listener of its own: it only broadcasts this process's events over Redis. */
async function startBroadcaster(url: string, namespace: string, events: import('./core/index.js').EventBus, logger: import('./core/index.js').Logger) {
  const [{ Server }, { connectRedisFanout }, { fanOutEvents }] = await Promise.all([import('socket.io'), import('./realtime/redis-fanout.js'), import('./realtime/event-fanout.js')]);
  const fanout = await connectRedisFanout(url, namespace, logger);
  const io = new Server({ adapter: fanout.adapter });
  const stop = fanOutEvents(io, events);
  return {
    close: async () => {
      stop();
      // No engine to close (the server never listened): stop the adapter, then its Redis client.
      await io.of('/').adapter.close();
      await fanout.close();
    },
  };
}

program
  .command('token')
  .description('Print the hub owner token (from configuration or the data folder), creating it on first use')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .action(async (opts) => {
    const { createCoreFromConfig } = await import('./server.js');
    const { ownerToken, ownerTokenFile, store } = await createCoreFromConfig({ ...config(opts), log: { level: 'warn' } });
    await store.close();
    process.stdout.write(`${ownerToken}\n`);
    process.stderr.write(ownerTokenFile ? `(from ${ownerTokenFile})\n` : '(from configuration)\n');
  });

program
  .command('discord:register')
  .description('Register the slash commands with Discord: in one server (instant) or globally (up to an hour)')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .option('-g, --guild <id>', 'register in this server only')
  .action(async (opts: { config?: string; guild?: string }) => {
    const cfg = config(opts);
    const { token, applicationId, apiUrl } = cfg.discord;
    if (!token || !applicationId) {
      process.stderr.write('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (from the Discord Developer Portal)\n');
      process.exit(2);
    }
    const [{ registerCommands }, { createCore, InMemoryEventBus }, { openStore }] = await Promise.all([
      import('./adapters/discord/index.js'),
      import('./core/index.js'),
      import('./stores/open-store.js'),
    ]);
    // The definitions come from the tool schemas; no data is needed to build them.
    const { registry } = createCore({ store: await openStore('memory://'), events: new InMemoryEventBus(), ownerToken: 'unused-'.repeat(4) });
    const names = await registerCommands({ apiUrl, token, applicationId, guildId: opts.guild }, registry).catch((error: Error) => {
      process.stderr.write(`Discord refused the commands: ${error.message}\n`);
      process.exit(1);
    });
    process.stdout.write(`Registered /${names.join(', /')} ${opts.guild ? `in server ${opts.guild}` : 'globally (allow up to an hour)'}\n`);
  });

program
  .command('ingest')
  .description('Add a PDF to the rules library, with a progress bar (Ctrl-C cancels; the library is left as it was)')
  .argument('<pdf>', 'the PDF file')
  .requiredOption('-s, --system <system>', 'game system, e.g. "D&D 5e"')
  .option('-n, --name <name>', 'the book\'s name (default: the file name)')
  .addOption(new Option('-t, --type <type>', 'rulebook or flavor').choices(['rulebook', 'flavor']).default('rulebook'))
  .option('--gm-only', 'only GMs find this book')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .action(async (pdf: string, opts: { system: string; name?: string; type: 'rulebook' | 'flavor'; gmOnly?: boolean; config?: string }) => {
    const { ingestCommand } = await import('./cli-ingest.js');
    process.exit(await ingestCommand(pdf, opts, config(opts)));
  });

program
  .command('import')
  .description('Import a character (Roll20 VTT Enhancement Suite .json or campaign .zip, a hub sheet, or a character URL) into a campaign, or a campaign bundle from export_campaign')
  .argument('<source>', 'a file or a URL')
  .option('--campaign <id>', 'the campaign the character joins (required for characters)')
  .option('--credential-file <file>', 'a file holding a provider credential for private characters (stored encrypted)')
  .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
  .action(async (source: string, opts: { campaign?: string; credentialFile?: string; config?: string }) => {
    const { importCommand } = await import('./cli-import.js');
    process.exit(await importCommand(source, opts, config(opts)));
  });

program
  .command('tools')
  .description('List the tools the hub offers')
  .option('--markdown', 'print the Markdown table used in README.md')
  .action((opts: { markdown?: boolean }) => {
    process.stdout.write(opts.markdown ? renderToolCatalogue(coreTools) : coreTools.map((t) => `${t.name.padEnd(24)} ${t.title}`).join('\n') + '\n');
  });

await program.parseAsync(process.argv);
