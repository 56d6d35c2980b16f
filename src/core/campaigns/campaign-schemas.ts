import { z } from 'zod';
import { ActorRefSchema, RoleSchema } from '../access/actor.js';

/** The kinds of things a campaign keeps. */
export const DataTypes = ['characters', 'npcs', 'locations', 'plotPoints', 'quests'] as const;
export const DataTypeSchema = z.enum(DataTypes);
export type DataType = z.infer<typeof DataTypeSchema>;

/**
 * One character, NPC, location, plot point or quest. `name` is required; any other fields
 * (class, level, faction, status, ...) are kept as given, so each table can record what it needs.
 */
export const EntitySchema = z
  .looseObject({
    id: z.string(),
    name: z.string().min(1).max(120),
    description: z.string().max(20_000).optional(),
    tags: z.array(z.string().max(40)).max(50).optional(),
  })
  .describe('An entity: id and name plus any fields you like');
export type Entity = z.infer<typeof EntitySchema>;

export const CampaignDataSchema = z.object(
  Object.fromEntries(DataTypes.map((t) => [t, z.array(EntitySchema)])) as Record<DataType, z.ZodArray<typeof EntitySchema>>,
);
export type CampaignData = z.infer<typeof CampaignDataSchema>;

export const emptyCampaignData = (): CampaignData =>
  Object.fromEntries(DataTypes.map((t) => [t, []])) as unknown as CampaignData;

export const HistoryEntrySchema = z.object({
  version: z.number().int(),
  at: z.string(),
  actor: ActorRefSchema,
  summary: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Someone given access to one campaign through a token. The token itself is stored only as a hash. */
export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

/** The campaign aggregate: stored under one key, so each change is one write. */
export const CampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().describe('Bumped on every content change; see get_campaign_history'),
  data: CampaignDataSchema,
  history: z.array(HistoryEntrySchema),
  sessionIds: z.array(z.string()),
  activeSessionId: z.string().nullable(),
  members: z.array(MemberSchema),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** The content of one version, kept under its own key for rollback. */
export const CampaignSnapshotSchema = CampaignSchema.pick({ version: true, name: true, system: true, description: true, data: true });
export type CampaignSnapshot = z.infer<typeof CampaignSnapshotSchema>;

export const CampaignSummarySchema = CampaignSchema.pick({
  id: true,
  name: true,
  system: true,
  description: true,
  version: true,
  updatedAt: true,
  activeSessionId: true,
}).extend({ role: RoleSchema.describe('Your role in this campaign') });
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>;

/** Data types the whole table may read; NPCs, locations, plot points and quests are the GM's. */
export const tableVisibleData: readonly DataType[] = ['characters'];
