import { describe, expect, it } from 'vitest';
import { viewEvent } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('start_session and end_session', () => {
  it('starts a named-by-default session that becomes the campaign\'s active one', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const { session } = await f.ok('start_session', { campaignId });
    expect(session).toMatchObject({ campaignId, name: 'Session 1 (2026-01-01)', status: 'active', endedAt: null, notes: [], rolls: [] });
    expect(session.encounter).toEqual({ round: 0, currentId: null, combatants: [], monsterHp: 'descriptive' });
    expect((await f.ok('list_campaigns')).campaigns[0].activeSessionId).toBe(session.id);
    expect((await f.ok('get_session', { campaignId })).session.id).toBe(session.id);
    expect(f.eventsOf('session.started')).toMatchObject([{ campaignId, sessionId: session.id, name: 'Session 1 (2026-01-01)' }]);
  });

  it('allows only one active session per campaign', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const first = await f.session(campaignId, 'Goblin Arrows');
    const error = await f.fail('start_session', { campaignId, name: 'Second' });
    expect(error).toMatchObject({ code: 'STATE', field: 'campaignId', details: { activeSessionId: first } });
    expect(error.message).toMatch(/Session "Goblin Arrows" .* is still active: end it before starting another/);
    // Another campaign is not affected.
    expect((await f.ok('start_session', { campaignId: await f.campaign('Other') })).session.status).toBe('active');
  });

  it('lets exactly one of two simultaneous starts win', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const results = await Promise.all([f.call('start_session', { campaignId }), f.call('start_session', { campaignId })]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['STATE', 'ok']);
    expect((await f.ok('list_sessions', { campaignId })).sessions).toHaveLength(1);
  });

  it('ends a session, clears the active pointer and allows the next one', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    f.clock.advance(3 * 3600_000);
    const { session } = await f.ok('end_session', { sessionId });
    expect(session).toMatchObject({ status: 'ended', endedAt: '2026-01-01T03:00:00.000Z' });
    expect((await f.ok('get_session', { campaignId })).session).toBeNull();
    expect((await f.ok('list_campaigns')).campaigns[0].activeSessionId).toBeNull();
    expect(f.eventsOf('session.ended')).toMatchObject([{ sessionId }]);

    const again = await f.fail('end_session', { sessionId });
    expect(again).toMatchObject({ code: 'STATE', field: 'sessionId', message: expect.stringMatching(/has already ended/) });
    // An ended session's dice log is closed: a roll aimed at it is refused, not silently logged.
    expect(await f.fail('roll_dice', { sessionId, expression: 'd20' })).toMatchObject({ code: 'STATE', field: 'sessionId' });
    expect((await f.ok('start_session', { campaignId })).session.name).toBe('Session 2 (2026-01-01)');
  });

  it('reports an unknown session as NOT_FOUND', async () => {
    const f = await coreFixture();
    expect(await f.fail('end_session', { sessionId: 'nope' })).toMatchObject({ code: 'NOT_FOUND', field: 'sessionId' });
  });
});

describe('add_session_note, get_session, list_sessions', () => {
  it('needs an active session, and says how to start one', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const error = await f.fail('add_session_note', { campaignId, note: 'hello' });
    expect(error).toMatchObject({ code: 'STATE', field: 'sessionId', message: expect.stringMatching(/start one with start_session/) });
  });

  it('hides secret notes from players but shows them to the GM', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const player = await f.member(campaignId, 'player', 'Alice');
    const open = await f.ok('add_session_note', { campaignId, note: 'The party reached Phandalin' });
    expect(open).toMatchObject({ sessionId, note: { text: 'The party reached Phandalin', secret: false, author: { name: 'Owner' } } });
    await f.ok('add_session_note', { campaignId, note: 'Sildar is a doppelganger', secret: true });
    await f.ok('add_session_note', { note: 'Alice bought rope' }, player);

    const gm = (await f.ok('get_session', { campaignId })).session;
    expect(gm.notes.map((n: { text: string }) => n.text)).toEqual(['The party reached Phandalin', 'Sildar is a doppelganger', 'Alice bought rope']);
    const table = (await f.ok('get_session', { sessionId }, player)).session;
    expect(table.notes.map((n: { text: string }) => n.text)).toEqual(['The party reached Phandalin', 'Alice bought rope']);
    expect(table.notes[1].author).toEqual({ id: player.id, name: 'Alice' });

    const [, secret] = f.eventsOf('session.note_added');
    expect(secret!.note.secret).toBe(true);
    expect(viewEvent(secret!, 'table')).toBeNull();
    expect(viewEvent(secret!, 'gm')).toBe(secret);
  });

  it('rejects an empty note naming the field', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    expect(await f.fail('add_session_note', { campaignId, note: '   ' })).toMatchObject({ code: 'VALIDATION', field: 'note' });
  });

  it('caps the number of notes with LIMIT', async () => {
    const f = await coreFixture({ limits: { maxNotes: 2 } });
    const campaignId = await f.campaign();
    await f.session(campaignId);
    await f.ok('add_session_note', { campaignId, note: 'one' });
    await f.ok('add_session_note', { campaignId, note: 'two' });
    expect(await f.fail('add_session_note', { campaignId, note: 'three' })).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/limit is 2/) });
  });

  it('lists sessions oldest first with counts that exclude what the caller may not see', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const first = await f.session(campaignId, 'One');
    await f.ok('add_session_note', { campaignId, note: 'public' });
    await f.ok('add_session_note', { campaignId, note: 'secret', secret: true });
    await f.ok('roll_dice', { campaignId, expression: '1d20', secret: true });
    await f.ok('end_session', { sessionId: first });
    const second = await f.session(campaignId, 'Two');
    const player = await f.member(campaignId, 'player');

    const gm = (await f.ok('list_sessions', { campaignId })).sessions;
    expect(gm.map((s: { id: string; name: string; status: string; notes: number; rolls: number }) => [s.id, s.name, s.status, s.notes, s.rolls])).toEqual([
      [first, 'One', 'ended', 2, 1],
      [second, 'Two', 'active', 0, 0],
    ]);
    const table = (await f.ok('list_sessions', {}, player)).sessions;
    expect(table[0]).toMatchObject({ notes: 1, rolls: 0 });
  });

  it('returns null rather than an error when no session is active', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const r = await f.call('get_session', { campaignId });
    expect(r.ok && r.value).toEqual({ session: null });
  });
});

