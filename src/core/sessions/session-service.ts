import { actorRef, type Actor } from '../access/actor.js';
import type { CampaignService } from '../campaigns/campaign-service.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import type { DiceRoll } from '../dice/dice-schemas.js';
import { viewEncounter } from '../events/audience-view.js';
import type { HubEvent } from '../events/hub-events.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';
import { fail, notFound, ok, type Result } from '../result.js';
import { emptyEncounter } from './initiative-tracker.js';
import { RollLog } from './roll-log.js';
import type { Encounter, LoggedRoll, Note, Session, SessionRecord } from './session-schemas.js';

export interface SessionDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  random: Random;
  mutex: KeyedMutex;
  campaigns: CampaignService;
  limits: { recentRolls: number; maxNotes: number };
}

export const sessionKey = (id: string) => `session:${id}`;

/** Event bodies a session change may publish; the service fills in ids, time, actor and version. */
type EventBody = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'id' | 'at' | 'campaignId' | 'sessionId' | 'actor' | 'version'> : never) : never;

/** What an encounter change returns: the new encounter, a value for the caller, and events to publish. */
export interface EncounterChange<T> {
  encounter: Encounter;
  value: T;
  events: (session: SessionRecord) => EventBody[];
}

/**
 * Game sessions. A session is one aggregate (notes, dice log, initiative) under one key,
 * so every acknowledged change is exactly one write.
 */
export class SessionService {
  readonly #rolls: RollLog;
  constructor(private readonly deps: SessionDeps) {
    this.#rolls = new RollLog(deps.store);
  }

  /** The stored session without its dice log: enough to know its campaign and state. */
  async getRecord(id: string): Promise<Result<SessionRecord>> {
    const session = await this.deps.store.get<SessionRecord>(sessionKey(id));
    return session ? ok(session) : notFound('Session', id, 'sessionId');
  }

  /** The session with its most recent rolls. */
  async get(id: string): Promise<Result<Session>> {
    const record = await this.getRecord(id);
    return record.ok ? ok(await this.withRecentRolls(record.value)) : record;
  }

  /** The campaign's active session, or null; a pointer left by an interrupted end_session is ignored. */
  async active(campaign: Campaign): Promise<Session | null> {
    const record = await this.activeRecord(campaign);
    return record ? this.withRecentRolls(record) : null;
  }

  /** The active session without reading its dice log, for callers that only need its id or state. */
  async activeRecord(campaign: Campaign): Promise<SessionRecord | null> {
    if (!campaign.activeSessionId) return null;
    const session = await this.deps.store.get<SessionRecord>(sessionKey(campaign.activeSessionId));
    return session?.status === 'active' ? session : null;
  }

  async list(campaign: Campaign): Promise<SessionRecord[]> {
    const found = await Promise.all(campaign.sessionIds.map((id) => this.deps.store.get<SessionRecord>(sessionKey(id))));
    return found.filter((s): s is SessionRecord => s !== undefined);
  }

