import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('the session dice log', () => {
  it('keeps every roll across pages and returns the newest with the session, in order', async () => {
    const f = await coreFixture({ limits: { recentRolls: 60 } });
    const campaignId = await f.campaign();
    await f.session(campaignId);
    // 3 rolls per request, 41 requests: 123 entries, so the log spans three pages of 50.
    for (let i = 0; i < 41; i++) await f.ok('roll_dice', { campaignId, expression: `d20 # r${3 * i}; d20 # r${3 * i + 1}; d20 # r${3 * i + 2}` });
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.rollCount).toBe(123);
    expect(session.rolls.map((r: { roll: { label: string } }) => r.roll.label)).toEqual(Array.from({ length: 60 }, (_, i) => `r${63 + i}`));
    expect(session.version).toBe(42);
  });

  it('counts secret rolls for the GM only, and deleting the campaign removes the log', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign('Doomed');
    const sessionId = await f.session(campaignId);
    await f.ok('roll_dice', { campaignId, expression: 'd20 # open' });
    await f.ok('roll_dice', { campaignId, expression: 'd20 # hidden', secret: true });
    const player = await f.member(campaignId, 'player');
    expect((await f.ok('get_session', { campaignId }, player)).session).toMatchObject({ rollCount: 1, secretRollCount: 0 });
    expect((await f.ok('list_sessions', { campaignId })).sessions[0].rolls).toBe(2);
    expect(await f.core.deps.store.getMany(`session:${sessionId}:rolls:0 session:${sessionId}:rolls:1`.split(' '))).toMatchObject([[{ secret: false }], [{ secret: true }]]);
    await f.ok('delete_campaign', { campaignId, confirm: 'Doomed' });
    expect(await f.core.deps.store.getMany(`session:${sessionId}:rolls:0 session:${sessionId}:rolls:1`.split(' '))).toEqual([undefined, undefined]);
    expect(await f.core.deps.store.get(`session:${sessionId}`)).toBeUndefined();
  });

  it('reads the campaign and the session once each for a roll in the active session', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const player = await f.member(campaignId, 'player');
    const store = f.core.deps.store;
    const reads: string[] = [];
    const get = store.get.bind(store);
    store.get = (key) => (reads.push(key), get(key));
    const { sessionId: logged } = await f.ok('roll_dice', { expression: '1d20+5 adv # attack' }, player);
    expect(logged).toBe(sessionId);
    expect(reads.filter((k) => k === `campaign:${campaignId}`)).toHaveLength(1);
    expect(reads.filter((k) => k === `session:${sessionId}`)).toHaveLength(1);
    expect((await f.ok('get_session', { campaignId })).session.rolls).toMatchObject([{ roll: { label: 'attack' } }]);
    expect(f.eventsOf('dice.rolled')).toMatchObject([{ campaignId, sessionId }]);
  });

  it('writes a roll of a new session to a key of its own, blind: no part of the log is read or rewritten', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    await f.ok('roll_dice', { campaignId, expression: 'd20 # first' });
    const store = f.core.deps.store;
    const touched: string[] = [];
    for (const op of ['get', 'getMany', 'update', 'set', 'setMany'] as const) {
      const inner = (store[op] as (...a: unknown[]) => unknown).bind(store);
      (store as unknown as Record<string, unknown>)[op] = (arg: unknown, ...rest: unknown[]) => {
        const keys = op === 'setMany' ? (arg as [string][]).map(([k]) => k) : Array.isArray(arg) ? arg : [arg];
        for (const key of keys as string[]) if (key.includes(':rolls:')) touched.push(`${op} ${key}`);
        return inner(arg, ...rest);
      };
    }
    await f.ok('roll_dice', { campaignId, expression: 'd20 # second' });
    expect(touched).toEqual([`setMany session:${sessionId}:rolls:1`]);
  });

  it.each([10, undefined])('keeps a session from an older version (%s rolls a page) in its pages, reading and adding as before', async (pageSize) => {
    const f = await coreFixture({ limits: { recentRolls: 100 } });
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const store = f.core.deps.store;
    // What older versions wrote: 12 rolls in pages of `pageSize` (absent: 50), the record saying so.
    const old = Array.from({ length: 12 }, (_, i) => ({ at: '2026-11-01T00:00:00.000Z', roller: { id: 'owner', name: 'Owner' }, secret: false, roll: { id: `old${i}`, expression: 'd6', notation: '1d6', label: `old${i}`, total: 3, breakdown: '1d6: [3] = 3', terms: [{ notation: '1d6', sides: 6, dice: [{ value: 3, kept: true, exploded: false, rerolled: false, critical: null }], subtotal: 3 }], natural20: false, natural1: false, critical: false, critRange: 20, rollMode: 'normal', min: 1, max: 6 } }));
    const size = pageSize ?? 50;
    for (let p = 0; p * size < old.length; p++) await store.set(`session:${sessionId}:rolls:${p}`, old.slice(p * size, (p + 1) * size));
    await store.update<Record<string, unknown>>(`session:${sessionId}`, (s) => {
      const { rollPageSize: _, ...rest } = s!;
      return { ...rest, rollCount: 12, ...(pageSize ? { rollPageSize: pageSize } : {}) };
    });
    await Promise.all(Array.from({ length: 5 }, (_, i) => f.ok('roll_dice', { campaignId, expression: `d20 # new${i}` })));
    const { session } = await f.ok('get_session', { campaignId, limit: 100 });
    const labels: string[] = session.rolls.map((r: { roll: { label: string } }) => r.roll.label);
    expect(labels.slice(0, 12)).toEqual(old.map((o) => o.roll.label));
    expect(labels.slice(12).sort()).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
    // The new rolls went into the old pages, not into keys of their own.
    expect(await store.get<unknown[]>(`session:${sessionId}:rolls:${Math.floor(16 / size)}`)).toHaveLength(pageSize ? 7 : 17);
  });

  it('treats a pointer to an ended session (an interrupted end_session) as no session: shown, not logged', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    await f.core.deps.store.update<{ status: string }>(`session:${sessionId}`, (s) => ({ ...s!, status: 'ended' }));
    expect((await f.ok('roll_dice', { campaignId, expression: 'd20 # late' })).sessionId).toBeNull();
    expect(f.eventsOf('dice.rolled')).toMatchObject([{ campaignId, sessionId: null }]);
    expect(await f.core.deps.store.get(`session:${sessionId}:rolls:0`)).toBeUndefined();
    // Named explicitly, the ended session still refuses the roll.
    expect(await f.fail('roll_dice', { sessionId, expression: 'd20' })).toMatchObject({ code: 'STATE', field: 'sessionId' });
  });

  it('writes a whole table rolling at once as a few batches, each roll with its own version, place and event', async () => {
    const f = await coreFixture({ limits: { recentRolls: 100 } });
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const store = f.core.deps.store;
    let sessionWrites = 0;
    const update = store.update.bind(store);
    store.update = ((key: string, ...rest: [never, never]) => {
      if (key === `session:${sessionId}`) sessionWrites++;
      return update(key, ...rest);
    }) as typeof store.update;
    const before = (await f.ok('get_session', { campaignId })).session.version;
    const rolled = await Promise.all(Array.from({ length: 40 }, (_, i) => f.ok('roll_dice', { campaignId, expression: `d20 # r${i}; d4 # r${i}b`, secret: i % 4 === 0 })));
    expect(sessionWrites).toBeLessThan(40);
    const { session } = await f.ok('get_session', { campaignId, limit: 100 });
    expect(session).toMatchObject({ rollCount: 80, secretRollCount: 20, version: before + 40 });
    // Every roll is in the log exactly once, its two dice side by side.
    const labels = session.rolls.map((r: { roll: { label: string } }) => r.roll.label);
    expect(new Set(labels).size).toBe(80);
    for (let i = 0; i < 40; i++) expect(labels.indexOf(`r${i}b`)).toBe(labels.indexOf(`r${i}`) + 1);
    // One event per roll, each with a version of its own.
    const versions = f.events.filter((e) => e.type === 'dice.rolled').map((e) => e.version);
    expect(versions).toHaveLength(40);
    expect(new Set(versions).size).toBe(40);
    expect(rolled).toHaveLength(40);
  });
});

