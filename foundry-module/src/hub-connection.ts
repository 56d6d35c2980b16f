import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

/** What the status light shows. */
export type HubState = 'off' | 'connecting' | 'connected' | 'error';
export type HubProblem = 'unconfigured' | 'unreachable' | 'origin' | 'token' | 'campaign' | 'no-session' | 'protocol' | null;

export interface HubStatus {
  state: HubState;
  problem: HubProblem;
  /** One sentence for the GM: what is wrong and what to do. */
  message: string;
  campaignId: string | null;
  campaignName: string | null;
  role: string | null;
}

export interface HubError {
  code: string;
  message: string;
  field?: string;
}
export type HubReply<T = any> = { ok: true; value: T } | { ok: false; error: HubError };

export interface Snapshot {
  role: string;
  campaign: { id: string; name: string; system: string; version: number; activeSessionId: string | null };
  session: { id: string; version: number; encounter: unknown } | null;
}

export interface HubConnectionOptions {
  url: string;
  token: string;
  /** The campaign to follow; with a campaign token it may be left empty. */
  campaignId: string | null;
  /** socket.io-client's `io`, the module's own bundled copy (never the page's global). */
  io: (url: string, options: Partial<ManagerOptions & SocketOptions>) => Socket;
  fetch: typeof fetch;
}

export interface HubConnectionHandlers {
  status(status: HubStatus): void;
  /** After every (re)connect: the whole state, so anything missed while away is caught up. */
  snapshot(snapshot: Snapshot): void;
  event(type: string, payload: unknown): void;
}

/**
 * The module's own socket.io connection to the hub: checks the address and origin first (so a
 * blocked origin or an http hub under https Foundry gets a clear message instead of a silent
 * failure), authenticates with the token, subscribes to the campaign and re-subscribes after every
 * reconnect with a fresh snapshot.
 */
export class HubConnection {
  #socket: Socket | null = null;
  #status: HubStatus = { state: 'off', problem: 'unconfigured', message: '', campaignId: null, campaignName: null, role: null };
  #closed = false;

  constructor(
    readonly options: HubConnectionOptions,
    private readonly handlers: HubConnectionHandlers,
  ) {}

  get status(): HubStatus {
    return this.#status;
  }

  get connected(): boolean {
    return this.#status.state === 'connected';
  }

