import { ok, type CharacterImporter, type CharacterImportRequest, type CharacterSheetInput, type Result } from '../core/index.js';

/**
 * Sheets already in the hub's universal shape: typed by hand, written by another tool, or taken
 * from another hub's get_character. The hub validates them like any import; ids and owners are its own.
 */
export class UniversalSheetImporter implements CharacterImporter {
  readonly provider = 'manual' as const;
  readonly formats = ['a ttrpg-hub character sheet (JSON with name, system, level, abilities {str..cha}, hp, ac, ...; see get_character)'];

  accepts(request: CharacterImportRequest): boolean {
    const d = request.data;
    if (typeof d !== 'object' || d === null || Array.isArray(d) || d instanceof Uint8Array) return false;
    const abilities = (d as { abilities?: unknown }).abilities;
    return typeof (d as { name?: unknown }).name === 'string' && typeof (d as { system?: unknown }).system === 'string' && typeof abilities === 'object' && abilities !== null && 'str' in abilities;
  }

  async import(request: CharacterImportRequest): Promise<Result<CharacterSheetInput>> {
    const { id: _id, owner: _owner, source, ...sheet } = request.data as Record<string, unknown> & { source?: { provider?: string; id?: string | null; url?: string | null } };
    // A sheet that came from a provider keeps its source, so importing it again refreshes the same character.
    const kept = source && typeof source === 'object' && typeof source.provider === 'string' ? source : { provider: 'manual', id: null, url: null };
    return ok({ ...(sheet as unknown as CharacterSheetInput), id: '', source: { ...kept, importedAt: '' } as CharacterSheetInput['source'] });
  }
}
