import type { AccessService } from './access/access-service.js';
import type { CampaignService } from './campaigns/campaign-service.js';
import type { DiceEngine } from './dice/dice-engine.js';
import type { Clock } from './ports/clock.js';
import type { GameMaster } from './game-master/game-master.js';
import type { EventBus } from './ports/event-bus.js';
import type { Logger } from './ports/logger.js';
import type { Random } from './ports/random.js';
import type { SecretBox } from './ports/secret-box.js';
import type { Store } from './ports/store.js';
import type { RulesLibrary } from './rules/rules-library.js';
import type { SessionService } from './sessions/session-service.js';

/** Everything a tool may use. Built once by `createCore`; tools never construct their own. */
export interface CoreDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  random: Random;
  logger: Logger;
  dice: DiceEngine;
  campaigns: CampaignService;
  sessions: SessionService;
  access: AccessService;
  /** Encrypts secrets at rest with the hub's one key. */
  secrets: SecretBox;
  /** The GM's library of books; null where no keyword index was given (the rules tools then say so). */
  rules: RulesLibrary | null;
  /** The AI game master; null where the hub was built without AI settings. */
  gameMaster: GameMaster | null;
}
