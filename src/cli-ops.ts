import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { HubConfig } from './config/config-schema.js';
import { ownerActor } from './core/index.js';
import { hubVersion } from './version.js';

type LoadConfig = (opts: { config?: string }) => HubConfig;

/** Opens this installation's core quietly (warnings only), runs `fn`, then closes everything. */
async function withCore<T>(cfg: HubConfig, fn: (parts: Awaited<ReturnType<typeof import('./server.js').createCoreFromConfig>>) => Promise<T>): Promise<T> {
  const { createCoreFromConfig } = await import('./server.js');
  const parts = await createCoreFromConfig({ ...cfg, log: { ...cfg.log, level: cfg.log.level === 'info' ? 'warn' : cfg.log.level } });
  try {
    return await fn(parts);
  } finally {
    await parts.closeRules();
    await parts.store.close();
  }
}

/** Calls one tool as the local owner and prints its text (or JSON); exit code 2 on an expected failure. */
async function callAndPrint(cfg: HubConfig, tool: string, input: Record<string, unknown>, json: boolean): Promise<number> {
  return withCore(cfg, async ({ core }) => {
    // The library loads its books in the background; a search must wait for them.
    if (tool === 'search') await core.deps.rules?.ready();
    const result = await core.registry.call(tool, input, { actor: ownerActor('Local user') });
    if (!result.ok) {
      process.stderr.write(`${result.text}\n`);
      return 2;
    }
    process.stdout.write(json ? `${JSON.stringify(result.value, null, 2)}\n` : `${result.text}\n`);
    return 0;
  });
}

/** A one-line, self-overwriting counter on a terminal; plain lines otherwise. */
function counter(label: string) {
  const tty = process.stderr.isTTY === true;
  return (n: number) => process.stderr.write(tty ? `\r${label}: ${n} keys` : `${label}: ${n} keys\n`);
}

/** Operator commands: quick dice and rules look-ups from a shell, backups and restores. */
export function registerOpsCommands(program: Command, config: LoadConfig): void {
  program
    .command('roll')
    .description('Roll dice from the shell, e.g. `ttrpg-hub roll 1d20+5 adv` or `ttrpg-hub roll "4d6kh3 # strength"`')
    .argument('<expression...>', 'dice notation, as in roll_dice')
    .option('--campaign <id>', "log the roll in this campaign's active session")
    .option('--json', 'print the whole result as JSON')
    .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
    .action(async (words: string[], opts: { campaign?: string; json?: boolean; config?: string }) => {
      const input = { expression: words.join(' '), ...(opts.campaign ? { campaignId: opts.campaign } : {}) };
      process.exit(await callAndPrint(config(opts), 'roll_dice', input, !!opts.json));
    });

  program
    .command('search')
    .description('Search your rulebooks from the shell, e.g. `ttrpg-hub search "how does grappling work?"`')
    .argument('<question...>', 'the question, in your own words')
    .option('-b, --book <book>', 'only this book (id or name)')
    .option('-n, --max <n>', 'how many passages (1-20)', (v) => Number(v), 5)
    .option('--json', 'print the whole result as JSON')
    .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
    .action(async (words: string[], opts: { book?: string; max: number; json?: boolean; config?: string }) => {
      const input = { query: words.join(' '), maxResults: opts.max, ...(opts.book ? { book: opts.book } : {}) };
      process.exit(await callAndPrint(config(opts), 'search', input, !!opts.json));
    });

  program
    .command('backup')
    .description('Write the whole store (campaigns, sessions, tokens, settings, the rules library catalogue and passages) to a gzipped file')
    .argument('<file>', 'where to write, e.g. backups/hub-2026-11-26.jsonl.gz')
    .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
    .action(async (file: string, opts: { config?: string }) => {
      const { writeBackup } = await import('./stores/store-backup.js');
      const target = resolve(file);
      const { entries } = await withCore(config(opts), ({ store }) => writeBackup(store, target, { hubVersion, onProgress: counter('Backing up') }));
      process.stderr.write('\n');
      process.stdout.write(`Wrote ${entries} keys to ${target} (mode 0600: it holds secret notes)\n`);
    });

  program
    .command('restore')
    .description('Restore a backup made by `ttrpg-hub backup` (stop every hub using this store first)')
    .argument('<file>', 'the backup file')
    .option('--replace', 'the store already holds data: make it equal to the backup (keys not in the backup are deleted)')
    .option('-c, --config <file>', 'YAML configuration file read over config/default.yaml')
    .action(async (file: string, opts: { replace?: boolean; config?: string }) => {
      const { restoreBackup } = await import('./stores/store-backup.js');
      const result = await withCore(config(opts), ({ store }) => restoreBackup(store, resolve(file), { replace: opts.replace, onProgress: counter('Restoring') }));
      process.stderr.write('\n');
      if (!result.ok) {
        process.stderr.write(`${result.error.message}\n`);
        process.exit(2);
      }
      const { entries, removed, header } = result.value;
      process.stdout.write(`Restored ${entries} keys from a backup of ${header.createdAt} (hub ${header.hubVersion})${removed ? `; removed ${removed} keys not in it` : ''}\n`);
    });
}
