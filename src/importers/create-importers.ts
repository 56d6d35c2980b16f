import type { HubConfig } from '../config/config-schema.js';
import type { CharacterImporter, Logger } from '../core/index.js';
import { createDndBeyondImporter } from './dndbeyond/index.js';
import { Roll20Importer } from './roll20/roll20-importer.js';
import { UniversalSheetImporter } from './universal-sheet-importer.js';

/**
 * The character importers of a hub, in the order they are asked: the first that accepts a request
 * imports it. Provider-specific formats come first; the universal sheet (any provider) last.
 * `config` is there for importers that fetch (base URLs, timeouts, the import size limit) and `logger`
 * for what they log; tests and the bench may omit both.
 */
export function createImporters(config?: HubConfig, logger?: Logger): CharacterImporter[] {
  // D&D Beyond downloads stop at the same limit as uploaded exports.
  const dndbeyond = createDndBeyondImporter({
    ...(config ? { ...config.dndbeyond, maxBytes: config.limits.maxImportMb * 1024 * 1024 } : {}),
    ...(logger ? { logger } : {}),
  });
  return [new Roll20Importer(), dndbeyond, new UniversalSheetImporter()];
}
