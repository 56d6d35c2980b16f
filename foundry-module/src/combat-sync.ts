import { EncounterViewSchema, type CombatantView, type EncounterView } from '../../src/core/sessions/session-schemas.js';
import type { ActorLike, CombatantLike, CombatLike, FoundryEnv, HookCallback } from './foundry-env.js';
import type { HubReply } from './hub-connection.js';
import { clampInitiative, hpOf, turnStep, type HpLike } from './combat-rules.js';
import { FROM_HUB, hubIdOf, isFromHub, MODULE_ID } from './module-constants.js';
import type { Notifier } from './notifier.js';

export interface HubCaller {
  call<T = any>(name: string, input: Record<string, unknown>): Promise<HubReply<T>>;
}


/**
 * Keeps Foundry's combat tracker and the hub's initiative in step, both ways, without echoes:
 * - Foundry -> hub: only the active GM's client sends, and never a change it made from hub state
 *   (those carry `FROM_HUB` options, which Foundry hands to every hook unchanged), and never a change
 *   the hub already has (compared with the newest hub state).
 * - hub -> Foundry: the active GM's client makes Foundry match the newest hub encounter, after its
 *   own pending sends are answered, so a half-applied local change is never undone.
 * Combatants are paired by a `hubId` flag; after a reconnect an unpaired one is paired by name
 * before anything is added, so reconnects never duplicate combatants.
 */
export class CombatSync {
  #hub: EncounterView | null = null;
  #sessionId: string | null = null;
  #version = -1;
  #combatId: string | null = null;
  #pending = 0;
  #queue: Promise<void> = Promise.resolve();
  #reconcileWanted = false;
  #hooks: [string, number][] = [];
  readonly #warned = new Set<string>();

  constructor(
    private readonly env: FoundryEnv,
    private readonly hub: HubCaller,
    private readonly notifier: Notifier,
    private readonly campaignId: () => string | null,
  ) {}

  /** The newest hub encounter this client knows (for the panel and tests). */
  get hubEncounter(): EncounterView | null {
    return this.#hub;
  }

