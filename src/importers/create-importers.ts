import type { CharacterImporter } from '../core/index.js';
import { createDndBeyondImporter, type DndBeyondImporterOptions } from './dndbeyond/index.js';
import { Roll20Importer } from './roll20/roll20-importer.js';
import { UniversalSheetImporter } from './universal-sheet-importer.js';

export interface ImportersOptions {
  /** The `dndbeyond` configuration block (service URLs, timeout) and the hub's logger. */
  dndbeyond?: DndBeyondImporterOptions;
}

/**
 * The character importers of a hub, in the order they are asked: the first that accepts a request
 * imports it. Provider-specific formats come first; the universal sheet (any provider) last.
 */
export function createImporters(options: ImportersOptions = {}): CharacterImporter[] {
  return [new Roll20Importer(), createDndBeyondImporter(options.dndbeyond), new UniversalSheetImporter()];
}
