import { z } from 'zod';
import { ActorRefSchema } from '../access/actor.js';
import { DiceRollSchema } from '../dice/dice-schemas.js';

export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, "-" or "_"');

export const HpSchema = z.object({
  current: z.number().int().min(0),
  max: z.number().int().min(1),
  temp: z.number().int().min(0),
});
export type Hp = z.infer<typeof HpSchema>;

/** How a monster's hit points show to players and viewers. The GM always sees exact numbers. */
export const MonsterHpDisplaySchema = z.enum(['exact', 'descriptive', 'hidden']);

export const HealthSchema = z.enum(['healthy', 'bloodied', 'down']);
export type Health = z.infer<typeof HealthSchema>;

/**
 * A condition with an optional duration in rounds. It counts down when the turn of its anchor
 * (by default the creature it is on) starts or ends, and expires when it reaches zero.
 */
export const ConditionSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(60),
  remainingRounds: z.number().int().min(1).nullable().describe('null: lasts until removed'),
  ticksOn: z.enum(['turn_start', 'turn_end']),
  anchorId: z.string().describe('The combatant whose turn counts the duration down'),
  /** Set when applied during the anchor's own turn with ticksOn turn_end: "until the end of its next turn". */
  skipNextTick: z.boolean(),
  note: z.string().max(200).nullable(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const CombatantKindSchema = z.enum(['pc', 'npc', 'monster']);

export const CombatantSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(80),
  kind: CombatantKindSchema,
  initiative: z.number().nullable().describe('null until rolled or set'),
  initiativeBonus: z.number().int(),
  /** Breaks ties after initiative and bonus; drawn once when the combatant joins. */
  tiebreak: z.number(),
  hp: HpSchema.nullable(),
  ac: z.number().int().nullable(),
  hidden: z.boolean().describe('Hidden combatants are seen by the GM only'),
  conditions: z.array(ConditionSchema),
  groupId: z.string().nullable(),
  ownerId: z.string().nullable().describe('The actor who added this player character (e.g. a Discord user), for mentions'),
});
export type Combatant = z.infer<typeof CombatantSchema>;

/** The initiative tracker of a session. `combatants` is kept in turn order. */
export const EncounterSchema = z.object({
  round: z.number().int().min(0).describe('0 until the first turn starts'),
  currentId: z.string().nullable().describe('Whose turn it is; null before combat starts'),
  combatants: z.array(CombatantSchema),
  monsterHp: MonsterHpDisplaySchema,
});
export type Encounter = z.infer<typeof EncounterSchema>;

export const NoteSchema = z.object({
  id: z.string(),
  at: z.string(),
  author: ActorRefSchema,
  text: z.string(),
  secret: z.boolean(),
});
export type Note = z.infer<typeof NoteSchema>;

export const LoggedRollSchema = z.object({
  at: z.string(),
  roller: ActorRefSchema,
  secret: z.boolean(),
  roll: DiceRollSchema,
});
export type LoggedRoll = z.infer<typeof LoggedRollSchema>;

export const SessionStatusSchema = z.enum(['active', 'ended']);

/**
 * One game session as stored: notes and initiative tracker in one aggregate. The dice log lives in
 * pages beside it (see roll-log.ts); the session counts its entries.
 */
export const SessionRecordSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  status: SessionStatusSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  version: z.number().int(),
  notes: z.array(NoteSchema).describe('Stored: notes of sessions from before notes were paged; shown: every note'),
  noteCount: z.number().int().optional().describe('Notes kept in pages beside the session'),
  secretNoteCount: z.number().int().optional(),
  noteBytes: z.number().int().optional().describe('Characters of notes, for the per-session cap'),
  rollPageSize: z.number().int().optional().describe('Rolls per log key: 1 for new sessions, 10 or 50 (absent) for older ones'),
  rollCount: z.number().int().describe('Rolls in the whole log'),
  secretRollCount: z.number().int(),
  encounter: EncounterSchema,
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** A session with its most recent dice rolls, as tools and sockets return it. */
export const SessionSchema = SessionRecordSchema.extend({
  rolls: z.array(LoggedRollSchema).describe('The most recent rolls, newest last'),
});
export type Session = z.infer<typeof SessionSchema>;

/** A combatant as a player or viewer sees it: monster HP may be replaced by a health word. */
export const CombatantViewSchema = CombatantSchema.extend({
  hp: HpSchema.nullable(),
  health: HealthSchema.nullable(),
});
export type CombatantView = z.infer<typeof CombatantViewSchema>;

export const EncounterViewSchema = EncounterSchema.extend({ combatants: z.array(CombatantViewSchema) });
export type EncounterView = z.infer<typeof EncounterViewSchema>;

export const SessionViewSchema = SessionSchema.extend({ encounter: EncounterViewSchema });
export type SessionView = z.infer<typeof SessionViewSchema>;
