import { actorRef, type Actor } from '../access/actor.js';
import type { CampaignService } from '../campaigns/campaign-service.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import type { GroupCommit } from '../concurrency/group-commit.js';
import { updateResult } from '../concurrency/update-result.js';
import type { DiceRoll } from '../dice/dice-schemas.js';
import { viewEncounter } from '../events/audience-view.js';
import type { HubEvent } from '../events/hub-events.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';
import { fail, notFound, ok, type Result } from '../result.js';
import { emptyEncounter } from './initiative-tracker.js';
import { ONE_PER_KEY, PagedLog, SMALL_PAGE } from './paged-log.js';
import { rollLog } from './roll-log.js';
import { rollWriter, type PendingRolls } from './roll-writer.js';
import type { Encounter, LoggedRoll, Note, Session, SessionRecord } from './session-schemas.js';

export interface SessionDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  random: Random;
  mutex: KeyedMutex;
  campaigns: CampaignService;
  limits: { recentRolls: number; maxNotes: number; maxNoteBytes: number };
}

export const sessionKey = (id: string) => `session:${id}`;


/** Event bodies a session change may publish; the service fills in ids, time, actor and version. */
export type EventBody = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'id' | 'at' | 'campaignId' | 'sessionId' | 'actor' | 'version'> : never) : never;

/** What an encounter change returns: the new encounter, a value for the caller, and events to publish. */
export interface EncounterChange<T> {
  encounter: Encounter;
  value: T;
  events: (session: SessionRecord) => EventBody[];
}

/**
 * Game sessions. A session's record (state, initiative, counts) is one key; its notes and dice log
 * are pages beside it, so a change writes a bounded amount however long the session runs.
 */