  async start(): Promise<void> {
    const base = parseHubUrl(this.options.url);
    if (!base) return this.#set('error', 'unconfigured', `The hub address "${this.options.url}" is not a URL: enter it like https://hub.example.com`);
    if (!this.options.token) return this.#set('error', 'unconfigured', 'No hub token yet: create one with create_access_token (role gm) and paste it into the module settings');
    this.#set('connecting', null, `Connecting to ${base.origin}...`);
    const probe = await this.#probe(base);
    if (this.#closed || !probe) return;
    const socket = this.options.io(base.origin, {
      path: `${base.path}/socket.io`,
      auth: { token: this.options.token },
      // A separate manager: never share Foundry's own connection, even to the same host.
      forceNew: true,
      reconnectionDelayMax: 10_000,
      timeout: 10_000,
    });
    this.#socket = socket;
    socket.on('connect', () => void this.#subscribe());
    socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      if (error.data?.code === 'UNAUTHENTICATED') {
        socket.disconnect();
        return this.#set('error', 'token', `The hub refused the token: ${error.data.message ?? 'it is wrong or was revoked'}. Paste a new one into the module settings.`);
      }
      this.#set('error', 'unreachable', `Cannot connect to the hub at ${base.origin} (${error.message}); retrying...`);
    });
    socket.on('disconnect', (reason) => {
      if (this.#closed) return;
      // The hub closes the socket itself when the token is revoked; reconnecting tells us why.
      if (reason === 'io server disconnect') socket.connect();
      this.#set('connecting', null, `Connection to the hub lost (${reason}); reconnecting...`);
    });
    socket.onAny((type: string, payload: unknown) => this.handlers.event(type, payload));
  }

  /** Calls a hub tool as this connection's token. */
  async call<T = any>(name: string, input: Record<string, unknown>): Promise<HubReply<T>> {
    const socket = this.#socket;
    if (!socket?.connected) return { ok: false, error: { code: 'UNAVAILABLE', message: `Not connected to the hub: ${this.#status.message}` } };
    try {
      return (await socket.timeout(30_000).emitWithAck('tool', { name, input })) as HubReply<T>;
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The hub did not answer ${name} in time` } };
    }
  }

  /** Emits any other socket event with an acknowledgement (e.g. `gm.ask`). */
  async request<T = any>(event: string, payload: unknown, timeoutMs = 120_000): Promise<HubReply<T>> {
    const socket = this.#socket;
    if (!socket?.connected) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected to the hub' } };
    try {
      return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as HubReply<T>;
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The hub did not answer ${event} in time` } };
    }
  }

  /** Subscribes again for a fresh snapshot (a new session started in the hub). */
  resubscribe(): Promise<void> {
    return this.#socket?.connected ? this.#subscribe() : Promise.resolve();
  }

  emit(event: string, payload: unknown): void {
    this.#socket?.emit(event, payload);
  }

  close(): void {
    this.#closed = true;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
    this.#set('off', null, 'Disconnected');
  }

  async #probe(base: { origin: string; path: string }): Promise<boolean> {
    type Handshake = { originAllowed?: boolean; origin?: string | null; hint?: string };
    let reply: Handshake | null = null;
    try {
      const res = await this.options.fetch(`${base.origin}${base.path}/foundry/handshake`, { mode: 'cors', cache: 'no-store' });
      reply = res.ok ? ((await res.json()) as Handshake) : null;
      if (!res.ok) {
        this.#set('error', 'unreachable', `${base.origin} answered ${res.status}: is this the ttrpg-hub address (and path, behind a proxy)?`);
        return false;
      }
    } catch {
      const mixed = globalThis.location?.protocol === 'https:' && base.origin.startsWith('http:');
      this.#set(
        'error',
        'unreachable',
        mixed
          ? `Foundry runs on https, so the browser blocks the http hub at ${base.origin}: give the hub TLS (TLS_CERT/TLS_KEY or a reverse proxy) and use https://`
          : `Cannot reach the hub at ${base.origin}: check the address, that the hub is running, and that this machine can reach it`,
      );
      return false;
    }
    const answer = reply as Handshake | null;
    if (answer?.originAllowed === false) {
      this.#set('error', 'origin', answer.hint ?? `The hub does not accept this world's address (${answer.origin}): add its hostname to ALLOWED_ORIGINS on the hub`);
      return false;
    }
    return true;
  }

  async #subscribe(): Promise<void> {
    let campaignId = this.options.campaignId;
    const listed = await this.call<{ campaigns: { id: string; name: string; role: string }[] }>('list_campaigns', {});
    if (!listed.ok) return this.#set('error', listed.error.code === 'UNAUTHENTICATED' ? 'token' : 'protocol', listed.error.message);
    const campaigns = listed.value.campaigns;
    if (!campaignId) {
      if (campaigns.length !== 1) {
        return this.#set('error', 'campaign', campaigns.length ? `This token sees ${campaigns.length} campaigns: choose one (its id) in the module settings` : 'This token sees no campaign: create one with create_campaign');
      }
      campaignId = campaigns[0]!.id;
    } else if (!campaigns.some((c) => c.id === campaignId)) {
      return this.#set('error', 'campaign', `This token is for another campaign (${campaigns.map((c) => c.name).join(', ') || 'none'}), not ${campaignId}: use a token of this campaign or clear the campaign setting`);
    }
    const reply = (await this.request<Snapshot>('subscribe', { campaignId }, 30_000)) as HubReply<Snapshot>;
    if (!reply.ok) return this.#set('error', reply.error.code === 'FORBIDDEN' ? 'campaign' : 'protocol', reply.error.message);
    this.#status = { ...this.#status, campaignId, campaignName: reply.value.campaign.name, role: reply.value.role };
    this.#set('connected', null, `Connected to ${reply.value.campaign.name} as ${reply.value.role}`);
    this.handlers.snapshot(reply.value);
  }

  #set(state: HubState, problem: HubProblem, message: string): void {
    const changed = state !== this.#status.state || message !== this.#status.message;
    this.#status = { ...this.#status, state, problem, message };
    if (changed) this.handlers.status(this.#status);
  }
}

/** The hub's origin and path prefix (a hub behind a proxy may live under /hub). */
export function parseHubUrl(url: string): { origin: string; path: string } | null {
  try {
    const parsed = new URL(url.trim());
    if (!/^https?:$/.test(parsed.protocol)) return null;
    return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') };
  } catch {
    return null;
  }
}
