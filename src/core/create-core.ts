import { AccessService } from './access/access-service.js';
import { CampaignService } from './campaigns/campaign-service.js';
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
import type { Embedder } from './ports/embedder.js';
import type { KeywordIndex, SearchIndex } from './ports/search-index.js';
import { defaultRulesOptions, RulesLibrary, type RulesOptions } from './rules/rules-library.js';
import { coreTools } from './tools/index.js';
import { GameMaster, type GameMasterSettings } from './game-master/game-master.js';

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
  limits?: Partial<{ maxItemsPerType: number; recentRolls: number; maxNotes: number }>;
  /** The rules library's indexes and embedder; without them the rules tools answer UNAVAILABLE. */
  rules?: { keywords: KeywordIndex; vectors: SearchIndex | null; embedder: Embedder | null; options?: Partial<RulesOptions> };
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
  const limits = { maxItemsPerType: 2000, recentRolls: 50, maxNotes: 2000, ...options.limits };
  const { store, events } = options;
  const campaigns = new CampaignService({ store, events, clock, random, mutex, limits });
  const sessions = new SessionService({ store, events, clock, random, mutex, campaigns, limits });
  const access = new AccessService({ store, clock, random, campaigns, events, ownerToken: options.ownerToken });
  const dice = createDiceEngine(random, DiceLimitsSchema.parse(options.diceLimits ?? {}));
  const rules = options.rules
    ? new RulesLibrary({ store, events, clock, logger, mutex, ...options.rules, options: { ...defaultRulesOptions, ...options.rules.options } })
    : null;
  const deps: CoreDeps = { store, events, clock, random, logger, dice, campaigns, sessions, access, rules, secrets: options.secrets ?? ephemeralSecretBox(), gameMaster: null };
  const registry = createRegistry([...coreTools, ...(options.extraTools ?? [])], deps);
  if (options.ai) deps.gameMaster = new GameMaster(deps, () => registry, options.ai);
  return { deps, registry };
}
