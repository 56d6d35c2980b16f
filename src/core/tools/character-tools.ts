import { z } from 'zod';
import type { CharacterImporter, CharacterImportRequest } from '../characters/character-importer.js';
import { CharacterOwnerSchema, CharacterSheetSchema, type CharacterSheet, type CharacterSheetInput } from '../characters/character-sheet.js';
import { ownerOf, owns } from '../characters/character-service.js';
import { checkImportSize, decodeImportData, payloadBytes } from '../characters/import-payload.js';
import { defineTool, type ToolContext } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';
import { campaignIdField, expectedVersionField } from './fields.js';

export const characterField = z.string().trim().min(1).max(120).describe('Character id or name (default: your active character)');

const CharacterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.number(),
  classes: z.string().describe('e.g. "Fighter 3 (Champion)"'),
  hp: z.string(),
  ac: z.number(),
  provider: z.string(),
  owner: CharacterOwnerSchema,
  mine: z.boolean(),
  active: z.boolean().describe('Your active character, used when you roll without naming one'),
});

export const classLine = (s: CharacterSheet) => s.classes.map((c) => `${c.name} ${c.level}${c.subclass ? ` (${c.subclass})` : ''}`).join(' / ') || `level ${s.level}`;
export const sheetLine = (s: CharacterSheet) => `${s.name}: ${classLine(s)}, AC ${s.ac}, HP ${s.hp.current}/${s.hp.max}${s.hp.temp ? ` (+${s.hp.temp})` : ''}`;

/** Which importer takes the request, or an error listing every shape the hub understands. */
function pickImporter(importers: readonly CharacterImporter[], request: CharacterImportRequest): Result<CharacterImporter> {
  const found = importers.find((i) => i.accepts(request));
  if (found) return ok(found);
  const formats = importers.flatMap((i) => i.formats ?? [i.provider]);
  const shown = request.url ? `the URL ${request.url}` : request.id ? `the id "${request.id}"` : 'this export';
  const field = request.url ? 'url' : request.id ? 'id' : 'data';
  if (formats.length === 0) return fail('UNAVAILABLE', 'No character importer is configured in this hub', { field });
  return fail('VALIDATION', `Did not recognise ${shown}: expected one of ${formats.join('; ')}`, { field });
}

const importOutput = z.object({
  characters: z.array(z.object({ character: CharacterSheetSchema, status: z.enum(['created', 'refreshed']) })),
  campaignVersion: z.number().int(),
});

