/**
 * An in-memory stand-in for the parts of Foundry VTT v13 the module uses, following their documented
 * behaviour: one world (the server) and several clients (browsers), each with its own `Hooks`, `game`
 * and `CONFIG.queries`. A document change made on one client runs `pre*` hooks there, then applies
 * only the keys that really change (no hooks at all when nothing does) and runs `create*` / `update*`
 * / `delete*` hooks on every client with the same options and the initiating user's id, as Foundry's
 * server does. `game.user.isActiveGM` is the active GM with the lowest id (`game.users.activeGM`).
 *
 * Runs in Node (unit tests) and in Chromium (bundled by esbuild for the end-to-end test).
 */

type Fn = (...args: any[]) => unknown;
type Data = Record<string, any>;

let nextId = 1;
const newId = () => `doc${String(nextId++).padStart(12, '0')}`;

/** Foundry's `expandObject` + `mergeObject` for update data with dotted keys ("flags.mod.key"). */
function expand(data: Data): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = node[p] ??= {};
    const last = parts.at(-1)!;
    node[last] = value && typeof value === 'object' && !Array.isArray(value) ? expand(value) : value;
  }
  return out;
}

/** Applies `change` to `target` and returns only what really changed (Foundry's update diff). */
function applyDiff(target: Data, change: Data): Data {
  const diff: Data = {};
  for (const [key, value] of Object.entries(change)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (!target[key] || typeof target[key] !== 'object') target[key] = {};
      const inner = applyDiff(target[key], value);
      if (Object.keys(inner).length) diff[key] = inner;
    } else if (JSON.stringify(target[key]) !== JSON.stringify(value)) {
      target[key] = Array.isArray(value) ? [...value] : value;
      diff[key] = value;
    }
  }
  return diff;
}

