import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { HubConfig } from './config/config-schema.js';
import { BUNDLE_FORMAT, ownerActor } from './core/index.js';

export interface ImportCommandOptions {
  campaign?: string;
  credentialFile?: string;
}

const MB = 1024 * 1024;

/**
 * `ttrpg-hub import <file|url>`: a character export (Roll20 VTTES JSON or archive, a sheet, or a
 * provider URL) into a campaign, or a campaign bundle from export_campaign into a new campaign.
 * Runs the same tools as every other surface, as the hub owner, on this installation's data.
 */
export async function importCommand(source: string, options: ImportCommandOptions, config: HubConfig): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const isUrl = /^https?:\/\//i.test(source);
  let input: Record<string, unknown>;
  let tool = 'import_character';
  if (isUrl) {
    input = { url: source };
  } else {
    const path = resolve(source);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      say(`No file at ${path}: give a character export (.json or .zip), a campaign bundle, or a character URL`);
      return 2;
    }
    const cap = config.limits.maxImportMb * MB;
    if (info.size > cap * 1.01) {
      say(`${path} is ${(info.size / MB).toFixed(1)} MB: the import limit is ${config.limits.maxImportMb} MB (limits.maxImportMb / IMPORT_MAX_MB)`);
      return 2;
    }
    say(`Reading ${path} (${Math.ceil(info.size / 1024)} KB)`);
    const bytes = await readFile(path);
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const text = zip ? bytes.toString('base64') : bytes.toString('utf8');
    input = { data: text };
    if (!zip && text.includes(`"${BUNDLE_FORMAT}"`)) {
      tool = 'import_campaign';
      input = { bundle: text };
    }
  }
  if (tool === 'import_character') {
    if (!options.campaign) {
      say('--campaign <id> is required to import a character (see `ttrpg-hub` list_campaigns, or the campaign\'s page)');
      return 2;
    }
    input.campaignId = options.campaign;
    if (options.credentialFile) input.credential = (await readFile(resolve(options.credentialFile), 'utf8')).trim();
  }

  const { createCoreFromConfig } = await import('./server.js');
  const { core, store, closeRules } = await createCoreFromConfig({ ...config, log: { level: config.log.level === 'info' ? 'warn' : config.log.level } });
  const started = Date.now();
  try {
    const result = await core.registry.call(tool, input, {
      actor: ownerActor('Local user'),
      progress: (p) => say(`[${p.progress}/${p.total ?? '?'}] ${p.message ?? ''}`),
    });
    if (!result.ok) {
      say(`Import failed: ${result.error.message}`);
      return ['VALIDATION', 'BAD_FILE', 'LIMIT', 'NOT_FOUND'].includes(result.error.code) ? 2 : 1;
    }
    process.stdout.write(`${result.text} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await closeRules();
    await store.close();
  }
}
