import { actorRef, type Actor } from '../access/actor.js';
import type { KeyedMutex } from '../concurrency/keyed-mutex.js';
import { updateResult } from '../concurrency/update-result.js';
import type { HubEvent } from '../events/hub-events.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';
import { fail, notFound, ok, type Result } from '../result.js';
import {
  emptyCampaignData,
  type Campaign,
  type CampaignSnapshot,
  type DataType,
  type Entity,
  type HistoryEntry,
} from './campaign-schemas.js';

export interface CampaignDeps {
  store: Store;
  events: EventBus;
  clock: Clock;
  random: Random;
  mutex: KeyedMutex;
  limits: { maxItemsPerType: number };
}

export const campaignKey = (id: string) => `campaign:${id}`;
export const snapshotKey = (id: string, version: number) => `campaign:${id}:v:${version}`;
const INDEX_KEY = 'campaigns';

export type DataChange =
  | { operation: 'add'; dataType: DataType; item: Record<string, unknown> }
  | { operation: 'update'; dataType: DataType; itemId: string; item: Record<string, unknown> }
  | { operation: 'remove'; dataType: DataType; itemId: string };

type ContentPatch = Pick<Campaign, 'name' | 'system' | 'description' | 'data'>;

/**
 * Campaigns and their versioned content. Each content change writes the new version's snapshot
 * first and the campaign head second: a crash in between leaves an unused snapshot, never a head
 * pointing at a missing version.
 */
export class CampaignService {
  constructor(private readonly deps: CampaignDeps) {}

  async create(input: { name: string; system: string; description?: string }, actor: Actor): Promise<Result<Campaign>> {
    const now = this.deps.clock.now().toISOString();
    const campaign: Campaign = {
      id: this.deps.random.id(),
      name: input.name,
      system: input.system,
      description: input.description ?? '',
      createdAt: now,
      updatedAt: now,
      version: 1,
      data: emptyCampaignData(),
      history: [{ version: 1, at: now, actor: actorRef(actor), summary: 'Created the campaign' }],
      sessionIds: [],
      activeSessionId: null,
      members: [],
    };
    await this.deps.store.set(snapshotKey(campaign.id, 1), toSnapshot(campaign));
    await this.deps.store.set(campaignKey(campaign.id), campaign);
    // The index is written last: a campaign missing from it is invisible, never half-created.
    await this.deps.store.update<string[]>(INDEX_KEY, (ids) => [...(ids ?? []), campaign.id]);
    await this.publish(campaign, actor, { type: 'campaign.created', name: campaign.name });
    return ok(campaign);
  }

  async get(id: string): Promise<Result<Campaign>> {
    const campaign = await this.deps.store.get<Campaign>(campaignKey(id));
    return campaign ? ok(campaign) : notFound('Campaign', id, 'campaignId');
  }

  /** Every campaign, skipping index entries whose campaign is gone (a delete interrupted half-way). */
  async all(): Promise<Campaign[]> {
    const ids = (await this.deps.store.get<string[]>(INDEX_KEY)) ?? [];
    const found = await Promise.all(ids.map((id) => this.deps.store.get<Campaign>(campaignKey(id))));
    return found.filter((c): c is Campaign => c !== undefined);
  }

