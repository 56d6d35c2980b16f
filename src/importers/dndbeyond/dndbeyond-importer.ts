import { fail, silentLogger, type CharacterImporter, type CharacterImportRequest, type CharacterSheetInput, type Logger, type Result } from '../../core/index.js';
import { DdbClient, defaultDdbClientOptions, type DdbClientOptions } from './ddb-client.js';
import { ddbError } from './ddb-errors.js';
import { parseDdbExport } from './ddb-shape.js';
import { checkSheet, ddbToSheet } from './ddb-to-sheet.js';
import { characterIdFrom, isDndBeyondUrl } from './ddb-url.js';

export interface DndBeyondImporterOptions extends Partial<DdbClientOptions> {
  logger?: Logger;
  /** The clock stamped on imported sheets and used for token expiry. */
  now?: () => number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a document looks like one of D&D Beyond's export shapes (so this importer should answer for it). */
function looksLikeDdb(data: unknown): boolean {
  if (typeof data === 'string') {
    try {
      return looksLikeDdb(JSON.parse(data));
    } catch {
      return false;
    }
  }
  if (!isRecord(data)) return false;
  // The character-service envelope (even one without a usable character: its error is ours to explain).
  if ('success' in data && 'data' in data) return true;
  if (isRecord(data.character) && 'stats' in data.character) return true;
  const character = isRecord(data.data) ? data.data : isRecord(data.character) ? data.character : data;
  return 'stats' in character && 'classes' in character && ('modifiers' in character || 'baseHitPoints' in character);
}

/**
 * The D&D Beyond importer: a character by link or id from the character service (public, or private
 * with the owner's CobaltSession cookie as `request.credential`), or an exported JSON document in any
 * of D&D Beyond's shapes, converted to the universal sheet with the values D&D Beyond's sheet shows.
 */
export function createDndBeyondImporter(options: DndBeyondImporterOptions = {}): CharacterImporter {
  const { logger = silentLogger, now = Date.now, ...clientOptions } = options;
  const settings: DdbClientOptions = { ...defaultDdbClientOptions, ...Object.fromEntries(Object.entries(clientOptions).filter(([, v]) => v !== undefined)) };
  const log = logger.child({ importer: 'dndbeyond' });
  const client = new DdbClient(settings, log, now);

  const convert = async (doc: unknown, field: string, url: string | null): Promise<Result<CharacterSheetInput>> => {
    const parsed = await parseDdbExport(doc, field);
    // The validated character is computed on the next turn, so the validation and the computation are separate slices.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!parsed.ok) return parsed;
    const sheet = ddbToSheet(parsed.value.character, { importedAt: new Date(now()).toISOString(), url });
    await new Promise<void>((resolve) => setImmediate(resolve));
    return checkSheet(sheet);
  };

  return {
    provider: 'dndbeyond',
    formats: [
      'a D&D Beyond character link or id (https://www.dndbeyond.com/characters/<id>)',
      'D&D Beyond character JSON (the character-service answer {"id", "success", "message", "data"}, current or 2020, or the older {"character": {...}} export)',
    ],
    accepts(request: CharacterImportRequest): boolean {
      if (request.data !== undefined) return looksLikeDdb(request.data);
      if (request.url) return isDndBeyondUrl(request.url);
      if (request.id) return /^\d{1,12}$/.test(request.id.trim());
      return false;
    },
    async import(request: CharacterImportRequest, signal: AbortSignal): Promise<Result<CharacterSheetInput>> {
      if (request.data !== undefined) {
        let doc: unknown = request.data;
        if (typeof doc === 'string') {
          try {
            doc = JSON.parse(doc) as unknown;
          } catch (error) {
            return fail('VALIDATION', `The D&D Beyond export is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { field: 'data' });
          }
        }
        return convert(doc, 'data', null);
      }
      const field = request.url ? 'url' : 'id';
      const given = request.url ?? request.id;
      if (!given) return fail('VALIDATION', 'Give a D&D Beyond character link (url), its id, or the exported JSON (data)', { field: 'url' });
      const id = characterIdFrom(given, field);
      if (!id.ok) return id;
      const fetched = await client.fetchCharacter(id.value, request.credential || undefined, signal);
      if (!fetched.ok) return ddbError(fetched.failure, id.value, field);
      return convert(fetched.value, field, `https://www.dndbeyond.com/characters/${id.value}`);
    },
  };
}
