import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { HubEventSchema, HubEventTypes } from '../../src/core/events/hub-events.js';
import { GmStreamChunkSchema, type GmStreamChunk } from '../../src/core/game-master/gm-stream.js';
import { CombatSync } from './combat-sync.js';
import type { FoundryEnv } from './foundry-env.js';
import { HubConnection, type HubReply, type HubStatus, type Snapshot } from './hub-connection.js';
import { MODULE_ID } from './module-constants.js';
import { Notifier } from './notifier.js';
import { RollRelay } from './roll-relay.js';
import { readSettings } from './settings.js';

/** Tools a player's panel may run through the GM's connection: what a player token could do itself. */
export const PLAYER_RELAY_TOOLS = new Set(['search', 'list_sources', 'roll_dice', 'generate_npc', 'get_session', 'add_session_note', 'get_campaign', 'list_tools', 'ask_game_master']);
export const QUERY_TOOL = `${MODULE_ID}.tool`;

const known = new Set<string>(HubEventTypes);

export interface HubClientOptions {
  io: (url: string, options: Partial<ManagerOptions & SocketOptions>) => Socket;
  fetch: typeof fetch;
  diceSoNiceTimeoutMs?: number;
}

/**
 * The module's runtime in one client: the hub connection (when this user has a token), the combat
 * sync and roll relay (acting only on the active GM's client), the player relay over v13
 * `CONFIG.queries`, and the status the panel's light shows.
 */
export class HubClient {
  readonly notifier: Notifier;
  connection: HubConnection | null = null;
  readonly sync: CombatSync;
  readonly rolls: RollRelay;
  #statusListeners = new Set<(s: HubStatus) => void>();
  #streamListeners = new Set<(c: GmStreamChunk) => void>();
  #tools: string[] | null = null;

  constructor(
    readonly env: FoundryEnv,
    private readonly options: HubClientOptions,
  ) {
    this.notifier = new Notifier(() => env.ui.notifications);
    const hub = { call: (name: string, input: Record<string, unknown>) => this.call(name, input) };
    const campaign = () => this.connection?.status.campaignId ?? null;
    this.sync = new CombatSync(env, hub, this.notifier, campaign);
    this.rolls = new RollRelay(env, hub, this.notifier, campaign, { diceSoNiceTimeoutMs: options.diceSoNiceTimeoutMs });
  }

  get status(): HubStatus {
    return this.connection?.status ?? { state: 'off', problem: 'unconfigured', message: 'Not connected: set the hub address and your token in the module settings', campaignId: null, campaignName: null, role: null };
  }

  onStatus(fn: (s: HubStatus) => void): () => void {
    this.#statusListeners.add(fn);
    return () => this.#statusListeners.delete(fn);
  }

  onGmStream(fn: (c: GmStreamChunk) => void): () => void {
    this.#streamListeners.add(fn);
    return () => this.#streamListeners.delete(fn);
  }

  /** Registers hooks and the player relay; call once at `ready`. */
  start(): void {
    if (this.env.game.system.id !== 'dnd5e') {
      this.notifier.say('info', `This world runs ${this.env.game.system.id}, not dnd5e: dice, initiative and the panel work; HP sync and full actor sheets need dnd5e (other systems get actors with the hub data in flags)`);
    }
    this.sync.attach();
    this.rolls.attach();
    this.env.queries[QUERY_TOOL] = (data: unknown) => this.#answerPlayer(data);
    void this.connect();
  }

  async connect(): Promise<void> {
    this.connection?.close();
    this.#tools = null;
    const settings = readSettings(this.env.game);
    if (!settings.hubUrl || !settings.token) {
      this.connection = null;
      if (this.env.game.user.isGM && !settings.hubUrl) this.notifier.say('info', 'Set the hub address and your GM token in Configure Settings > ttrpg-hub to connect this world');
      this.#emitStatus(this.status);
      return;
    }
    this.connection = new HubConnection(
      { url: settings.hubUrl, token: settings.token, campaignId: settings.campaignId || null, io: this.options.io, fetch: this.options.fetch },
      {
        status: (s) => {
          if (s.state === 'error') this.notifier.say('error', s.message);
          this.#emitStatus(s);
        },
        snapshot: (snapshot: Snapshot) => this.sync.onSnapshot(snapshot.session),
        event: (type, payload) => this.#event(type, payload),
      },
    );
    await this.connection.start();
  }