export const importCharacter = defineTool({
  name: 'import_character',
  title: 'Import a character',
  description:
    'Import a character from D&D Beyond (character URL or id) or from an exported file (data: the JSON as an object or text, ' +
    'e.g. a Roll20 VTT Enhancement Suite export; a zip archive as base64). Importing the same character again refreshes it ' +
    '(same hub id). credential: a provider credential for private characters (e.g. the D&D Beyond CobaltSession cookie), kept encrypted for your next imports.',
  input: z
    .object({
      campaignId: campaignIdField,
      url: z.string().trim().url().max(500).optional().describe('The character\'s page, e.g. https://www.dndbeyond.com/characters/12345678'),
      id: z.string().trim().min(1).max(100).optional().describe('The character id at the provider'),
      data: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional().describe('The exported JSON (object or text), or a zip archive in base64'),
      credential: z.string().min(1).max(8192).optional().describe('For private characters: the provider credential (never shown again, stored encrypted)'),
      owner: CharacterOwnerSchema.partial().optional().describe('GM only: whose character it is (default: yours)'),
      expectedVersion: expectedVersionField,
    })
    .superRefine((v, ctx) => {
      const given = [v.url, v.id, v.data].filter((x) => x !== undefined).length;
      if (given !== 1) ctx.addIssue({ code: 'custom', path: ['url'], message: `give exactly one of url, id or data (got ${given})` });
    }),
  output: importOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const characters = ctx.deps.characters;
    if (input.owner && ctx.role !== 'gm') return fail('FORBIDDEN', 'Only the GM may import a character for someone else: leave owner out', { field: 'owner' });
    let data: unknown;
    if (input.data !== undefined) {
      const size = checkImportSize(payloadBytes(input.data), characters.maxImportBytes);
      if (!size.ok) return size;
      const decoded = decodeImportData(input.data);
      if (!decoded.ok) return decoded;
      data = decoded.value;
    }
    const request: CharacterImportRequest = { ...(input.url ? { url: input.url } : {}), ...(input.id ? { id: input.id } : {}), ...(data !== undefined ? { data } : {}) };
    const importer = pickImporter(characters.importers, request);
    if (!importer.ok) return importer;
    const credential = input.credential ?? (await characters.credential(importer.value.provider, ctx.actor));
    if (credential) request.credential = credential;
    ctx.progress({ progress: 0, total: 2, message: `Reading the ${importer.value.provider} character` });
    const imported: Result<CharacterSheetInput[]> = importer.value.importAll
      ? await importer.value.importAll(request, ctx.signal)
      : await importer.value.import(request, ctx.signal).then((r) => (r.ok ? ok([r.value]) : r));
    if (!imported.ok) return imported;
    if (imported.value.length === 0) return fail('BAD_FILE', 'The export holds no character', { field: 'data' });
    ctx.progress({ progress: 1, total: 2, message: `Storing ${imported.value.length} character(s)` });
    const owner = input.owner ? { discordUserId: input.owner.discordUserId ?? null, memberId: input.owner.memberId ?? null } : ownerOf(ctx.actor);
    const stored = await characters.upsert(ctx.campaignId!, imported.value, ctx.actor, {
      owner,
      reassign: input.owner !== undefined,
      isGm: ctx.role === 'gm',
      ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
    });
    if (!stored.ok) return stored;
    // Kept only once it worked, so a mistyped cookie is not reused.
    if (input.credential) await characters.saveCredential(importer.value.provider, ctx.actor, input.credential);
    ctx.progress({ progress: 2, total: 2, message: 'Done' });
    return ok({ characters: stored.value.results.map((r) => ({ character: r.sheet, status: r.status })), campaignVersion: stored.value.campaign.version });
  },
  format: ({ characters }) => characters.map((c) => `${c.status === 'created' ? 'Imported' : 'Refreshed'} ${sheetLine(c.character)} (id ${c.character.id})`).join('\n'),
});