export class StandinHooks {
  #next = 1;
  readonly #hooks = new Map<string, Map<number, { fn: Fn; once: boolean }>>();
  on(hook: string, fn: Fn): number {
    const id = this.#next++;
    if (!this.#hooks.has(hook)) this.#hooks.set(hook, new Map());
    this.#hooks.get(hook)!.set(id, { fn, once: false });
    return id;
  }
  once(hook: string, fn: Fn): number {
    const id = this.on(hook, fn);
    this.#hooks.get(hook)!.get(id)!.once = true;
    return id;
  }
  off(hook: string, id: number): void {
    this.#hooks.get(hook)?.delete(id);
  }
  callAll(hook: string, ...args: unknown[]): true {
    for (const [id, h] of [...(this.#hooks.get(hook) ?? [])]) {
      if (h.once) this.off(hook, id);
      h.fn(...args);
    }
    return true;
  }
  /** Like Foundry's `Hooks.call`: stops (and returns false) when a callback returns false. */
  call(hook: string, ...args: unknown[]): boolean {
    for (const [, h] of [...(this.#hooks.get(hook) ?? [])]) if (h.fn(...args) === false) return false;
    return true;
  }
}

class Doc {
  constructor(
    readonly world: StandinWorld,
    public source: Data,
  ) {}
  get id(): string {
    return this.source._id;
  }
  get flags(): Data {
    return (this.source.flags ??= {});
  }
  getFlag(scope: string, key: string): unknown {
    return this.source.flags?.[scope]?.[key];
  }
}

export class StandinActor extends Doc {
  readonly documentName = 'Actor';
  get name() {
    return this.source.name as string;
  }
  get type() {
    return this.source.type as string;
  }
  get system() {
    return (this.source.system ??= {});
  }
  get hasPlayerOwner() {
    return !!this.source.hasPlayerOwner;
  }
  get items(): { contents: { id: string; name: string; type: string; system: Data; getFlag(s: string, k: string): unknown }[] } {
    return { contents: (this.source.items ?? []).map((i: Data) => ({ id: i._id, name: i.name, type: i.type, system: i.system, getFlag: (s: string, k: string) => i.flags?.[s]?.[k] })) };
  }
  /** A token's own copy of an unlinked actor: changes stay on the token. */
  synthetic?: boolean;
  update(data: Data, options: Data = {}, user = this.world.currentUser) {
    return this.world.update(this, 'Actor', data, options, user);
  }
  async createEmbeddedDocuments(_type: 'Item', data: Data[]) {
    const items = data.map((d) => ({ _id: newId(), ...structuredClone(d) }));
    this.source.items = [...(this.source.items ?? []), ...items];
    return items;
  }
  async deleteEmbeddedDocuments(_type: 'Item', ids: string[]) {
    this.source.items = (this.source.items ?? []).filter((i: Data) => !ids.includes(i._id));
    return ids;
  }
}

export class StandinCombatant extends Doc {
  readonly documentName = 'Combatant';
  constructor(
    world: StandinWorld,
    source: Data,
    readonly parent: StandinCombat,
  ) {
    super(world, source);
  }
  get name(): string {
    return this.source.name ?? this.actor?.name ?? 'Unknown';
  }
  get initiative(): number | null {
    return this.source.initiative ?? null;
  }
  get hidden(): boolean {
    return !!this.source.hidden;
  }
  get actorId(): string | null {
    return this.source.actorId ?? null;
  }
  get token() {
    return this.source.token ? { id: this.source.token.id, actorLink: this.source.token.actorLink, name: this.name } : null;
  }
  get actor(): StandinActor | null {
    const base = this.world.actors.find((a) => a.id === this.actorId) ?? null;
    if (!base || this.source.token?.actorLink !== false) return base;
    return (this.source._synthetic ??= Object.assign(new StandinActor(this.world, structuredClone(base.source)), { synthetic: true }));
  }
  update(data: Data, options: Data = {}) {
    return this.parent.updateEmbeddedDocuments('Combatant', [{ _id: this.id, ...data }], options);
  }
}

export class StandinCombat extends Doc {
  readonly documentName = 'Combat';
  readonly combatantDocs: StandinCombatant[] = [];
  get round(): number {
    return this.source.round ?? 0;
  }
  get turn(): number | null {
    return this.source.turn ?? null;
  }
  get active(): boolean {
    return !!this.source.active;
  }
  get started(): boolean {
    return this.round > 0;
  }
  get combatants() {
    const list = this.combatantDocs;
    return { contents: [...list], get: (id: string) => list.find((c) => c.id === id), get size() { return list.length; } };
  }
  /** Foundry's turn order: initiative high to low (unrolled last), then name, then id. */
  get turns(): StandinCombatant[] {
    return [...this.combatantDocs].sort((a, b) => {
      const ia = a.initiative ?? -Infinity;
      const ib = b.initiative ?? -Infinity;
      return ib - ia || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    });
  }
  get combatant(): StandinCombatant | undefined {
    return this.turn === null ? undefined : this.turns[this.turn];
  }
  update(data: Data, options: Data = {}, user = this.world.currentUser) {
    return this.world.update(this, 'Combat', data, options, user);
  }
  delete(options: Data = {}, user = this.world.currentUser) {
    return this.world.delete(this, 'Combat', options, user);
  }
  async createEmbeddedDocuments(_type: 'Combatant', data: Data[], options: Data = {}, user = this.world.currentUser) {
    const created: StandinCombatant[] = [];
    for (const d of data) {
      const doc = new StandinCombatant(this.world, { _id: newId(), initiative: null, hidden: false, flags: {}, ...structuredClone(d) }, this);
      this.world.clientOf(user).Hooks.callAll('preCreateCombatant', doc, d, options, user.id);
      this.combatantDocs.push(doc);
      created.push(doc);
    }
    for (const doc of created) this.world.broadcast('createCombatant', [doc, options, user.id]);
    return created;
  }
  async updateEmbeddedDocuments(_type: 'Combatant', updates: Data[], options: Data = {}, user = this.world.currentUser) {
    const done: StandinCombatant[] = [];
    for (const { _id, ...data } of updates) {
      const doc = this.combatantDocs.find((c) => c.id === _id);
      if (doc && (await this.world.update(doc, 'Combatant', data, options, user))) done.push(doc);
    }
    return done;
  }
  async deleteEmbeddedDocuments(_type: 'Combatant', ids: string[], options: Data = {}, user = this.world.currentUser) {
    const removed = this.combatantDocs.filter((c) => ids.includes(c.id));
    for (const doc of removed) {
      this.world.clientOf(user).Hooks.callAll('preDeleteCombatant', doc, options, user.id);
      this.combatantDocs.splice(this.combatantDocs.indexOf(doc), 1);
    }
    for (const doc of removed) this.world.broadcast('deleteCombatant', [doc, options, user.id]);
    return removed;
  }
  /** Like Foundry: `combatStart` on the initiating client, then round 1, turn 0. */
  async startCombat(user = this.world.currentUser) {
    const updateData = { round: 1, turn: 0 };
    this.world.clientOf(user).Hooks.callAll('combatStart', this, updateData);
    return this.update(updateData, {}, user);
  }
  async nextTurn(user = this.world.currentUser) {
    const last = this.turn === null || this.turn >= this.turns.length - 1;
    return this.update(last ? { round: this.round + 1, turn: 0 } : { turn: this.turn! + 1 }, {}, user);
  }
  async previousTurn(user = this.world.currentUser) {
    if (this.turn === 0 && this.round <= 1) return this;
    return this.update(this.turn === 0 ? { round: this.round - 1, turn: this.turns.length - 1 } : { turn: this.turn! - 1 }, {}, user);
  }
  async endCombat(user = this.world.currentUser) {
    return this.delete({}, user);
  }
}

export class StandinMessage extends Doc {
  readonly documentName = 'ChatMessage';
  get rolls(): StandinRoll[] {
    return this.source.rolls ?? [];
  }
  get isRoll() {
    return this.rolls.length > 0;
  }
  get whisper(): string[] {
    return this.source.whisper ?? [];
  }
  get blind() {
    return !!this.source.blind;
  }
  get flavor(): string {
    return this.source.flavor ?? '';
  }
  get content(): string {
    return this.source.content ?? '';
  }
  get speaker() {
    return this.source.speaker ?? {};
  }
  get author() {
    return this.world.users.find((u) => u.id === this.source.author) ?? null;
  }
}

/** A roll of `NdX[khN|klN] (+|-) NdX... (+|-) M`, dice from the world's seeded random. */
export class StandinRoll {
  total: number | undefined;
  dice: { faces: number; number: number; results: { result: number; active: boolean; discarded?: boolean }[] }[] = [];
  constructor(
    readonly formula: string,
    private readonly world: StandinWorld,
  ) {}
  async evaluate() {
    let total = 0;
    for (const m of this.formula.replace(/\s+/g, '').matchAll(/([+-]?)(?:(\d*)d(\d+)(k[hl]\d+)?|(\d+))/g)) {
      const sign = m[1] === '-' ? -1 : 1;
      if (m[5]) {
        total += sign * Number(m[5]);
        continue;
      }
      const count = Number(m[2] || 1);
      const faces = Number(m[3]);
      const results = Array.from({ length: count }, () => ({ result: this.world.die(faces), active: true, discarded: false }));
      if (m[4]) {
        const keep = Number(m[4].slice(2));
        const order = [...results].sort((a, b) => (m[4]!.startsWith('kh') ? b.result - a.result : a.result - b.result));
        for (const r of order.slice(keep)) Object.assign(r, { active: false, discarded: true });
      }
      this.dice.push({ faces, number: count, results });
      total += sign * results.filter((r) => r.active).reduce((s, r) => s + r.result, 0);
    }
    this.total = total;
    return this;
  }
  /** `rollMode` as Foundry's: publicroll, gmroll (GMs + self), blindroll (GMs, blind), selfroll. */
  async toMessage(data: Data = {}, { rollMode = 'publicroll', user }: { rollMode?: string; user?: StandinUser } = {}) {
    const author = user ?? this.world.currentUser;
    const gms = this.world.users.filter((u) => u.isGM).map((u) => u.id);
    const whisper = rollMode === 'gmroll' ? [...new Set([...gms, author.id])] : rollMode === 'blindroll' ? gms : rollMode === 'selfroll' ? [author.id] : [];
    return this.world.createMessage({ ...data, rolls: [this], whisper, blind: rollMode === 'blindroll' }, {}, author);
  }
}

export class StandinUser {
  active = true;
  constructor(
    readonly world: StandinWorld,
    readonly id: string,
    readonly name: string,
    readonly isGM: boolean,
  ) {}
  get isActiveGM(): boolean {
    return this.world.activeGM === this;
  }
  /** v13 `User#query`: runs the named `CONFIG.queries` handler on this user's client. */
  async query(name: string, data: unknown, { timeout }: { timeout?: number } = {}) {
    if (!this.active) throw new Error(`User ${this.name} is not active`);
    const handler = this.world.clientOf(this).CONFIG.queries[name];
    if (!handler) throw new Error(`Query "${name}" is not registered`);
    return handler(data, { timeout });
  }
}

export class StandinClient {
  readonly Hooks = new StandinHooks();
  readonly CONFIG = { queries: {} as Record<string, (data: any, options?: any) => Promise<unknown>> };
  readonly notices: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  readonly ui = {
    notifications: {
      info: (message: string) => this.notices.push({ level: 'info', message }),
      warn: (message: string) => this.notices.push({ level: 'warn', message }),
      error: (message: string) => this.notices.push({ level: 'error', message }),
    },
  };
  constructor(
    readonly world: StandinWorld,
    readonly user: StandinUser,
  ) {}

  /** Runs `fn` as this client's user (documents it changes name this user as the initiator). */
  as<T>(fn: () => T): T {
    const before = this.world.currentUser;
    this.world.currentUser = this.user;
    try {
      return fn();
    } finally {
      this.world.currentUser = before;
    }
  }

  get game() {
    const world = this.world;
    const user = this.user;
    return {
      user,
      users: { get activeGM() { return world.activeGM; }, contents: world.users },
      get combat() { return world.combats.find((c) => c.active) ?? world.combats[0] ?? null; },
      get combats() { return { contents: world.combats }; },
      actors: { get contents() { return world.actors; } },
      settings: {
        register: (ns: string, key: string, config: Data) => world.settingConfigs.set(`${ns}.${key}`, config),
        get: (ns: string, key: string) => world.getSetting(`${ns}.${key}`, user),
        set: (ns: string, key: string, value: unknown) => world.setSetting(`${ns}.${key}`, value, user),
      },
      system: { get id() { return world.systemId; }, documentTypes: { Actor: world.systemId === 'dnd5e' ? { character: {}, npc: {}, vehicle: {} } : { hero: {}, monster: {} } } },
      world: { id: 'standin-world' },
      modules: { get: (id: string) => world.modules.get(id) },
      i18n: { localize: (k: string) => k, format: (k: string) => k },
      socket: null as unknown,
    };
  }

  /** The module's FoundryEnv for this client. */
  env() {
    const world = this.world;
    const client = this;
    return {
      game: this.game,
      Hooks: this.Hooks,
      ui: this.ui,
      ChatMessage: {
        create: (data: Data, options: Data = {}) => world.createMessage(data, options, client.user),
        getWhisperRecipients: (name: string) => (name === 'GM' ? world.users.filter((u) => u.isGM) : world.users.filter((u) => u.name === name)),
      },
      Actor: { create: (data: Data, options: Data = {}) => world.createActor(data, options, client.user) },
      Combat: { create: (data: Data, options: Data = {}) => world.createCombat(data, options, client.user) },
      sceneId: () => 'scene1',
      queries: this.CONFIG.queries,
    };
  }
}

export class StandinWorld {
  readonly users: StandinUser[] = [];
  readonly clients: StandinClient[] = [];
  readonly combats: StandinCombat[] = [];
  readonly actors: StandinActor[] = [];
  readonly messages: StandinMessage[] = [];
  readonly settingConfigs = new Map<string, Data>();
  readonly #settings = new Map<string, unknown>();
  readonly modules = new Map<string, { active: boolean }>();
  systemId = 'dnd5e';
  currentUser!: StandinUser;
  #seed = 42;

  /** Adds a user and its browser client. */
  join(name: string, isGM: boolean, id = `user${this.users.length + 1}`): StandinClient {
    const user = new StandinUser(this, id, name, isGM);
    this.users.push(user);
    const client = new StandinClient(this, user);
    this.clients.push(client);
    this.currentUser ??= user;
    return client;
  }

  /** Foundry's `game.users.activeGM`: the active GM with the lowest id. */
  get activeGM(): StandinUser | null {
    return this.users.filter((u) => u.isGM && u.active).sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
  }

  clientOf(user: StandinUser): StandinClient {
    return this.clients.find((c) => c.user === user)!;
  }

  die(faces: number): number {
    this.#seed = (this.#seed * 1103515245 + 12345) % 2147483648;
    return 1 + (this.#seed % faces);
  }

  roll(formula: string) {
    return new StandinRoll(formula, this);
  }

  broadcast(hook: string, args: unknown[]): void {
    for (const client of this.clients) if (client.user.active) client.Hooks.callAll(hook, ...args);
  }

  async update(doc: Doc, name: string, data: Data, options: Data, user: StandinUser) {
    const change = expand(data);
    this.clientOf(user).Hooks.callAll(`preUpdate${name}`, doc, change, options, user.id);
    const before = name === 'Combat' ? { round: (doc as StandinCombat).round, turn: (doc as StandinCombat).turn, combatantId: (doc as StandinCombat).combatant?.id ?? null } : null;
    const diff = applyDiff(doc.source, change);
    if (!Object.keys(diff).length) return undefined; // nothing changed: no database write, no hooks
    this.broadcast(`update${name}`, [doc, { ...diff, _id: doc.id }, options, user.id]);
    if (before && ('round' in diff || 'turn' in diff)) {
      const combat = doc as StandinCombat;
      this.broadcast('combatTurnChange', [combat, before, { round: combat.round, turn: combat.turn, combatantId: combat.combatant?.id ?? null }]);
    }
    return doc;
  }

  async delete(doc: Doc, name: string, options: Data, user: StandinUser) {
    this.clientOf(user).Hooks.callAll(`preDelete${name}`, doc, options, user.id);
    const list = name === 'Combat' ? this.combats : this.actors;
    list.splice(list.indexOf(doc as never), 1);
    this.broadcast(`delete${name}`, [doc, options, user.id]);
    return doc;
  }

  async createCombat(data: Data, options: Data, user: StandinUser) {
    const combat = new StandinCombat(this, { _id: newId(), round: 0, turn: null, active: true, flags: {}, ...structuredClone(data) });
    for (const other of this.combats) other.source.active = false;
    this.combats.push(combat);
    this.broadcast('createCombat', [combat, options, user.id]);
    return combat;
  }

  async createActor(data: Data, options: Data, user: StandinUser) {
    const actor = new StandinActor(this, { _id: newId(), system: {}, flags: {}, ...structuredClone(data) });
    actor.source.items = (actor.source.items ?? []).map((i: Data) => ({ _id: newId(), ...i }));
    this.actors.push(actor);
    this.broadcast('createActor', [actor, options, user.id]);
    return actor;
  }

  async createMessage(data: Data, options: Data, user: StandinUser) {
    const message = new StandinMessage(this, { _id: newId(), author: user.id, flags: {}, whisper: [], ...data });
    this.messages.push(message);
    this.broadcast('createChatMessage', [message, options, user.id]);
    return message;
  }

  getSetting(key: string, user: StandinUser): unknown {
    const config = this.settingConfigs.get(key);
    if (!config) throw new Error(`"${key}" is not a registered game setting`);
    const stored = this.#settings.get(config.scope === 'user' ? `${key}@${user.id}` : key);
    return stored === undefined ? config.default : stored;
  }

  async setSetting(key: string, value: unknown, user: StandinUser) {
    const config = this.settingConfigs.get(key);
    if (!config) throw new Error(`"${key}" is not a registered game setting`);
    if (config.scope === 'world' && !user.isGM) throw new Error(`User ${user.name} lacks permission to update Setting ${key}`);
    this.#settings.set(config.scope === 'user' ? `${key}@${user.id}` : key, value);
    config.onChange?.(value);
    return value;
  }
}
