import type { CharacterImporter } from '../core/index.js';
import { Roll20Importer } from './roll20/roll20-importer.js';
import { UniversalSheetImporter } from './universal-sheet-importer.js';

/**
 * The character importers of a hub, in the order they are asked: the first that accepts a request
 * imports it. Provider-specific formats come first; the universal sheet (any provider) last.
 */
export function createImporters(): CharacterImporter[] {
  return [new Roll20Importer(), new UniversalSheetImporter()];
}