export const getCharacter = defineTool({
  name: 'get_character',
  title: 'Get a character sheet',
  description: 'The full character sheet: abilities, saves, skills, attacks, inventory, features, spells. Without character, your active character.',
  input: z.object({ campaignId: campaignIdField, character: characterField.optional() }),
  output: z.object({ character: CharacterSheetSchema }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'required',
  async run(input, ctx) {
    const found = await ctx.deps.characters.resolve(ctx.campaignId!, input.character, ctx.actor);
    return found.ok ? ok({ character: found.value }) : found;
  },
  format: ({ character }) => sheetLine(character),
});

export const listCharacters = defineTool({
  name: 'list_characters',
  title: 'List characters',
  description: 'The characters of a campaign, with their player and which one is your active character.',
  input: z.object({ campaignId: campaignIdField, mine: z.boolean().default(false).describe('Only your own characters') }),
  output: z.object({ characters: z.array(CharacterSummarySchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'required',
  async run(input, ctx) {
    const sheets = await ctx.deps.characters.list(ctx.campaignId!);
    if (!sheets.ok) return sheets;
    const active = await ctx.deps.characters.activeId(ctx.campaignId!, ctx.actor);
    const summaries = sheets.value
      .filter((s) => !input.mine || owns(s, ctx.actor))
      .map((s) => ({
        id: s.id,
        name: s.name,
        level: s.level,
        classes: classLine(s),
        hp: `${s.hp.current}/${s.hp.max}`,
        ac: s.ac,
        provider: s.source.provider,
        owner: s.owner,
        mine: owns(s, ctx.actor),
        active: s.id === active,
      }));
    return ok({ characters: summaries });
  },
  format: ({ characters }) =>
    characters.length === 0 ? 'No characters yet: import one with import_character' : characters.map((c) => `${c.active ? '▶ ' : ''}${c.name} (${c.classes}), id ${c.id}`).join('\n'),
});

/** The parts of a sheet a user may change; id, source and owner stay (the GM reassigns owners). */
const EditableSheetSchema = CharacterSheetSchema.omit({ id: true, source: true }).partial();

export const updateCharacter = defineTool({
  name: 'update_character',
  title: 'Change a character',
  description:
    'Change fields of a character sheet (e.g. {"hp": {"max": 31, "current": 20, "temp": 0}}, {"ac": 17}, {"notes": "..."}). Each given top-level field ' +
    'replaces the stored one; the whole sheet is checked before it is saved. Players may change only their own characters; only the GM may change owner.',
  input: z.object({
    campaignId: campaignIdField,
    character: characterField,
    changes: z.record(z.string(), z.unknown()).describe('Top-level sheet fields to replace'),
    expectedVersion: expectedVersionField,
  }),
  output: z.object({ character: CharacterSheetSchema, campaignVersion: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const unknownKeys = Object.keys(input.changes).filter((k) => !(k in EditableSheetSchema.shape));
    if (unknownKeys.length > 0) {
      return fail('VALIDATION', `changes.${unknownKeys[0]}: not a field you can change; expected some of ${Object.keys(EditableSheetSchema.shape).join(', ')}`, { field: `changes.${unknownKeys[0]}` });
    }
    if ('owner' in input.changes && ctx.role !== 'gm') return fail('FORBIDDEN', 'Only the GM may give a character to another player', { field: 'changes.owner' });
    const changed = await ctx.deps.characters.modify(
      ctx.campaignId!,
      input.character,
      ctx.actor,
      { isGm: ctx.role === 'gm', verb: 'Updated', ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}) },
      (sheet) => ok({ ...sheet, ...(input.changes as Partial<CharacterSheet>) }),
    );
    return changed.ok ? ok({ character: changed.value.sheet, campaignVersion: changed.value.campaign.version }) : changed;
  },
  format: ({ character, campaignVersion }) => `Updated ${sheetLine(character)} (campaign version ${campaignVersion})`,
});

export const removeCharacter = defineTool({
  name: 'remove_character',
  title: 'Remove a character',
  description: 'Remove a character from the campaign (it stays in the campaign history; rollback_campaign brings it back).',
  input: z.object({ campaignId: campaignIdField, character: characterField, expectedVersion: expectedVersionField }),
  output: z.object({ removed: z.object({ id: z.string(), name: z.string() }), campaignVersion: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const removed = await ctx.deps.characters.modify(
      ctx.campaignId!,
      input.character,
      ctx.actor,
      { isGm: ctx.role === 'gm', verb: 'Removed', ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}) },
      () => ok(null),
    );
    return removed.ok ? ok({ removed: { id: removed.value.sheet.id, name: removed.value.sheet.name }, campaignVersion: removed.value.campaign.version }) : removed;
  },
  format: ({ removed }) => `Removed ${removed.name}`,
});

export const selectCharacter = defineTool({
  name: 'select_character',
  title: 'Choose your active character',
  description: 'Choose the character your rolls use when you do not name one (roll_check, Discord /check, /save, /attack). Players choose among their own characters.',
  input: z.object({ campaignId: campaignIdField, character: characterField.describe('Character id or name') }),
  output: z.object({ character: z.object({ id: z.string(), name: z.string() }) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'required',
  async run(input, ctx: ToolContext) {
    const found = await ctx.deps.characters.resolve(ctx.campaignId!, input.character, ctx.actor);
    if (!found.ok) return found;
    if (ctx.role !== 'gm' && !owns(found.value, ctx.actor)) return fail('FORBIDDEN', `${found.value.name} is another player's character: choose one of yours`, { field: 'character' });
    await ctx.deps.characters.select(ctx.campaignId!, found.value, ctx.actor);
    return ok({ character: { id: found.value.id, name: found.value.name } });
  },
  format: ({ character }) => `Your active character is now ${character.name}`,
});
