import type { z } from 'zod';
import { fail, ok, type Fail, type Result } from '../../core/index.js';
import { DdbCharacterShellSchema, DdbItemSchema, DdbSpellSchema, type DdbCharacter, type DdbSpell } from './ddb-schemas.js';

/** The export shapes D&D Beyond has produced over the years. */
export type DdbShape =
  /** character-service v5 envelope `{id, success, message, data}` as served today (data has `decorations`). */
  | 'character-service-v5'
  /** The same envelope as served around 2020 (with `pagination`, avatar URLs on the character). */
  | 'character-service-2020'
  /** The older JSON export `{"character": {...}}` (the site's "export JSON" and early ddb-importer). */
  | 'legacy-character'
  /** A character object on its own (the `data` of an envelope, saved by hand). */
  | 'bare-character';

export interface ParsedDdbExport {
  shape: DdbShape;
  character: DdbCharacter;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const looksLikeCharacter = (v: unknown): v is Record<string, unknown> => isObject(v) && 'stats' in v && 'classes' in v;

const EXPECTED =
  'expected a D&D Beyond character: the character-service envelope {"id", "success", "message", "data"}, ' +
  'the older {"character": {...}} export, or the character object itself (with "stats" and "classes")';

/** Finds which export shape a document is, then validates the parts the importer reads. */
export async function parseDdbExport(doc: unknown, field = 'data'): Promise<Result<ParsedDdbExport>> {
  if (!isObject(doc)) {
    return fail('VALIDATION', `Not a D&D Beyond export: got ${Array.isArray(doc) ? 'an array' : typeof doc === 'string' ? 'a string' : String(doc === null ? 'null' : typeof doc)}; ${EXPECTED}`, { field });
  }
  if ('success' in doc && 'data' in doc) {
    if (doc.success === false || doc.data === null) {
      const server = isObject(doc.data) && typeof doc.data.serverMessage === 'string' ? `: ${doc.data.serverMessage}` : '';
      const message = (typeof doc.message === 'string' && doc.message ? doc.message : 'no message') + server;
      return fail('VALIDATION', `D&D Beyond's character service answered success: false ("${message}"): the export holds no character`, { field: `${field}.success` });
    }
    if (!looksLikeCharacter(doc.data)) {
      return fail('VALIDATION', `The character-service envelope's "data" is not a character (keys seen: ${keysOf(doc.data)}); ${EXPECTED}`, { field: `${field}.data` });
    }
    const shape: DdbShape = 'decorations' in doc.data || 'providedFrom' in doc.data ? 'character-service-v5' : 'character-service-2020';
    return validate(doc.data, shape, `${field}.data`);
  }
  if ('character' in doc && looksLikeCharacter(doc.character)) return validate(doc.character, 'legacy-character', `${field}.character`);
  if (looksLikeCharacter(doc)) return validate(doc, 'bare-character', field);
  return fail('VALIDATION', `Unrecognised D&D Beyond export shape (top-level keys seen: ${keysOf(doc)}); ${EXPECTED}`, { field, details: { keys: Object.keys(doc).slice(0, 30) } });
}

function keysOf(v: unknown): string {
  if (!isObject(v)) return v === null ? 'null' : typeof v;
  const keys = Object.keys(v);
  if (keys.length === 0) return 'none';
  return keys.slice(0, 15).join(', ') + (keys.length > 15 ? `, ... (${keys.length} keys)` : '');
}

async function validate(raw: unknown, shape: DdbShape, field: string): Promise<Result<ParsedDdbExport>> {
  const parsed = DdbCharacterShellSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, shape, field);
  const shell = parsed.data;
  const inventory = await parseList(shell.inventory, DdbItemSchema, shape, `${field}.inventory`);
  if (!inventory.ok) return inventory;
  const spells: Record<string, DdbSpell[]> = {};
  for (const [group, list] of Object.entries(shell.spells)) {
    const groupSpells = await parseList(list, DdbSpellSchema, shape, `${field}.spells.${group}`);
    if (!groupSpells.ok) return groupSpells;
    spells[group] = groupSpells.value;
  }
  const classSpells: DdbCharacter['classSpells'] = [];
  for (const [i, entry] of shell.classSpells.entries()) {
    const listed = await parseList(entry.spells, DdbSpellSchema, shape, `${field}.classSpells.${i}.spells`);
    if (!listed.ok) return listed;
    classSpells.push({ ...entry, spells: listed.value });
  }
  return ok({ shape, character: { ...shell, inventory: inventory.value, spells, classSpells } });
}

/** Items validated per slice, with a turn of the event loop between slices. Empty entries are skipped. */
const SLICE = 100;
async function parseList<T extends z.ZodType>(items: readonly unknown[], schema: T, shape: DdbShape, field: string): Promise<Result<z.infer<T>[]>> {
  const out: z.infer<T>[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = start; i < Math.min(items.length, start + SLICE); i++) {
      if (items[i] === null || items[i] === undefined) continue;
      const parsed = schema.safeParse(items[i]);
      if (!parsed.success) return invalid(parsed.error, shape, `${field}.${i}`);
      out.push(parsed.data);
    }
  }
  return ok(out);
}

function invalid(error: z.ZodError, shape: DdbShape, field: string): Fail {
  const path = error.issues[0]?.path.join('.') ?? '';
  const where = path ? `${field}.${path}` : field;
  return fail('VALIDATION', `D&D Beyond ${shape} export: ${where}: ${error.issues[0]?.message ?? 'invalid'}`, { field: where });
}
