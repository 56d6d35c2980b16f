import type { HubConfig } from '../config/config-schema.js';
import type { CharacterImporter } from '../core/index.js';
import { Roll20Importer } from './roll20/roll20-importer.js';
import { UniversalSheetImporter } from './universal-sheet-importer.js';

/**
 * The character importers of a hub, in the order they are asked: the first that accepts a request
 * imports it. Provider-specific formats come first; the universal sheet (any provider) last.
 * `config` is there for importers that fetch (base URLs, timeouts); tests and the bench may omit it.
 */
export function createImporters(config?: HubConfig): CharacterImporter[] {
  return [new Roll20Importer(), new UniversalSheetImporter()];
}