  async updateInfo(
    id: string,
    patch: { name?: string; system?: string; description?: string },
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<Result<Campaign>> {
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (fields.length === 0) return fail('VALIDATION', 'Nothing to change: give a name, system or description', { field: 'name' });
    const summary = `Changed ${fields.map(([k]) => k).join(', ')}`;
    return this.commit(id, expectedVersion, actor, summary, null, (c) => ok({ ...c, ...Object.fromEntries(fields) }));
  }

  async changeData(id: string, change: DataChange, expectedVersion: number | undefined, actor: Actor): Promise<Result<{ campaign: Campaign; item: Entity | null }>> {
    let item: Entity | null = null;
    const result = await this.commit(id, expectedVersion, actor, '', change.dataType, (c) => {
      const list = c.data[change.dataType];
      if (change.operation === 'add') {
        if (list.length >= this.deps.limits.maxItemsPerType) {
          return fail('LIMIT', `This campaign already has ${list.length} ${change.dataType}: the limit is ${this.deps.limits.maxItemsPerType}`, {
            field: 'dataType',
          });
        }
        const wanted = typeof change.item.id === 'string' ? change.item.id : undefined;
        if (wanted && list.some((e) => e.id === wanted)) {
          return fail('CONFLICT', `${change.dataType} already has an item with id "${wanted}": use operation "update"`, { field: 'item.id' });
        }
        item = { ...change.item, id: wanted ?? this.deps.random.id() } as Entity;
        return ok({ ...c, data: { ...c.data, [change.dataType]: [...list, item] } });
      }
      const existing = list.find((e) => e.id === change.itemId);
      if (!existing) return notFound(`Item in ${change.dataType}`, change.itemId, 'itemId');
      if (change.operation === 'remove') {
        item = existing;
        return ok({ ...c, data: { ...c.data, [change.dataType]: list.filter((e) => e.id !== change.itemId) } });
      }
      item = { ...existing, ...change.item, id: existing.id } as Entity;
      return ok({ ...c, data: { ...c.data, [change.dataType]: list.map((e) => (e.id === change.itemId ? item! : e)) } });
    }, () => `${verb[change.operation]} ${singular(change.dataType)} "${item?.name ?? ''}"`);
    return result.ok ? ok({ campaign: result.value, item }) : result;
  }

  /**
   * Changes one data type's list as a whole in one versioned commit, so a change that must look at the
   * list first (find, then add or replace) cannot interleave with another writer.
   */
  async changeDataWith<T>(
    id: string,
    dataType: DataType,
    expectedVersion: number | undefined,
    actor: Actor,
    fn: (list: Entity[]) => Result<{ list: Entity[]; value: T; summary: string }>,
  ): Promise<Result<{ campaign: Campaign; value: T }>> {
    let value: T | undefined;
    let summary = '';
    const result = await this.commit(id, expectedVersion, actor, '', dataType, (c) => {
      const changed = fn(c.data[dataType]);
      if (!changed.ok) return changed;
      if (changed.value.list.length > this.deps.limits.maxItemsPerType) {
        return fail('LIMIT', `That makes ${changed.value.list.length} ${dataType}: the limit is ${this.deps.limits.maxItemsPerType}`, { field: 'dataType' });
      }
      value = changed.value.value;
      summary = changed.value.summary;
      return ok({ ...c, data: { ...c.data, [dataType]: changed.value.list } });
    }, () => summary);
    return result.ok ? ok({ campaign: result.value, value: value as T }) : result;
  }

  /** Replaces the whole content (name, system, description, data) as one new version, e.g. from a campaign bundle. */
  async replaceContent(id: string, content: Pick<Campaign, 'name' | 'system' | 'description' | 'data'>, expectedVersion: number | undefined, actor: Actor, summary: string): Promise<Result<Campaign>> {
    return this.commit(id, expectedVersion, actor, summary, null, (c) => ok({ ...c, ...content }));
  }

  async getVersion(id: string, version: number): Promise<Result<CampaignSnapshot>> {
    const snapshot = await this.deps.store.get<CampaignSnapshot>(snapshotKey(id, version));
    if (snapshot) return ok(snapshot);
    // The head is written before its snapshot: after a crash in between, the head is the snapshot.
    const head = await this.deps.store.get<Campaign>(campaignKey(id));
    return head?.version === version ? ok(toSnapshot(head)) : notFound('Version', String(version), 'version');
  }

  /** Restores the content of an earlier version as a new version; nothing in the history is lost. */
  async rollback(id: string, version: number, expectedVersion: number | undefined, actor: Actor): Promise<Result<Campaign>> {
    const current = await this.get(id);
    if (!current.ok) return current;
    if (version < 1 || version >= current.value.version) {
      return fail('VALIDATION', `version ${version} is not an earlier version: expected 1 to ${current.value.version - 1}`, { field: 'version' });
    }
    const snapshot = await this.getVersion(id, version);
    if (!snapshot.ok) return snapshot;
    const { name, system, description, data } = snapshot.value;
    return this.commit(id, expectedVersion, actor, `Rolled back to version ${version}`, null, (c) => ok({ ...c, name, system, description, data }));
  }

  /** Changes what is not versioned content (members, session pointers). */
  async modify(id: string, fn: (c: Campaign) => Result<Campaign>): Promise<Result<Campaign>> {
    return this.deps.mutex.run(campaignKey(id), () =>
      updateResult<Campaign>(this.deps.store, campaignKey(id), (c) => (c ? fn(c) : notFound('Campaign', id, 'campaignId'))),
    );
  }

  async delete(id: string, actor: Actor, sessionKeys: (c: Campaign) => Promise<string[]>): Promise<Result<{ id: string; name: string }>> {
    const current = await this.get(id);
    if (!current.ok) return current;
    const c = current.value;
    // Unlisting first makes the delete take effect at once; the rest is cleanup that tolerates a crash.
    await this.deps.store.update<string[]>(INDEX_KEY, (ids) => (ids ?? []).filter((x) => x !== id));
    await this.deps.store.delete(campaignKey(id));
    await this.deps.store.deleteMany(await sessionKeys(c));
    await this.deps.store.deleteMany(Array.from({ length: c.version }, (_, i) => snapshotKey(id, i + 1)));
    await this.publish(c, actor, { type: 'campaign.deleted' });
    return ok({ id, name: c.name });
  }

  private async commit(
    id: string,
    expectedVersion: number | undefined,
    actor: Actor,
    summary: string,
    dataType: DataType | null,
    fn: (c: Campaign) => Result<ContentPatch & Campaign>,
    describe?: () => string,
  ): Promise<Result<Campaign>> {
    // The in-process lock keeps this process's events in version order; the store's compare-and-set
    // keeps versions unique across processes.
    const result = await this.deps.mutex.run(campaignKey(id), async (): Promise<Result<Campaign>> => {
      let previous: Campaign | undefined;
      const written = await updateResult<Campaign>(this.deps.store, campaignKey(id), (c) => {
        previous = c;
        if (!c) return notFound('Campaign', id, 'campaignId');
        if (expectedVersion !== undefined && expectedVersion !== c.version) {
          return fail('CONFLICT', `The campaign is at version ${c.version}, not ${expectedVersion}: someone changed it first. Reload and try again`, {
            field: 'expectedVersion',
            details: { currentVersion: c.version },
          });
        }
        const changed = fn(c);
        if (!changed.ok) return changed;
        const version = c.version + 1;
        const at = this.deps.clock.now().toISOString();
        const entry: HistoryEntry = { version, at, actor: actorRef(actor), summary: describe ? describe() : summary };
        return ok({ ...changed.value, version, updatedAt: at, history: [...c.history, entry] });
      });
      if (!written.ok) return written;
      // Only the process that won version N writes its snapshot. The previous one is written again
      // (same content) in case its writer crashed between its head and its snapshot.
      await this.deps.store.set(snapshotKey(id, written.value.version), toSnapshot(written.value));
      if (previous) await this.deps.store.set(snapshotKey(id, previous.version), toSnapshot(previous));
      return written;
    });
    if (result.ok) {
      const last = result.value.history.at(-1)!;
      await this.publish(result.value, actor, { type: 'campaign.updated', summary: last.summary, dataType });
    }
    return result;
  }

  private async publish(
    c: Campaign,
    actor: Actor,
    body: { type: 'campaign.created'; name: string } | { type: 'campaign.updated'; summary: string; dataType: DataType | null } | { type: 'campaign.deleted' },
  ): Promise<void> {
    const event = {
      id: this.deps.random.id(),
      at: this.deps.clock.now().toISOString(),
      campaignId: c.id,
      sessionId: null,
      actor: actorRef(actor),
      version: c.version,
      ...body,
    } as HubEvent;
    await this.deps.events.publish(event);
  }
}

const toSnapshot = (c: Campaign): CampaignSnapshot => ({ version: c.version, name: c.name, system: c.system, description: c.description, data: c.data });
const verb = { add: 'Added', update: 'Updated', remove: 'Removed' } as const;
const singular = (t: DataType) => ({ characters: 'character', npcs: 'NPC', locations: 'location', plotPoints: 'plot point', quests: 'quest' })[t];
