import type { Result } from '../result.js';
import type { CharacterSheetInput, CharacterSource } from './character-sheet.js';

/** What a user hands the hub to import a character: a link or id at the provider, or an exported file. */
export interface CharacterImportRequest {
  url?: string;
  id?: string;
  /** The exported JSON, already parsed (a string is parsed by the caller); a zip archive arrives as bytes (Uint8Array). */
  data?: unknown;
  /** A provider credential in plain text, for this request only (e.g. a D&D Beyond session cookie); never logged. */
  credential?: string;
}

/**
 * One source of characters (D&D Beyond, Roll20). Implementations live beside the adapters
 * (src/importers/...), since they hold wire formats and HTTP clients; core only knows this port.
 */
export interface CharacterImporter {
  readonly provider: CharacterSource['provider'];
  /** What this importer understands, for the error that lists the accepted shapes, e.g. "Roll20 VTTES character JSON (schema 2, 3)". */
  readonly formats?: readonly string[];
  /** True when the URL, id or data looks like this provider's; the first importer that accepts wins. */
  accepts(request: CharacterImportRequest): boolean;
  /**
   * Fetches (when given a URL or id) and converts to the universal sheet, with the values the
   * provider's own sheet shows. Expected failures (private, deleted, unknown shape) are values.
   * The sheet's `id` and `owner` are assigned by the hub, so importers may leave `id` empty.
   */
  import(request: CharacterImportRequest, signal: AbortSignal): Promise<Result<CharacterSheetInput>>;
  /**
   * For sources that hold several characters (a campaign archive): every character in it. When
   * present, the hub calls this instead of `import`.
   */
  importAll?(request: CharacterImportRequest, signal: AbortSignal): Promise<Result<CharacterSheetInput[]>>;
}
