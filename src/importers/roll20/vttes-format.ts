import { z } from 'zod';
import { fail, ok, type Result } from '../../core/index.js';

/**
 * The character files of the VTT Enhancement Suite (VTTES), the browser extension players use to
 * export Roll20 characters: schema 2 is the character itself, schema 3 wraps it as
 * `{ schema_version: 3, type: "character", character }` (handouts share the envelope).
 */
const AttribSchema = z.looseObject({
  name: z.string(),
  current: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  max: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  id: z.string().optional(),
});
export type VttesAttrib = z.infer<typeof AttribSchema>;

export const VttesCharacterSchema = z.looseObject({
  oldId: z.string().optional(),
  name: z.string(),
  bio: z.string().optional(),
  gmnotes: z.string().optional(),
  attribs: z.array(AttribSchema).max(200_000),
});
export type VttesCharacter = z.infer<typeof VttesCharacterSchema>;

export const SUPPORTED_VERSIONS = [2, 3] as const;

/** True when the value carries the VTTES envelope (whatever its version), so errors can be specific. */
export const looksLikeVttes = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && 'schema_version' in data && ('attribs' in data || 'character' in data || 'type' in data);

/** The character inside a VTTES file of schema 2 or 3, or an error naming what did not fit. */
export function unwrapVttes(data: Record<string, unknown>, where = 'data'): Result<VttesCharacter> {
  const version = data.schema_version;
  let body: unknown = data;
  if (version === 3) {
    if (data.type !== 'character') {
      return fail('BAD_FILE', `This VTT Enhancement Suite file is a ${String(data.type ?? 'unknown')}, not a character: export the character sheet instead`, { field: where });
    }
    body = data.character;
  } else if (version !== 2) {
    return fail('BAD_FILE', `Unknown VTT Enhancement Suite schema_version ${JSON.stringify(version)}: expected ${SUPPORTED_VERSIONS.join(' or ')} (re-export with a current VTTES)`, {
      field: `${where}.schema_version`,
    });
  }
  const parsed = VttesCharacterSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = [...(version === 3 ? ['character'] : []), ...issue.path.map(String)].join('.');
    return fail('BAD_FILE', `Not a VTT Enhancement Suite character (schema ${String(version)}): ${path || 'the file'}: ${issue.message}`, { field: `${where}.${path}` });
  }
  return ok(parsed.data);
}