  /** Every key a session occupies, for deleting a campaign. */
  async storageKeys(id: string): Promise<string[]> {
    const record = await this.deps.store.get<SessionRecord>(sessionKey(id));
    return [sessionKey(id), ...this.#rolls.keys(id, record?.rollCount ?? 0)];
  }

  private async withRecentRolls(record: SessionRecord): Promise<Session> {
    return { ...record, rolls: await this.#rolls.recent(record.id, record.rollCount, this.deps.limits.recentRolls) };
  }

  async start(campaignId: string, name: string | undefined, actor: Actor): Promise<Result<Session>> {
    return this.deps.mutex.run(`start:${campaignId}`, async () => {
      const campaign = await this.deps.campaigns.get(campaignId);
      if (!campaign.ok) return campaign;
      const running = await this.active(campaign.value);
      if (running) {
        return fail('STATE', `Session "${running.name}" (${running.id}) is still active: end it before starting another`, {
          field: 'campaignId',
          details: { activeSessionId: running.id },
        });
      }
      const now = this.deps.clock.now();
      const session: SessionRecord = {
        id: this.deps.random.id(),
        campaignId,
        name: name ?? `Session ${campaign.value.sessionIds.length + 1} (${now.toISOString().slice(0, 10)})`,
        status: 'active',
        startedAt: now.toISOString(),
        endedAt: null,
        version: 1,
        notes: [],
        rollCount: 0,
        secretRollCount: 0,
        encounter: emptyEncounter(),
      };
      // The session is written before the campaign points at it, so a campaign never refers to a missing session.
      await this.deps.store.set<SessionRecord>(sessionKey(session.id), session);
      const linked = await this.deps.campaigns.modify(campaignId, (c) =>
        ok({ ...c, sessionIds: [...c.sessionIds, session.id], activeSessionId: session.id }),
      );
      if (!linked.ok) return linked;
      await this.publish(session, actor, [{ type: 'session.started', name: session.name }]);
      return ok({ ...session, rolls: [] });
    });
  }

  async end(sessionId: string, actor: Actor): Promise<Result<Session>> {
    const ended = await this.update(sessionId, actor, (s) => {
      if (s.status === 'ended') return fail('STATE', `Session "${s.name}" has already ended`, { field: 'sessionId' });
      return ok({ session: { ...s, status: 'ended' as const, endedAt: this.deps.clock.now().toISOString() }, events: [{ type: 'session.ended', name: s.name }] });
    });
    if (!ended.ok) return ended;
    await this.deps.campaigns.modify(ended.value.campaignId, (c) =>
      ok(c.activeSessionId === sessionId ? { ...c, activeSessionId: null } : c),
    );
    return ok(await this.withRecentRolls(ended.value));
  }

  async addNote(sessionId: string, text: string, secret: boolean, actor: Actor): Promise<Result<Note>> {
    const note: Note = { id: this.deps.random.id(), at: this.deps.clock.now().toISOString(), author: actorRef(actor), text, secret };
    const saved = await this.update(sessionId, actor, (s) => {
      if (s.notes.length >= this.deps.limits.maxNotes) {
        return fail('LIMIT', `This session has ${s.notes.length} notes: the limit is ${this.deps.limits.maxNotes}`, { field: 'note' });
      }
      return ok({ session: { ...s, notes: [...s.notes, note] }, events: [{ type: 'session.note_added', note }] });
    });
    return saved.ok ? ok(note) : saved;
  }

  /** Appends rolls to the session's dice log and announces them. */
  async logRolls(sessionId: string, rolls: DiceRoll[], secret: boolean, actor: Actor): Promise<Result<SessionRecord>> {
    const at = this.deps.clock.now().toISOString();
    const entries = rolls.map((roll) => ({ at, roller: actorRef(actor), secret, roll }));
    return this.update(sessionId, actor, async (s) => {
      if (s.status !== 'active') return fail('STATE', `Session "${s.name}" has ended: roll without sessionId to use the active session`, { field: 'sessionId' });
      // The log pages are written before the session counts them; see RollLog.
      await this.#rolls.append(s.id, s.rollCount, entries);
      const session = { ...s, rollCount: s.rollCount + entries.length, secretRollCount: s.secretRollCount + (secret ? entries.length : 0) };
      return ok({ session, events: [{ type: 'dice.rolled', secret, rolls }] });
    });
  }

  /** Applies a change to the initiative tracker of an active session, then publishes its events. */
  async changeEncounter<T>(sessionId: string, actor: Actor, fn: (enc: Encounter, s: SessionRecord) => Result<EncounterChange<T>>): Promise<Result<{ session: SessionRecord; value: T }>> {
    let value: T;
    const saved = await this.update(sessionId, actor, (s) => {
      if (s.status !== 'active') return fail('STATE', `Session "${s.name}" has ended: start a new session to run combat`, { field: 'sessionId' });
      const change = fn(s.encounter, s);
      if (!change.ok) return change;
      value = change.value.value;
      const next = { ...s, encounter: change.value.encounter };
      const events: EventBody[] = [...change.value.events(next), { type: 'initiative.updated', encounter: viewEncounter(next.encounter, 'gm') }];
      return ok({ session: next, events });
    });
    return saved.ok ? ok({ session: saved.value, value: value! }) : saved;
  }

  private async update(
    sessionId: string,
    actor: Actor,
    fn: (s: SessionRecord) => Result<{ session: SessionRecord; events: EventBody[] }> | Promise<Result<{ session: SessionRecord; events: EventBody[] }>>,
  ): Promise<Result<SessionRecord>> {
    const result = await this.deps.mutex.run(sessionKey(sessionId), async (): Promise<Result<SessionRecord>> => {
      const current = await this.getRecord(sessionId);
      if (!current.ok) return current;
      const changed = await fn(current.value);
      if (!changed.ok) return changed;
      const next = { ...changed.value.session, version: current.value.version + 1 };
      await this.deps.store.set(sessionKey(sessionId), next);
      // Published after the write is acknowledged (nobody hears of a change that could still be lost)
      // and inside the lock, so listeners hear a session's changes in version order.
      await this.publish(next, actor, changed.value.events);
      return ok(next);
    });
    return result;
  }

  /** The whole dice log of a session, oldest first (for campaign export). */
  async fullLog(record: SessionRecord): Promise<LoggedRoll[]> {
    return this.#rolls.recent(record.id, record.rollCount, record.rollCount);
  }

  /**
   * Recreates an exported session in a campaign under a new id: log and record first, then the
   * campaign's pointer, so a crash in between leaves an unreferenced session, never a dangling pointer.
   */
  async restore(campaignId: string, record: Omit<SessionRecord, 'id' | 'campaignId' | 'rollCount' | 'secretRollCount' | 'version'>, rolls: LoggedRoll[]): Promise<Result<SessionRecord>> {
    const session: SessionRecord = {
      ...record,
      id: this.deps.random.id(),
      campaignId,
      version: 1,
      rollCount: rolls.length,
      secretRollCount: rolls.filter((r) => r.secret).length,
    };
    await this.#rolls.append(session.id, 0, rolls);
    await this.deps.store.set<SessionRecord>(sessionKey(session.id), session);
    const linked = await this.deps.campaigns.modify(campaignId, (c) =>
      ok({ ...c, sessionIds: [...c.sessionIds, session.id], activeSessionId: session.status === 'active' ? session.id : c.activeSessionId }),
    );
    return linked.ok ? ok(session) : linked;
  }

  private async publish(session: SessionRecord, actor: Actor, bodies: EventBody[]): Promise<void> {
    for (const body of bodies) {
      const event = {
        id: this.deps.random.id(),
        at: this.deps.clock.now().toISOString(),
        campaignId: session.campaignId,
        sessionId: session.id,
        actor: actorRef(actor),
        version: session.version,
        ...body,
      } as HubEvent;
      await this.deps.events.publish(event);
    }
  }
}
