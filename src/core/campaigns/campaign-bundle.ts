import { z } from 'zod';
import { CharacterSheetSchema } from '../characters/character-sheet.js';
import { validateSheet } from '../characters/character-validation.js';
import { fail, ok, type Result } from '../result.js';
import { EncounterSchema, LoggedRollSchema, NoteSchema, SessionStatusSchema } from '../sessions/session-schemas.js';
import { CampaignDataSchema, HistoryEntrySchema, type CampaignData } from './campaign-schemas.js';

export const BUNDLE_FORMAT = 'ttrpg-hub.campaign';

/**
 * A whole campaign as one JSON file: its content (with every character as a full sheet), its
 * sessions with their notes, initiative and complete dice logs, and its history for reference.
 * Members and their access tokens are not part of it: tokens are secrets bound to one hub.
 */
export const CampaignBundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT).describe(`Always "${BUNDLE_FORMAT}"`),
  version: z.literal(1),
  exportedAt: z.string(),
  campaign: z.object({
    id: z.string(),
    name: z.string().min(1).max(120),
    system: z.string().min(1).max(80),
    description: z.string().max(20_000),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  }),
  data: CampaignDataSchema,
  sessions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: SessionStatusSchema,
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      notes: z.array(NoteSchema),
      encounter: EncounterSchema,
      rolls: z.array(LoggedRollSchema).describe('The whole dice log, oldest first'),
    }),
  ),
  history: z.array(HistoryEntrySchema).describe('The exporting hub\'s history, for reference; the importing hub starts its own'),
});
export type CampaignBundle = z.infer<typeof CampaignBundleSchema>;

/** Reads a bundle, checking every character that is a sheet as an import would; errors name the field. */
export function parseBundle(raw: unknown): Result<CampaignBundle> {
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format !== BUNDLE_FORMAT) {
    return fail('BAD_FILE', `Not a campaign bundle: expected "format": "${BUNDLE_FORMAT}" (from export_campaign); for a character export use import_character`, { field: 'bundle.format' });
  }
  const parsed = CampaignBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return fail('BAD_FILE', `The campaign bundle is not valid: bundle.${path}: ${issue.message}`, { field: `bundle.${path}` });
  }
  const bundle = parsed.data;
  const characters: CampaignData['characters'] = [];
  for (const [i, entity] of bundle.data.characters.entries()) {
    // Characters that are sheets are checked like an import; free-form entries stay as they are.
    if (!('abilities' in entity)) {
      characters.push(entity);
      continue;
    }
    const sheet = validateSheet(entity, `bundle.data.characters.${i}`);
    if (!sheet.ok) return sheet;
    characters.push(CharacterSheetSchema.parse(sheet.value) as unknown as CampaignData['characters'][number]);
  }
  return ok({ ...bundle, data: { ...bundle.data, characters } });
}
