import type { Actor } from '../access/actor.js';
import type { Logger } from '../ports/logger.js';
import type { GameMaster } from './game-master.js';

export interface QueryRewriterOptions {
  /** A rewrite slower than this is dropped and the question is searched as asked. */
  timeoutMs: number;
  /** Rewrites kept for repeated questions (players ask the same things). */
  cacheSize: number;
  logger: Logger;
}

const SYSTEM =
  'You turn a tabletop RPG player\'s rules question into the words a 5e rulebook uses for it: the names of the rules, ' +
  'actions, conditions, class features, spells or monsters it is about. Answer with one line of search terms and nothing else. ' +
  'Do not answer the question.';

/** Longest rewrite kept: a rambling model must not turn a search into a different question. */
const MAX_CHARS = 300;

/**
 * The optional query rewrite of rules search (RULES_QUERY_REWRITE): the AI game master's default
 * provider turns table talk into rulebook terms, charged to the person asking under the game master's
 * spending limits; the library searches both wordings and sums their fused scores. A failure, a
 * timeout, a spent limit or an empty answer gives null, which searches the question as asked, so a
 * provider outage never breaks search. `gameMaster` is read when a question comes (it is made after
 * the rules library).
 */
export function createQueryRewriter(gameMaster: () => GameMaster | null, options: QueryRewriterOptions): (query: string, actor: Actor, signal?: AbortSignal) => Promise<string | null> {
  const cache = new Map<string, string | null>();
  return async (query, actor, signal) => {
    const gm = gameMaster();
    if (!gm?.settings.gateway.defaultProvider()) return null;
    const key = query.trim().toLowerCase();
    if (cache.has(key)) return cache.get(key)!;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let text: string;
    try {
      // Room for a thinking model's short reasoning before its one line of terms.
      text = await gm.complete({ system: SYSTEM, prompt: query, maxTokens: 600 }, actor, signal ? AbortSignal.any([signal, timeout]) : timeout);
    } catch (error) {
      options.logger.warn({ err: error }, 'query rewrite failed; searching the question as asked');
      return null;
    }
    const rewrite = text.split('\n').find((line) => line.trim())?.trim().slice(0, MAX_CHARS) || null;
    cache.set(key, rewrite);
    if (cache.size > options.cacheSize) cache.delete(cache.keys().next().value!);
    return rewrite;
  };
}
