import {
  createCore,
  fixedClock,
  InMemoryEventBus,
  ownerActor,
  scriptedRandom,
  seededRandom,
  type Actor,
  type AnyTool,
  type Core,
  type CoreOptions,
  type EventOf,
  type HubError,
  type HubEvent,
  type HubEventType,
  type Logger,
  type Random,
  type Role,
  type ToolCallResult,
} from '../../src/core/index.js';
import { openStore } from '../../src/stores/open-store.js';

export const OWNER_TOKEN = 'owner-secret-token';

export interface FixtureOptions {
  /** Where ids (and, until `script` is called, dice faces) come from. Default `seededRandom(1)`. */
  random?: Random;
  extraTools?: readonly AnyTool[];
  logger?: Logger;
  limits?: CoreOptions['limits'];
  /** The rules library's parts (see rules-fixture.ts); without them the rules tools answer UNAVAILABLE. */
  rules?: CoreOptions['rules'];
  /** Character importers (default: none). */
  importers?: CoreOptions['importers'];
}

/** Results are checked against the tool's output schema by the registry; tests read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export type MemberActor = Extract<Actor, { kind: 'member' }> & { token: string };

export interface CoreFixture {
  core: Core;
  /** Every event published on the bus, in order. */
  events: HubEvent[];
  clock: ReturnType<typeof fixedClock>;
  owner: Actor;
  /** From now on dice faces and tie-breaks come from these faces, in order (the last one repeats). */
  script(faces: number[]): void;
  call(name: string, input?: unknown, actor?: Actor): Promise<ToolCallResult>;
  /** Calls a tool that must succeed and returns its output. */
  ok(name: string, input?: unknown, actor?: Actor): Promise<Loose>;
  /** Calls a tool that must fail and returns its error. */
  fail(name: string, input?: unknown, actor?: Actor): Promise<HubError>;
  /** Mints a token through create_access_token and authenticates it, as a transport would. */
  member(campaignId: string, role: Role, name?: string): Promise<MemberActor>;
  /** Creates a campaign and returns its id. */
  campaign(name?: string, system?: string): Promise<string>;
  /** Starts a session in the campaign and returns its id. */
  session(campaignId: string, name?: string): Promise<string>;
  eventsOf<T extends HubEventType>(type: T): EventOf<T>[];
}

/** A core over a real in-memory keyv store, a recording event bus, a frozen clock and repeatable randomness. */
export async function coreFixture(options: FixtureOptions = {}): Promise<CoreFixture> {
  const store = await openStore('memory://');
  const bus = new InMemoryEventBus();
  const events: HubEvent[] = [];
  bus.subscribe((e) => void events.push(e));
  const clock = fixedClock();
  const ids = options.random ?? seededRandom(1);
  let faces: Random = ids;
  const random: Random = { integer: (min, max) => faces.integer(min, max), id: () => ids.id() };
  const core = createCore({
    store,
    events: bus,
    ownerToken: OWNER_TOKEN,
    clock,
    random,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.extraTools ? { extraTools: options.extraTools } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.importers ? { importers: options.importers } : {}),
  });
  const owner = ownerActor();

  const call = (name: string, input: unknown = {}, actor: Actor = owner) => core.registry.call(name, input, { actor });
  const okCall = async (name: string, input?: unknown, actor?: Actor) => {
    const r = await call(name, input, actor);
    if (!r.ok) throw new Error(`${name} was expected to succeed but failed with ${r.text}`);
    return r.value as Loose;
  };
  const failCall = async (name: string, input?: unknown, actor?: Actor) => {
    const r = await call(name, input, actor);
    if (r.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(r.value)}`);
    return r.error;
  };

  return {
    core,
    events,
    clock,
    owner,
    script: (f) => void (faces = scriptedRandom(f)),
    call,
    ok: okCall,
    fail: failCall,
    async member(campaignId, role, name = `${role} player`) {
      const { token } = await okCall('create_access_token', { campaignId, name, role });
      const actor = await core.deps.access.authenticate(token);
      if (!actor.ok || actor.value.kind !== 'member') throw new Error(`a fresh token did not authenticate as a member: ${JSON.stringify(actor)}`);
      return { ...actor.value, token };
    },
    async campaign(name = 'Lost Mine of Phandelver', system = 'D&D 5e') {
      return (await okCall('create_campaign', { name, system })).campaign.id;
    },
    async session(campaignId, name) {
      return (await okCall('start_session', { campaignId, ...(name ? { name } : {}) })).session.id;
    },
    eventsOf: <T extends HubEventType>(type: T) => events.filter((e): e is EventOf<T> => e.type === type),
  };
}