describe('roll_dice in a campaign', () => {
  it('logs the roll in the active session and announces it to the table', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const player = await f.member(campaignId, 'player', 'Alice');
    f.script([17]);
    const out = await f.ok('roll_dice', { expression: '1d20+5 # attack' }, player);
    expect(out).toMatchObject({ total: 22, secret: false, campaignId, sessionId });
    expect(out.rolls[0]).toMatchObject({ label: 'attack', total: 22 });

    const { session } = await f.ok('get_session', { campaignId });
    expect(session.rolls).toMatchObject([{ roller: { id: player.id, name: 'Alice' }, secret: false, roll: { total: 22 } }]);
    const [event] = f.eventsOf('dice.rolled');
    expect(event).toMatchObject({ campaignId, sessionId, secret: false, actor: { name: 'Alice' }, version: session.version });
    expect(viewEvent(event!, 'table')).toEqual(event);
  });

  it('keeps secret rolls out of a player\'s view and the table\'s events', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const sessionId = await f.session(campaignId);
    const player = await f.member(campaignId, 'player');
    f.script([4, 19]);
    await f.ok('roll_dice', { campaignId, expression: '1d20 # perception' });
    const secret = await f.ok('roll_dice', { campaignId, expression: '1d20 # insight', secret: true });
    expect(secret).toMatchObject({ secret: true, total: 19 });

    const gm = (await f.ok('get_session', { sessionId })).session;
    expect(gm.rolls.map((r: { roll: { label: string } }) => r.roll.label)).toEqual(['perception', 'insight']);
    const table = (await f.ok('get_session', { sessionId }, player)).session;
    expect(table.rolls.map((r: { roll: { label: string } }) => r.roll.label)).toEqual(['perception']);
    const events = f.eventsOf('dice.rolled');
    expect(events.map((e) => viewEvent(e, 'table') !== null)).toEqual([true, false]);
  });

  it('announces but does not log a roll when no session is running', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const out = await f.ok('roll_dice', { campaignId, expression: '2d6' });
    expect(out.sessionId).toBeNull();
    expect(f.eventsOf('dice.rolled')).toMatchObject([{ campaignId, sessionId: null, version: null }]);
  });

  it('keeps only the newest rolls in the session log', async () => {
    const f = await coreFixture({ limits: { recentRolls: 3 } });
    const campaignId = await f.campaign();
    await f.session(campaignId);
    f.script([1, 2, 3, 4, 5]);
    for (let i = 0; i < 5; i++) await f.ok('roll_dice', { campaignId, expression: '1d20' });
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.rolls.map((r: { roll: { total: number } }) => r.roll.total)).toEqual([3, 4, 5]);
  });

  it('rolls privately, announcing nothing, outside any campaign', async () => {
    const f = await coreFixture();
    f.script([20]);
    const r = await f.call('roll_dice', { expression: '1d20' });
    expect(r.ok && r.value).toMatchObject({ total: 20, campaignId: null, sessionId: null });
    expect(r.text).toMatch(/natural 20!/);
    expect(f.events).toEqual([]);
  });

  it('reports bad notation on the expression field and logs nothing', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    expect(await f.fail('roll_dice', { campaignId, expression: '1d20+x' })).toMatchObject({ code: 'DICE_NOTATION', field: 'expression' });
    expect((await f.ok('get_session', { campaignId })).session.rolls).toEqual([]);
  });
});
