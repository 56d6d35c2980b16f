/**
 * The public face of the core. Adapters, transports and stores import from here only.
 */
export * from './result.js';
export * from './access/actor.js';
export type { AccessService } from './access/access-service.js';
export { KeyedMutex } from './concurrency/keyed-mutex.js';
export * from './ports/clock.js';
export * from './ports/event-bus.js';
export * from './ports/logger.js';
export * from './ports/random.js';
export type { Store } from './ports/store.js';
export * from './ports/secret-box.js';
export type * from './ports/search-index.js';
export type { Embedder } from './ports/embedder.js';
export * from './events/hub-events.js';
export { viewEvent, viewSession, viewEncounter } from './events/audience-view.js';
export { viewCampaign } from './campaigns/campaign-view.js';
export * from './campaigns/campaign-schemas.js';
export * from './sessions/session-schemas.js';
export { formatEncounter, formatCombatant } from './sessions/encounter-format.js';
export * from './dice/dice-schemas.js';
export { CritRules, type CritRule } from './dice/chat-notation.js';
export type { DiceEngine } from './dice/dice-engine.js';
export { describeRoll } from './tools/dice-tools.js';
export * from './registry/define-tool.js';
export * from './registry/tool-registry.js';
export type { CoreDeps } from './core-deps.js';
export { createCore, type Core, type CoreOptions } from './create-core.js';
export { coreTools } from './tools/index.js';
export * from './rules/rules-schemas.js';
export { searchTerms, normalizeText, words, stem } from './rules/text-terms.js';
export { defaultFusion, type FusionOptions } from './rules/fusion.js';
export { RulesLibrary, defaultRulesOptions, type RulesOptions, type AddSourceRequest, type AddSourceOutcome } from './rules/rules-library.js';
export * from './characters/character-sheet.js';
export type * from './characters/character-importer.js';
export * from './characters/rules-5e.js';
export * from './game-master/gm-stream.js';
