import type { BackstoryWriter } from './generators/backstory.js';
import { AccessService } from './access/access-service.js';
import { ownerActor } from './access/actor.js';
import { CampaignService } from './campaigns/campaign-service.js';
import type { CharacterImporter } from './characters/character-importer.js';
import { CharacterService } from './characters/character-service.js';
import { KeyedMutex } from './concurrency/keyed-mutex.js';
import type { CoreDeps } from './core-deps.js';
import { createDiceEngine } from './dice/dice-engine.js';
import { DiceLimitsSchema, type DiceLimits } from './dice/dice-schemas.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { EventBus } from './ports/event-bus.js';
import { silentLogger, type Logger } from './ports/logger.js';
import { cryptoRandom, type Random } from './ports/random.js';
import type { Store } from './ports/store.js';
import { ephemeralSecretBox, type SecretBox } from './ports/secret-box.js';
import type { AnyTool } from './registry/define-tool.js';
import { createRegistry, type ToolRegistry } from './registry/tool-registry.js';
import { SessionService } from './sessions/session-service.js';
import type { Reranker } from './ports/reranker.js';
import type { Embedder } from './ports/embedder.js';
import type { KeywordIndex, SearchIndex } from './ports/search-index.js';
import type { PdfReader } from './ports/pdf-reader.js';
import { RulesLibrary } from './rules/rules-library.js';
import { defaultRulesOptions, type RulesOptions } from './rules/rules-options.js';
import { coreTools } from './tools/index.js';
import { GameMaster, type GameMasterSettings } from './game-master/game-master.js';
import { createQueryRewriter } from './game-master/query-rewriter.js';

export interface CoreOptions {
  store: Store;
  events: EventBus;
  ownerToken: string;
  /** Seals secrets at rest with the hub's key; default: a key for this process only (tests). */
  secrets?: SecretBox;
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  diceLimits?: Partial<DiceLimits>;
  limits?: Partial<{ maxItemsPerType: number; recentRolls: number; maxNotes: number; maxImportMb: number; maxNoteBytes: number }>;
  /** The rules library's indexes and embedder; without them the rules tools answer UNAVAILABLE. */
  rules?: {
    keywords: KeywordIndex;
    vectors: SearchIndex | null;
    embedder: Embedder | null;
    reader: PdfReader;
    reranker?: Reranker | null;
    options?: Partial<RulesOptions>;
    /** Let the AI game master's provider reword questions into rulebook terms (off by default; needs `ai`). */
    queryRewrite?: boolean;
  };
  /** Writes backstories for generated characters and NPCs (the AI game master); default: templates. */
  writeBackstory?: BackstoryWriter | null;
  /** Where characters come from (D&D Beyond, Roll20); the first that accepts a request imports it. */
  importers?: readonly CharacterImporter[];
  /** Extra tools next to the core catalogue (adapters' own tools, tests). */
  extraTools?: readonly AnyTool[];
  /** The AI game master's provider router and settings; without them its tools say how to add a provider. */
  ai?: GameMasterSettings;
}

export interface Core {
  deps: CoreDeps;
  registry: ToolRegistry;
}

/** Wires the domain services and the tool registry over the given ports. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const logger = options.logger ?? silentLogger;
  const mutex = new KeyedMutex();
  const limits = { maxItemsPerType: 2000, recentRolls: 50, maxNotes: 2000, maxImportMb: 8, maxNoteBytes: 1_000_000, ...options.limits };
  const { store, events } = options;
  const campaigns = new CampaignService({ store, events, clock, random, mutex, limits });
  const sessions = new SessionService({ store, events, clock, random, mutex, campaigns, limits });
  const access = new AccessService({ store, clock, random, campaigns, events, ownerToken: options.ownerToken });
  const dice = createDiceEngine(random, DiceLimitsSchema.parse(options.diceLimits ?? {}));
  let rules: RulesLibrary | null = null;
  if (options.rules) {
    const { queryRewrite, options: rulesOptions, ...parts } = options.rules;
    const rewriteQuery = queryRewrite && options.ai ? createQueryRewriter(() => deps.gameMaster, { timeoutMs: 4000, cacheSize: 500, logger }) : undefined;
    rules = new RulesLibrary({ store, events, clock, logger, mutex, ...parts, options: { ...defaultRulesOptions, ...rulesOptions, ...(rewriteQuery ? { rewriteQuery } : {}) } });
  }
  const secrets = options.secrets ?? ephemeralSecretBox();
  const characters = new CharacterService({ store, clock, random, secrets, campaigns, importers: options.importers ?? [], limits: { maxImportBytes: limits.maxImportMb * 1024 * 1024 } });
  const deps: CoreDeps = { store, events, clock, random, logger, dice, campaigns, sessions, access, rules, secrets, characters, gameMaster: null, writeBackstory: options.writeBackstory ?? null };
  const registry = createRegistry([...coreTools, ...(options.extraTools ?? [])], deps);
  if (options.ai) {
    const gameMaster = new GameMaster(deps, () => registry, options.ai);
    deps.gameMaster = gameMaster;
    // With a provider configured, generated characters and NPCs get backstories written by the model.
    if (!deps.writeBackstory && gameMaster.settings.gateway.defaultProvider()) deps.writeBackstory = (prompt, signal, actor) => gameMaster.write(prompt, actor ?? ownerActor('Generator'), signal);
  }
  return { deps, registry };
}
