import type { Actor } from '../access/actor.js';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import { GroupCommit } from '../concurrency/group-commit.js';
import { updateResult } from '../concurrency/update-result.js';
import type { DiceRoll } from '../dice/dice-schemas.js';
import type { Store } from '../ports/store.js';
import { fail, notFound, ok, type Result } from '../result.js';
import { ONE_PER_KEY, type PagedLog } from './paged-log.js';
import { sessionKey, type EventBody } from './session-service.js';
import type { LoggedRoll, SessionRecord } from './session-schemas.js';

/** One logRolls call waiting for its session's next log write. */
export interface PendingRolls {
  rolls: DiceRoll[];
  entries: LoggedRoll[];
  secret: boolean;
  actor: Actor;
}

interface RollWriterDeps {
  store: Store;
  mutex: KeyedMutex;
  rolls: PagedLog<LoggedRoll>;
  publish(session: SessionRecord, actor: Actor, bodies: EventBody[]): Promise<void>;
}

/**
 * Writes rolls into a session's dice log by group commit: the rolls of one session that arrive while
 * another batch of it is being written go together in the next batch. A batch raises the session's
 * count once (reserving its log positions, across processes too, by the store's compare-and-set),
 * writes each page it touches once, then announces each roll with its own version and acknowledges
 * it as if it had been written alone.
 */
export function rollWriter(deps: RollWriterDeps): GroupCommit<PendingRolls, Result<SessionRecord>> {
  return new GroupCommit(async (sessionId, batch) => {
    const count = batch.reduce((n, b) => n + b.entries.length, 0);
    const secrets = batch.reduce((n, b) => n + (b.secret ? b.entries.length : 0), 0);
    const entries = batch.flatMap((b) => b.entries);
    const reserved = await deps.mutex.run(sessionKey(sessionId), () =>
      updateResult<SessionRecord>(
        deps.store,
        sessionKey(sessionId),
        (s) => {
          if (!s) return notFound('Session', sessionId, 'sessionId');
          if (s.status !== 'active') return fail('STATE', `Session "${s.name}" has ended: roll without sessionId to use the active session`, { field: 'sessionId' });
          return ok({ ...s, version: s.version + batch.length, rollCount: s.rollCount + count, secretRollCount: s.secretRollCount + secrets });
        },
        { alongside: (s) => (s.rollPageSize === ONE_PER_KEY ? deps.rolls.rows(sessionId, s.rollCount - count, entries) : []) },
      ),
    );
    if (!reserved.ok) return batch.map(() => reserved);
    const record = reserved.value;
    if (record.rollPageSize !== ONE_PER_KEY) await deps.rolls.write(sessionId, record.rollCount - count, entries, record.rollPageSize);
    let rollCount = record.rollCount - count;
    let secretRollCount = record.secretRollCount - secrets;
    const outcomes: Result<SessionRecord>[] = [];
    for (const [i, b] of batch.entries()) {
      rollCount += b.entries.length;
      if (b.secret) secretRollCount += b.entries.length;
      const own = { ...record, version: record.version - batch.length + i + 1, rollCount, secretRollCount };
      await deps.publish(own, b.actor, [{ type: 'dice.rolled', secret: b.secret, rolls: b.rolls }]);
      outcomes.push(ok(own));
    }
    return outcomes;
  });
}
