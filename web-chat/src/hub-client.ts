import type { io as ioFunction, Socket } from 'socket.io-client';
import type { AiProviders, AskInput, AskOutput, GmStreamChunk, HubError, HubStatus, Reply } from './types.js';

// The hub serves its socket.io client at /socket.io/socket.io.min.js; index.html loads it first.
declare global {
  interface Window {
    io?: typeof ioFunction;
  }
}

const TOOL_TIMEOUT_MS = 30_000;
/** A whole answer, tool loop included; the hub's own provider timeouts end it sooner. */
const ASK_TIMEOUT_MS = 10 * 60_000;

/** The page's one connection to the hub: a socket.io connection with the user's token, plus GET /api/status. */
export class HubClient {
  private readonly streams = new Map<string, (chunk: GmStreamChunk) => void>();

  private constructor(
    private readonly socket: Socket,
    private readonly token: string,
  ) {
    socket.on('gm.stream', (chunk: GmStreamChunk) => this.streams.get(chunk?.requestId)?.(chunk));
  }

  /** Connects with the token; rejects with the hub's reason (e.g. an unknown or revoked token). */
  static connect(token: string): Promise<HubClient> {
    const io = window.io;
    if (!io) return Promise.reject(new Error('The socket.io client did not load from the hub (/socket.io/socket.io.min.js)'));
    const socket = io({ auth: { token }, reconnectionDelayMax: 10_000 });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new HubClient(socket, token)));
      socket.once('connect_error', (error: Error & { data?: HubError }) => {
        socket.close();
        // With data the hub answered and refused the token; without, the hub was not reached.
        reject(Object.assign(new Error(error.data?.message ?? error.message), { refused: !!error.data }));
      });
    });
  }

  /** Calls a hub tool as this user; expected failures come back as values. */
  async tool<T>(name: string, input: Record<string, unknown> = {}): Promise<Reply<T>> {
    try {
      return (await this.socket.timeout(TOOL_TIMEOUT_MS).emitWithAck('tool', { name, input })) as Reply<T>;
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The hub did not answer ${name} in time; check your connection` } };
    }
  }

  /** Asks the AI game master; chunks arrive on `onChunk` while the answer streams, the promise holds the final answer. */
  ask(input: AskInput, onChunk: (chunk: GmStreamChunk) => void): { requestId: string; done: Promise<Reply<AskOutput>> } {
    const requestId = crypto.randomUUID();
    this.streams.set(requestId, onChunk);
    const done = (this.socket.timeout(ASK_TIMEOUT_MS).emitWithAck('gm.ask', { ...input, requestId }) as Promise<Reply<AskOutput>>)
      .catch((): Reply<AskOutput> => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The hub did not finish the answer in time' } }))
      .finally(() => this.streams.delete(requestId));
    return { requestId, done };
  }

  cancel(requestId: string): void {
    this.socket.emit('gm.cancel', { requestId });
  }

  async status(): Promise<HubStatus> {
    const res = await fetch('/api/status', { headers: { authorization: `Bearer ${this.token}` } });
    const body = (await res.json()) as HubStatus | { ok: false; error: HubError };
    if (!res.ok) throw new Error('error' in body ? body.error.message : `status ${res.status}`);
    return body as HubStatus;
  }

  async providers(): Promise<Reply<AiProviders>> {
    return this.tool<AiProviders>('list_ai_providers');
  }

  onDisconnect(fn: (reason: string) => void): void {
    this.socket.on('disconnect', fn);
  }

  close(): void {
    this.socket.close();
  }
}