  /** Resolves once every queued send and reconcile has finished (tests and the panel wait on it). */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#queue;
  }

  attach(): void {
    const on = (hook: string, fn: HookCallback) => this.#hooks.push([hook, this.env.Hooks.on(hook, fn)]);
    on('createCombatant', (c: CombatantLike, options: unknown) => this.#outgoing(c, options, () => this.#add(c)));
    on('deleteCombatant', (c: CombatantLike, options: unknown) => this.#outgoing(c, options, () => this.#remove(c)));
    on('updateCombatant', (c: CombatantLike, changed: Record<string, unknown>, options: unknown) => this.#outgoing(c, options, () => this.#changeCombatant(c, changed)));
    on('updateCombat', (combat: CombatLike, changed: Record<string, unknown>, options: unknown) => {
      if ('round' in changed || 'turn' in changed) this.#outgoingCombat(combat, options, () => this.#turn(combat));
    });
    on('deleteCombat', (combat: CombatLike, options: unknown) => {
      if (!this.#sends(options) || combat.id !== this.#combatId) return;
      this.#combatId = null;
      if (this.#hub?.combatants.length) this.#enqueue(async () => void (await this.#send('end_combat', {})));
    });
    on('updateActor', (actor: ActorLike, changed: Record<string, unknown>, options: unknown) => {
      const hp = (changed.system as { attributes?: { hp?: Partial<HpLike> } } | undefined)?.attributes?.hp;
      if (hp && this.#sends(options)) this.#enqueue(() => this.#actorHp(actor, hp));
    });
  }

  detach(): void {
    for (const [hook, id] of this.#hooks) this.env.Hooks.off(hook, id);
    this.#hooks = [];
  }

  /** After every (re)connect: the whole state, then local changes made while away, then hub state. */
  onSnapshot(session: { id: string; version: number; encounter: unknown } | null): void {
    if (!session) {
      this.#hub = null;
      this.#sessionId = null;
      this.notifier.say('warn', 'No session is running in the hub campaign: start one (start_session or /session start) to sync the combat tracker');
      return;
    }
    const encounter = EncounterViewSchema.safeParse(session.encounter);
    if (!encounter.success) return this.notifier.say('error', 'The hub sent a session snapshot this module does not understand: update the module (Manage Modules) to match the hub');
    this.#accept(session.id, session.version, encounter.data, true);
    this.#enqueue(() => this.#pushLocal());
  }

  /** A hub event (already validated by the caller's schema): `initiative.updated` carries the whole encounter. */
  onInitiative(event: { sessionId: string | null; version: number | null; encounter: EncounterView }): void {
    if (!event.sessionId) return;
    this.#accept(event.sessionId, event.version ?? this.#version + 1, event.encounter, event.sessionId !== this.#sessionId);
    this.#requestReconcile();
  }

  onSessionEnded(sessionId: string | null): void {
    if (sessionId && sessionId === this.#sessionId) {
      this.#hub = null;
      this.#sessionId = null;
    }
  }

  #accept(sessionId: string, version: number, encounter: EncounterView, reset: boolean): void {
    // Events can overtake a snapshot; an older version never replaces a newer one.
    if (!reset && version < this.#version) return;
    this.#sessionId = sessionId;
    this.#version = version;
    this.#hub = encounter;
  }

  #isActiveGM = () => this.env.game.user.isActiveGM === true;
  #sends = (options: unknown) => this.#isActiveGM() && !isFromHub(options) && this.#sessionId !== null;

  #synced(combat: CombatLike | null | undefined): combat is CombatLike {
    const current = this.env.game.combat;
    return !!combat && !!current && combat.id === current.id;
  }

  #outgoing(c: CombatantLike, options: unknown, fn: () => Promise<void>): void {
    const combat = (c as unknown as { parent?: CombatLike }).parent ?? this.env.game.combat;
    this.#outgoingCombat(combat ?? null, options, fn);
  }

  #outgoingCombat(combat: CombatLike | null, options: unknown, fn: () => Promise<void>): void {
    if (!this.#sends(options) || !this.#synced(combat)) return;
    this.#combatId = combat.id;
    this.#enqueue(fn);
  }

  #enqueue(fn: () => Promise<void>): void {
    this.#pending += 1;
    this.#queue = this.#queue
      .then(fn)
      .catch((error: unknown) => this.notifier.say('error', `Combat sync failed: ${(error as Error).message ?? error}`))
      .finally(() => {
        this.#pending -= 1;
        if (this.#pending === 0 && this.#reconcileWanted) this.#requestReconcile();
      });
  }

  #requestReconcile(): void {
    if (!this.#isActiveGM()) return;
    this.#reconcileWanted = true;
    if (this.#pending > 0) return;
    this.#reconcileWanted = false;
    this.#enqueue(() => this.#reconcile());
  }

  async #send(tool: string, input: Record<string, unknown>): Promise<HubReply> {
    const reply = await this.hub.call(tool, { campaignId: this.campaignId(), sessionId: this.#sessionId, ...input });
    if (!reply.ok) this.notifier.say(reply.error.code === 'UNAVAILABLE' ? 'warn' : 'error', `The hub refused ${tool}: ${reply.error.message}`);
    return reply;
  }

  #hubCombatant = (id: string | null): CombatantView | undefined => (id ? this.#hub?.combatants.find((c) => c.id === id) : undefined);

  async #add(c: CombatantLike): Promise<void> {
    const combat = this.env.game.combat;
    if (!combat || !c.id || !this.#hub) return;
    if (this.#hubCombatant(hubIdOf(c))) return;
    this.#warnUnlinked(c);
    const paired = this.#pairByName(combat, c);
    if (paired) return this.#setHubId(combat, c, paired.id);
    const hp = this.#hp(c.actor);
    const system = c.actor?.system as { attributes?: { ac?: { value?: number }; init?: { total?: number; mod?: number } } } | undefined;
    const reply = await this.#send('add_combatants', {
      combatants: [
        {
          name: (c.name ?? '').slice(0, 80) || 'Combatant',
          kind: c.actor?.type === 'character' || c.actor?.hasPlayerOwner ? 'pc' : 'monster',
          initiative: c.initiative === null ? null : clampInitiative(c.initiative),
          initiativeBonus: Math.round(system?.attributes?.init?.total ?? system?.attributes?.init?.mod ?? 0),
          ...(hp && hp.max > 0 ? { hp: hp.max } : {}),
          ...(typeof system?.attributes?.ac?.value === 'number' ? { ac: system.attributes.ac.value } : {}),
          hidden: c.hidden,
        },
      ],
    });
    if (!reply.ok) return;
    const added = (reply.value as { added: CombatantView[] }).added[0];
    if (!added) return;
    await this.#setHubId(combat, c, added.id);
    if (hp && hp.max > 0 && hp.value !== hp.max) await this.#send('change_hp', { combatantId: added.id, setHp: Math.max(0, hp.value) });
  }

  /** An unpaired hub combatant of the same name: one this client added before a reconnect lost the answer. */
  #pairByName(combat: CombatLike, c: CombatantLike): CombatantView | undefined {
    const taken = new Set(combat.combatants.contents.map(hubIdOf).filter(Boolean));
    return this.#hub?.combatants.find((h) => !taken.has(h.id) && h.name === c.name);
  }

  async #setHubId(combat: CombatLike, c: CombatantLike, hubId: string): Promise<void> {
    await combat.updateEmbeddedDocuments('Combatant', [{ _id: c.id, [`flags.${MODULE_ID}.hubId`]: hubId }], FROM_HUB);
    if (this.#sessionId && combat.getFlag(MODULE_ID, 'sessionId') !== this.#sessionId) {
      await combat.update({ [`flags.${MODULE_ID}.sessionId`]: this.#sessionId }, FROM_HUB);
    }
  }

  async #remove(c: CombatantLike): Promise<void> {
    const hubId = hubIdOf(c);
    if (hubId && this.#hubCombatant(hubId)) await this.#send('remove_combatant', { combatantId: hubId });
  }

  async #changeCombatant(c: CombatantLike, changed: Record<string, unknown>): Promise<void> {
    const hubId = hubIdOf(c);
    const h = this.#hubCombatant(hubId);
    if (!hubId || !h) return;
    if ('initiative' in changed && c.initiative !== null && clampInitiative(c.initiative) !== h.initiative) {
      await this.#send('set_initiative', { combatantId: hubId, initiative: clampInitiative(c.initiative) });
    }
    const update: Record<string, unknown> = {};
    if ('hidden' in changed && c.hidden !== h.hidden) update.hidden = c.hidden;
    if ('name' in changed && c.name && c.name.slice(0, 80) !== h.name) update.name = c.name.slice(0, 80);
    if (Object.keys(update).length) await this.#send('update_combatant', { combatantId: hubId, ...update });
  }

  async #turn(combat: CombatLike): Promise<void> {
    if (!this.#hub) return;
    const targetId = combat.round > 0 ? hubIdOf(combat.combatant) : null;
    // Not in the hub yet (the resync sends it), or Foundry reset to round 0 (the hub keeps its turn until end_combat).
    if (!targetId) return;
    const step = turnStep(this.#hub, targetId, combat.round);
    if (step) await this.#send(step.tool, step.input);
  }

  async #actorHp(actor: ActorLike, changed: Partial<HpLike>): Promise<void> {
    const combat = this.env.game.combat;
    const hp = this.#hp(actor);
    if (!combat || !hp) return;
    for (const c of combat.combatants.contents) {
      if (c.actorId !== actor.id || !c.token?.actorLink) continue;
      const h = this.#hubCombatant(hubIdOf(c));
      if (!h?.hp) continue;
      if ('max' in changed && hp.max > 0 && hp.max !== h.hp.max) await this.#send('change_hp', { combatantId: h.id, maxHp: hp.max });
      if ('value' in changed && Math.max(0, hp.value) !== h.hp.current) await this.#send('change_hp', { combatantId: h.id, setHp: Math.max(0, Math.min(hp.value, hp.max)) });
      if ('temp' in changed && (hp.temp ?? 0) > h.hp.temp) await this.#send('change_hp', { combatantId: h.id, tempHp: hp.temp });
    }
  }

  /** After a reconnect: combatants added and turns taken in Foundry while the hub was away. */
  async #pushLocal(): Promise<void> {
    const combat = this.env.game.combat;
    if (!this.#isActiveGM() || !combat || !this.#hub) return;
    this.#combatId = combat.id;
    const sameSession = combat.getFlag(MODULE_ID, 'sessionId') === this.#sessionId;
    for (const c of combat.combatants.contents) {
      // Pairings from an earlier session mean nothing in this one.
      if (!sameSession || !this.#hubCombatant(hubIdOf(c))) {
        if (sameSession && hubIdOf(c)) continue; // removed in the hub while away: the reconcile removes it here
        await this.#add(c);
      }
    }
    if (combat.started && combat.round > 0 && this.#hub.round === 0) await this.#turn(combat);
    this.#reconcileWanted = true;
  }

  /** Makes Foundry's tracker match the newest hub encounter. Every change carries FROM_HUB. */
  async #reconcile(): Promise<void> {
    const hub = this.#hub;
    if (!hub || !this.#isActiveGM()) return;
    let combat = this.env.game.combat ?? null;
    if (combat && combat.getFlag(MODULE_ID, 'sessionId') !== this.#sessionId && combat.combatants.contents.some((c) => hubIdOf(c))) return;
    if (hub.combatants.length === 0) {
      if (combat && combat.combatants.contents.some((c) => hubIdOf(c))) {
        this.#combatId = null;
        await combat.delete(FROM_HUB);
      }
      return;
    }
    if (!combat) {
      const sceneId = this.env.sceneId();
      combat = ((await this.env.Combat.create({ scene: sceneId, active: true, flags: { [MODULE_ID]: { sessionId: this.#sessionId } } }, FROM_HUB)) as CombatLike | undefined) ?? this.env.game.combat ?? null;
      if (!combat) return;
    }
    this.#combatId = combat.id;
    const byHubId = new Map(combat.combatants.contents.map((c) => [hubIdOf(c), c] as const));
    const wanted = new Set(hub.combatants.map((c) => c.id));
    const stale = combat.combatants.contents.filter((c) => hubIdOf(c) && !wanted.has(hubIdOf(c)!)).map((c) => c.id!);
    if (stale.length) await combat.deleteEmbeddedDocuments('Combatant', stale, FROM_HUB);
    const missing = hub.combatants.filter((h) => !byHubId.has(h.id));
    if (missing.length) {
      await combat.createEmbeddedDocuments(
        'Combatant',
        missing.map((h) => ({ name: h.name, initiative: h.initiative, hidden: h.hidden, flags: { [MODULE_ID]: { hubId: h.id, kind: h.kind } } })),
        FROM_HUB,
      );
    }
    const updates: Record<string, unknown>[] = [];
    for (const h of hub.combatants) {
      const c = byHubId.get(h.id);
      if (!c) continue;
      const update: Record<string, unknown> = {};
      const local = c.initiative === null ? null : clampInitiative(c.initiative);
      if (local !== h.initiative) update.initiative = h.initiative;
      if (c.hidden !== h.hidden) update.hidden = h.hidden;
      if (Object.keys(update).length) updates.push({ _id: c.id, ...update });
      await this.#applyHp(c, h);
    }
    if (updates.length) await combat.updateEmbeddedDocuments('Combatant', updates, FROM_HUB);
    if (combat.getFlag(MODULE_ID, 'sessionId') !== this.#sessionId) await combat.update({ [`flags.${MODULE_ID}.sessionId`]: this.#sessionId }, FROM_HUB);
    if (hub.round > 0 && hub.currentId) {
      const turn = combat.turns.findIndex((c) => hubIdOf(c) === hub.currentId);
      if (turn >= 0 && (combat.round !== hub.round || combat.turn !== turn)) await combat.update({ round: hub.round, turn }, FROM_HUB);
    }
  }

  async #applyHp(c: CombatantLike, h: CombatantView): Promise<void> {
    const hp = this.#hp(c.actor);
    if (!hp || !h.hp || !c.actor) return;
    if (!c.token?.actorLink) return this.#warnUnlinked(c);
    const update: Record<string, unknown> = {};
    if (hp.value !== h.hp.current) update['system.attributes.hp.value'] = h.hp.current;
    if (hp.max !== h.hp.max) update['system.attributes.hp.max'] = h.hp.max;
    if ((hp.temp ?? 0) !== h.hp.temp) update['system.attributes.hp.temp'] = h.hp.temp;
    if (Object.keys(update).length) await c.actor.update(update, FROM_HUB);
  }

  #hp = (actor: ActorLike | null | undefined) => hpOf(actor, this.env.game.system.id);

  #warnUnlinked(c: CombatantLike): void {
    const name = c.name ?? 'A combatant';
    if (!c.token || c.token.actorLink || this.#warned.has(name)) return;
    this.#warned.add(name);
    this.notifier.say('warn', `${name}'s token is not linked to its actor, so its HP does not sync with the hub: link the token (Token > Identity > Link Actor Data) or change its HP in the hub`);
  }
}
