/**
 * The slice of Foundry VTT's client API this module uses, as structural types.
 *
 * The sync logic is written against these instead of Foundry's globals so it can be tested with an
 * in-memory stand-in. `main.ts` assigns the real globals to `FoundryEnv`, and the module's own
 * type check (TypeScript 5 with @league-of-foundry-developers/foundry-vtt-types v13) proves each
 * signature here is one Foundry v13 really has.
 */

export type HookCallback = (...args: any[]) => unknown;

export interface HooksApi {
  on(hook: string, fn: HookCallback): number;
  once(hook: string, fn: HookCallback): number;
  off(hook: string, id: number): void;
}

/**
 * Options passed to create/update/delete; Foundry hands them unchanged to the hooks on every client.
 * foundry-vtt-types has no slot for a module's own option keys, so methods take `ModOptions`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModOptions = any;

export interface ModificationOptions {
  ttrpgHub?: { fromHub?: boolean };
  [key: string]: unknown;
}

export interface UserLike {
  id: string | null;
  name: string;
  isGM: boolean;
  /** The one GM client that acts for the world: the first active GM by id. */
  isActiveGM: boolean;
  query?(name: string, data: unknown, options?: { timeout?: number }): Promise<unknown>;
}

export interface FlagHolder {
  getFlag(scope: string, key: string): unknown;
}

export interface ActorLike extends FlagHolder {
  id: string | null;
  name: string;
  type: string;
  hasPlayerOwner: boolean;
  system: unknown;
  update(data: Record<string, unknown>, options?: ModOptions): Promise<unknown>;
  items?: { contents: (FlagHolder & { id: string | null })[] };
  // Foundry types item data per system; the module builds it from hub data, so any object goes here.
  createEmbeddedDocuments?(type: 'Item', data: any[]): Promise<unknown>;
  deleteEmbeddedDocuments?(type: 'Item', ids: string[]): Promise<unknown>;
}

export interface TokenDocLike {
  id: string | null;
  actorLink: boolean;
  name: string;
}

export interface CombatantLike extends FlagHolder {
  id: string | null;
  name: string | undefined;
  initiative: number | null;
  hidden: boolean;
  actorId: string | null;
  actor: ActorLike | null;
  token: TokenDocLike | null;
}

export interface CombatLike extends FlagHolder {
  id: string | null;
  round: number;
  turn: number | null;
  started: boolean;
  combatants: { contents: CombatantLike[]; get(id: string): CombatantLike | undefined };
  /** The combatants in turn order. */
  turns: CombatantLike[];
  combatant: CombatantLike | null | undefined;
  update(data: Record<string, unknown>, options?: ModOptions): Promise<unknown>;
  delete(options?: ModOptions): Promise<unknown>;
  createEmbeddedDocuments(type: 'Combatant', data: Record<string, unknown>[], options?: ModOptions): Promise<unknown[]>;
  updateEmbeddedDocuments(type: 'Combatant', updates: Record<string, unknown>[], options?: ModOptions): Promise<unknown[]>;
  deleteEmbeddedDocuments(type: 'Combatant', ids: string[], options?: ModOptions): Promise<unknown[]>;
}

export interface DieResultLike {
  result: number;
  active?: boolean | undefined;
  exploded?: boolean;
  rerolled?: boolean;
  discarded?: boolean;
}

export interface RollLike {
  formula: string;
  total: number | undefined;
  dice: { faces: number | undefined; results: DieResultLike[] }[];
}

export interface ChatMessageLike extends FlagHolder {
  id: string | null;
  isRoll: boolean;
  rolls: RollLike[];
  whisper: (string | null)[];
  blind: boolean;
  flavor: string;
  speaker: { alias?: string | null | undefined };
  author: { name: string } | null | undefined;
}

export interface SettingsApi {
  register(namespace: string, key: string, data: Record<string, unknown>): void;
  get(namespace: string, key: string): unknown;
  set(namespace: string, key: string, value: unknown): Promise<unknown>;
}

export interface GameLike {
  user: UserLike;
  users: { activeGM: UserLike | null | undefined };
  combat: CombatLike | null | undefined;
  actors: { contents: ActorLike[] };
  settings: SettingsApi;
  system: { id: string };
  world: { id: string };
  modules: { get(id: string): { active: boolean } | undefined };
  i18n: { localize(key: string): string; format(key: string, data: Record<string, string>): string };
}

export interface NotificationsApi {
  info(message: string, options?: Record<string, unknown>): unknown;
  warn(message: string, options?: Record<string, unknown>): unknown;
  error(message: string, options?: Record<string, unknown>): unknown;
}

export interface ChatMessageClass {
  create(data: Record<string, unknown>, options?: ModOptions): Promise<unknown>;
  getWhisperRecipients(name: string): { id: string | null }[];
}

export interface ActorClass {
  // The system data is the world's system's; the module builds it per system (see actor-import.ts).
  create(data: any, options?: ModOptions): Promise<unknown>;
}

export interface CombatClass {
  create(data: Record<string, unknown>, options?: ModOptions): Promise<unknown>;
}

/** Everything the module touches, in one object: the real globals in Foundry, a stand-in in tests. */
export interface FoundryEnv {
  game: GameLike;
  Hooks: HooksApi;
  ui: { notifications: NotificationsApi | undefined };
  ChatMessage: ChatMessageClass;
  Actor: ActorClass;
  Combat: CombatClass;
  /** The scene to put a new combat in (the viewed one), when the hub starts a combat first. */
  sceneId(): string | null;
  /** v13 `CONFIG.queries`: named handlers another user's client can call with `user.query`. */
  queries: Record<string, (data: any) => Promise<unknown>>;
}