export class SessionService {
  readonly #rolls: PagedLog<LoggedRoll>;
  readonly #notes: PagedLog<Note>;
  readonly #rollWriter: GroupCommit<PendingRolls, Result<SessionRecord>>;
  constructor(private readonly deps: SessionDeps) {
    this.#rolls = rollLog(deps.store);
    this.#rollWriter = rollWriter({ ...deps, rolls: this.#rolls, publish: (session, actor, bodies) => this.publish(session, actor, bodies) });
    this.#notes = new PagedLog<Note>(deps.store, 'notes');
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
    return [sessionKey(id), ...this.#rolls.keys(id, record?.rollCount ?? 0, record?.rollPageSize), ...this.#notes.keys(id, record?.noteCount ?? 0, SMALL_PAGE)];
  }

  /** The session as tools show it: its notes (inline ones from older versions, then the paged ones) and recent rolls. */
  private async withRecentRolls(record: SessionRecord): Promise<Session> {
    const count = record.noteCount ?? 0;
    const [rolls, paged] = await Promise.all([this.#rolls.recent(record.id, record.rollCount, this.deps.limits.recentRolls, record.rollPageSize), this.#notes.recent(record.id, count, count, SMALL_PAGE)]);
    return { ...record, notes: [...record.notes, ...paged], rolls };
  }

  async start(campaignId: string, name: string | undefined, actor: Actor): Promise<Result<Session>> {
    return this.deps.mutex.run(`start:${campaignId}`, async () => {
      const campaign = await this.deps.campaigns.get(campaignId);
      if (!campaign.ok) return campaign;
      const running = await this.active(campaign.value);
      if (running) return stillActive(running);
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
        rollPageSize: ONE_PER_KEY,
        rollCount: 0,
        secretRollCount: 0,
        encounter: emptyEncounter(),
      };
      // The session is written before the campaign points at it, so a campaign never refers to a missing session.
      await this.deps.store.set<SessionRecord>(sessionKey(session.id), session);
      // Another process may have started a session since we looked: the campaign's pointer decides.
      const seen = campaign.value.activeSessionId;
      const linked = await this.deps.campaigns.modify(campaignId, (c) =>
        c.activeSessionId !== seen
          ? fail('STATE', 'Another session was started at the same moment: end it before starting another', { field: 'campaignId', details: { activeSessionId: c.activeSessionId } })
          : ok({ ...c, sessionIds: [...c.sessionIds, session.id], activeSessionId: session.id }),
      );
      if (!linked.ok) {
        await this.deps.store.delete(sessionKey(session.id));
        return linked;
      }
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

  /**
   * Adds a note beside the session (see PagedLog): the session only counts notes and their size, so
   * it stays small however many notes a table writes, within the per-session caps.
   */
  async addNote(sessionId: string, text: string, secret: boolean, actor: Actor): Promise<Result<Note>> {
    const note: Note = { id: this.deps.random.id(), at: this.deps.clock.now().toISOString(), author: actorRef(actor), text, secret };
    const { maxNotes, maxNoteBytes } = this.deps.limits;
    return this.deps.mutex.run(sessionKey(sessionId), async (): Promise<Result<Note>> => {
      const reserved = await updateResult<SessionRecord>(this.deps.store, sessionKey(sessionId), (s) => {
        if (!s) return notFound('Session', sessionId, 'sessionId');
        const count = s.notes.length + (s.noteCount ?? 0);
        const bytes = (s.noteBytes ?? 0) + s.notes.reduce((n, x) => n + x.text.length, 0);
        if (count >= maxNotes) return fail('LIMIT', `This session has ${count} notes: the limit is ${maxNotes}`, { field: 'note' });
        if (bytes + text.length > maxNoteBytes) {
          return fail('LIMIT', `This session's notes would be ${bytes + text.length} characters long: the limit is ${maxNoteBytes} per session. Start a new session or shorten the note`, { field: 'note' });
        }
        return ok({
          ...s,
          version: s.version + 1,
          noteCount: (s.noteCount ?? 0) + 1,
          secretNoteCount: (s.secretNoteCount ?? 0) + (secret ? 1 : 0),
          noteBytes: (s.noteBytes ?? 0) + text.length,
        });
      });
      if (!reserved.ok) return reserved;
      await this.#notes.write(sessionId, reserved.value.noteCount! - 1, [note], SMALL_PAGE);
      await this.publish(reserved.value, actor, [{ type: 'session.note_added', note }]);
      return ok(note);
    });
  }

  /**
   * Appends rolls to the session's dice log and announces them. The session's count is raised first,
   * which reserves the log positions (across processes too); the entries are then written into their
   * pages, and only then announced and acknowledged. Rolls arriving while another roll of the same
   * session is being written are written together next (group commit): one count change and one write
   * per page for the batch, each roll still with its own version, positions and event.
   */
  logRolls(sessionId: string, rolls: DiceRoll[], secret: boolean, actor: Actor): Promise<Result<SessionRecord>> {
    const at = this.deps.clock.now().toISOString();
    const entries = rolls.map((roll) => ({ at, roller: actorRef(actor), secret, roll }));
    return this.#rollWriter.submit(sessionId, { rolls, entries, secret, actor });
  }

  /**
   * `logRolls` in the campaign's active session, or ok(null) with nothing written when none is
   * running. Whether it runs is read from the record the reservation changes, so the session is read
   * once per roll, not once to check and again to write; a pointer to a session that is gone or has
   * ended (an interrupted end_session) counts as none, as for `activeRecord`.
   */
  async logRollsInActive(campaign: Campaign, rolls: DiceRoll[], secret: boolean, actor: Actor): Promise<Result<SessionRecord | null>> {
    if (!campaign.activeSessionId) return ok(null);
    const logged = await this.logRolls(campaign.activeSessionId, rolls, secret, actor);
    return logged.ok || (logged.error.code !== 'NOT_FOUND' && logged.error.code !== 'STATE') ? logged : ok(null);
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
    fn: (s: SessionRecord) => Result<{ session: SessionRecord; events: EventBody[] }>,
  ): Promise<Result<SessionRecord>> {
    // The in-process lock keeps this process's events in version order; the store's compare-and-set
    // keeps versions unique across processes. `fn` may run again after a lost race: its last run counts.
    return this.deps.mutex.run(sessionKey(sessionId), async (): Promise<Result<SessionRecord>> => {
      let events: EventBody[] = [];
      const written = await updateResult<SessionRecord>(this.deps.store, sessionKey(sessionId), (current) => {
        if (!current) return notFound('Session', sessionId, 'sessionId');
        const changed = fn(current);
        if (!changed.ok) return changed;
        events = changed.value.events;
        return ok({ ...changed.value.session, version: current.version + 1 });
      });
      if (!written.ok) return written;
      // Published after the write is acknowledged: nobody hears of a change that could still be lost.
      await this.publish(written.value, actor, events);
      return written;
    });
  }

  /** The whole dice log of a session, oldest first (for campaign export). */
  async fullLog(record: SessionRecord): Promise<LoggedRoll[]> {
    return this.#rolls.recent(record.id, record.rollCount, record.rollCount, record.rollPageSize);
  }

  /** Every note of a session, oldest first: those kept in the record by older versions, then the paged ones. */
  async allNotes(record: SessionRecord): Promise<Note[]> {
    const count = record.noteCount ?? 0;
    return [...record.notes, ...(await this.#notes.recent(record.id, count, count, SMALL_PAGE))];
  }

  /**
   * Recreates an exported session in a campaign under a new id: notes, log and record first, then the
   * campaign's pointer, so a crash in between leaves an unreferenced session, never a dangling pointer.
   */
  async restore(campaignId: string, record: Omit<SessionRecord, 'id' | 'campaignId' | 'rollCount' | 'secretRollCount' | 'version'>, rolls: LoggedRoll[]): Promise<Result<SessionRecord>> {
    const notes = record.notes;
    const session: SessionRecord = {
      ...record,
      id: this.deps.random.id(),
      campaignId,
      version: 1,
      notes: [],
      noteCount: notes.length,
      secretNoteCount: notes.filter((n) => n.secret).length,
      noteBytes: notes.reduce((n, x) => n + x.text.length, 0),
      rollCount: rolls.length,
      secretRollCount: rolls.filter((r) => r.secret).length,
      rollPageSize: ONE_PER_KEY,
    };
    await this.#notes.write(session.id, 0, notes, SMALL_PAGE);
    await this.#rolls.write(session.id, 0, rolls, ONE_PER_KEY);
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

const stillActive = (running: SessionRecord): Result<never> =>
  fail('STATE', `Session "${running.name}" (${running.id}) is still active: end it before starting another`, {
    field: 'campaignId',
    details: { activeSessionId: running.id },
  });
