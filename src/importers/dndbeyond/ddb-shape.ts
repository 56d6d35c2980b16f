import type { z } from 'zod';
import { fail, ok, type Result } from '../../core/index.js';
import { DdbCharacterSchema, type DdbCharacter } from './ddb-schemas.js';

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
export function parseDdbExport(doc: unknown, field = 'data'): Result<ParsedDdbExport> {
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

function validate(raw: unknown, shape: DdbShape, field: string): Result<ParsedDdbExport> {
  const parsed = DdbCharacterSchema.safeParse(raw);
  if (!parsed.success) return fail('VALIDATION', `D&D Beyond ${shape} export: ${describeIssue(parsed.error)}`, { field: `${field}.${parsed.error.issues[0]?.path.join('.') ?? ''}`.replace(/\.$/, '') });
  return ok({ shape, character: parsed.data });
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
