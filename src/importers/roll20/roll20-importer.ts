import { fail, ok, type CharacterImporter, type CharacterImportRequest, type CharacterSheetInput, type Result } from '../../core/index.js';
import { ogl5eSheet } from './ogl5e-sheet.js';
import { looksLikeVttes, unwrapVttes } from './vttes-format.js';
import { defaultZipLimits, isZip, readZip, type ZipLimits } from './zip-archive.js';

const FORMATS = ['Roll20 character exported by the VTT Enhancement Suite (JSON, schema_version 2 or 3)', 'Roll20 campaign archive (.zip with one character.json per character)'];

/** A file in an archive that may hold a character: `character.json`, or any `.json` the VTTES wrote. */
const characterEntry = (name: string) => /(^|\/)[^/]*\.json$/i.test(name) && !/(^|\/)(__MACOSX|\.)/.test(name);

/**
 * Roll20 characters from what players can export: Roll20 has no public data API, so there is
 * nothing to fetch by URL; the VTT Enhancement Suite's character JSON and campaign archives are read.
 */
export class Roll20Importer implements CharacterImporter {
  readonly provider = 'roll20' as const;
  readonly formats = FORMATS;
  constructor(private readonly limits: ZipLimits = defaultZipLimits) {}

  accepts(request: CharacterImportRequest): boolean {
    if (request.url) return /^https?:\/\/([a-z0-9-]+\.)*roll20\.net\//i.test(request.url);
    if (request.data instanceof Uint8Array) return isZip(request.data);
    return looksLikeVttes(request.data);
  }

  async import(request: CharacterImportRequest, signal: AbortSignal): Promise<Result<CharacterSheetInput>> {
    const all = await this.importAll(request, signal);
    if (!all.ok) return all;
    if (all.value.length !== 1) return fail('VALIDATION', `This archive holds ${all.value.length} characters: import it as an archive to get them all`, { field: 'data' });
    return ok(all.value[0]!);
  }

  async importAll(request: CharacterImportRequest, _signal: AbortSignal): Promise<Result<CharacterSheetInput[]>> {
    if (request.url) {
      return fail('VALIDATION', 'Roll20 has no public API to fetch characters from: export the character with the VTT Enhancement Suite (Export in the sheet\'s "Export & Overwrite" tab) and import that file as data', {
        field: 'url',
      });
    }
    if (request.data instanceof Uint8Array) return this.fromArchive(request.data);
    const character = unwrapVttes(request.data as Record<string, unknown>);
    if (!character.ok) return character;
    const sheet = ogl5eSheet(character.value);
    return sheet.ok ? ok([sheet.value]) : sheet;
  }

  private async fromArchive(bytes: Uint8Array): Promise<Result<CharacterSheetInput[]>> {
    const entries = await readZip(bytes, characterEntry, this.limits);
    if (!entries.ok) return entries;
    const sheets: CharacterSheetInput[] = [];
    for (const entry of entries.value) {
      let data: unknown;
      try {
        data = JSON.parse(entry.data.toString('utf8'));
      } catch (error) {
        return fail('BAD_FILE', `${entry.name} in the archive is not valid JSON: ${(error as Error).message}`, { field: 'data' });
      }
      // Other JSON files (handouts, macros) may sit beside the characters.
      if (!looksLikeVttes(data) || (data.schema_version === 3 && data.type !== 'character')) continue;
      const character = unwrapVttes(data, entry.name);
      if (!character.ok) return character;
      const sheet = ogl5eSheet(character.value, entry.name);
      if (!sheet.ok) return sheet;
      sheets.push(sheet.value);
    }
    if (sheets.length === 0) return fail('BAD_FILE', 'The archive holds no Roll20 character: expected character.json files exported by the VTT Enhancement Suite', { field: 'data' });
    return ok(sheets);
  }
}
