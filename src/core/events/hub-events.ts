import { z } from 'zod';
import { ActorRefSchema } from '../access/actor.js';
import { DataTypeSchema } from '../campaigns/campaign-schemas.js';
import { DiceRollSchema } from '../dice/dice-schemas.js';
import { IngestStatusSchema } from '../rules/rules-schemas.js';
import { CombatantKindSchema, ConditionSchema, EncounterViewSchema, HealthSchema, HpSchema, MonsterHpDisplaySchema, NoteSchema } from '../sessions/session-schemas.js';

const base = {
  id: z.string(),
  at: z.string(),
  campaignId: z.string().nullable(),
  sessionId: z.string().nullable(),
  actor: ActorRefSchema,
  /** Version of the aggregate after the change; a client keeps the newest state it has seen. */
  version: z.number().int().nullable(),
};

const combatantRef = {
  combatantId: z.string().nullable().describe('null when the combatant is hidden from this audience'),
  name: z.string().nullable(),
  kind: CombatantKindSchema,
  hidden: z.boolean(),
};

/** Every state change in the hub, as published on the event bus and sent to sockets. */
export const HubEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('dice.rolled'), secret: z.boolean(), rolls: z.array(DiceRollSchema) }),
  z.object({ ...base, type: z.literal('session.started'), name: z.string() }),
  z.object({ ...base, type: z.literal('session.ended'), name: z.string() }),
  z.object({ ...base, type: z.literal('session.note_added'), note: NoteSchema }),
  z.object({ ...base, type: z.literal('initiative.updated'), encounter: EncounterViewSchema }),
  z.object({
    ...base,
    type: z.literal('turn.changed'),
    round: z.number().int(),
    currentId: z.string().nullable(),
    currentName: z.string().nullable(),
    previousId: z.string().nullable(),
    hidden: z.boolean().describe('The combatant whose turn it is now is hidden'),
    previousHidden: z.boolean(),
    expired: z.array(z.object({ combatantId: z.string(), name: z.string(), condition: z.string(), hidden: z.boolean() })),
  }),
  z.object({
    ...base,
    type: z.literal('combatant.hp_changed'),
    ...combatantRef,
    before: HpSchema.nullable(),
    after: HpSchema.nullable(),
    health: HealthSchema.nullable(),
    monsterHp: MonsterHpDisplaySchema,
  }),
  z.object({
    ...base,
    type: z.literal('combatant.conditions_changed'),
    ...combatantRef,
    conditions: z.array(ConditionSchema),
    hiddenAnchors: z.array(z.string()).optional().describe('GM only: anchors the table must not see (their ids are masked in its view)'),
  }),
  z.object({ ...base, type: z.literal('campaign.created'), name: z.string() }),
  z.object({
    ...base,
    type: z.literal('campaign.updated'),
    summary: z.string(),
    dataType: DataTypeSchema.nullable().describe('null for name/system/description changes and rollbacks'),
  }),
  z.object({ ...base, type: z.literal('campaign.deleted') }),
  z.object({ ...base, type: z.literal('access.revoked'), memberId: z.string(), name: z.string() }),
  // The rules library is the hub's, not a campaign's: campaignId is null and only GMs may see it.
  z.object({ ...base, type: z.literal('source.ingest_progress'), ...IngestStatusSchema.shape }),
]);
export type HubEvent = z.infer<typeof HubEventSchema>;
export type HubEventType = HubEvent['type'];
export type EventOf<T extends HubEventType> = Extract<HubEvent, { type: T }>;

/** All event type names, for documentation and subscription filters. */
export const HubEventTypes = HubEventSchema.options.map((o) => o.shape.type.value) as HubEventType[];