  close(): void {
    this.sync.detach();
    this.rolls.detach();
    this.connection?.close();
    delete this.env.queries[QUERY_TOOL];
  }

  /** Calls a hub tool: over this client's own connection, else (a player without a token) through the active GM. */
  async call<T = any>(name: string, input: Record<string, unknown>): Promise<HubReply<T>> {
    if (this.connection) return this.connection.call<T>(name, input);
    const gm = this.env.game.users.activeGM;
    if (!gm?.query || this.env.game.user.isGM) return { ok: false, error: { code: 'UNAVAILABLE', message: this.status.message } };
    try {
      return (await gm.query(QUERY_TOOL, { name, input }, { timeout: 30_000 })) as HubReply<T>;
    } catch (error) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The GM's client did not answer: ${(error as Error).message}` } };
    }
  }

  /** The hub's tool names this token may see (the panel shows the AI GM tab only when `ask_game_master` is there). */
  async tools(): Promise<string[]> {
    if (this.#tools) return this.#tools;
    const reply = this.connection ? await this.connection.request<{ tools: { name: string }[] }>('tools', {}, 15_000) : await this.call<{ tools: { name: string }[] }>('list_tools', {});
    if (reply.ok) return (this.#tools = reply.value.tools.map((t) => t.name));
    return [];
  }

  /**
   * Asks the AI game master (contract: GM-CONTRACT.md) and streams its chunks to `onGmStream`
   * listeners. Needs this client's own connection: streams go to the asking socket only.
   */
  async askGameMaster(message: string, conversationId?: string): Promise<HubReply> {
    if (!this.connection) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The AI game master needs your own hub token in the module settings' } };
    const requestId = `fvtt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    return this.connection.request('gm.ask', { message, requestId, campaignId: this.status.campaignId ?? undefined, conversationId });
  }

  async #answerPlayer(data: unknown): Promise<HubReply> {
    const request = data as { name?: unknown; input?: unknown } | null;
    if (!request || typeof request.name !== 'string' || !PLAYER_RELAY_TOOLS.has(request.name)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Players may use rules search, dice, NPC ideas and notes through the GM; ask the GM for a player token for more' } };
    }
    if (!this.connection || !this.env.game.user.isActiveGM) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The GM is not connected to the hub' } };
    if (request.name === 'list_tools') return this.connection.request('tools', {}, 15_000);
    const input = { ...(request.input && typeof request.input === 'object' ? request.input : {}) } as Record<string, unknown>;
    // Through the GM's token a player must not gain GM powers: never save, never secret-by-GM.
    if (request.name === 'generate_npc') input.save = false;
    if (request.name === 'add_session_note') input.secret = false;
    return this.connection.call(request.name, input);
  }

  #event(type: string, payload: unknown): void {
    if (type === 'gm.stream') {
      const chunk = GmStreamChunkSchema.safeParse(payload);
      if (chunk.success) for (const fn of this.#streamListeners) fn(chunk.data);
      return;
    }
    if (!known.has(type)) return; // newer hub, newer events: not ours to judge
    const parsed = HubEventSchema.safeParse({ ...(payload as object), type });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      this.notifier.say('error', `Ignored a malformed ${type} event from the hub (${issue.path.join('.') || 'payload'}: ${issue.message}); nothing in the world was changed`);
      return;
    }
    const event = parsed.data;
    switch (event.type) {
      case 'initiative.updated':
        this.sync.onInitiative(event);
        break;
      case 'dice.rolled':
        void this.rolls.show(event).catch((error: Error) => this.notifier.say('error', `Could not show a hub roll: ${error.message}`));
        break;
      case 'session.started':
        void this.connection?.resubscribe();
        break;
      case 'session.ended':
        this.sync.onSessionEnded(event.sessionId);
        break;
      case 'access.revoked':
        break;
      default:
        break;
    }
  }

  #emitStatus(s: HubStatus): void {
    for (const fn of this.#statusListeners) fn(s);
  }
}
