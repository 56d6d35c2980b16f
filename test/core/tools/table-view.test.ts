import { describe, expect, it } from 'vitest';
import { HubEventSchema, viewEvent, type HubEvent } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

type View = { id: string; name: string; hp: { current: number } | null; health: string | null };

/** The GM runs a fight with a PC, a visible goblin and a hidden assassin; Alice plays. */
async function fight() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  const sessionId = await f.session(campaignId);
  const { added } = await f.ok('add_combatants', {
    campaignId,
    combatants: [
      { name: 'Tordek', kind: 'pc', initiative: 20, hp: 30 },
      { name: 'Assassin', initiative: 15, hp: 40, hidden: true },
      { name: 'Goblin', initiative: 10, hp: 10 },
    ],
  });
  const [pc, assassin, goblin] = (added as { id: string }[]).map((c) => c.id);
  const player = await f.member(campaignId, 'player', 'Alice');
  const seen = async () => (await f.ok('get_session', { sessionId }, player)).session.encounter as { currentId: string | null; round: number; combatants: View[] };
  return { f, campaignId, sessionId, pc: pc!, assassin: assassin!, goblin: goblin!, player, seen };
}

/** Everything published since `from`, as the table would receive it. */
const forTable = (events: HubEvent[], from = 0) => events.slice(from).map((e) => viewEvent(e, 'table')).filter((e): e is HubEvent => e !== null);

describe('hidden combatants', () => {
  it('are absent from a player\'s view until revealed, but the GM sees them', async () => {
    const { f, campaignId, assassin, seen } = await fight();
    expect((await seen()).combatants.map((c) => c.name)).toEqual(['Tordek', 'Goblin']);
    const gm = (await f.ok('get_session', { campaignId })).session.encounter;
    expect(gm.combatants.map((c: View) => c.name)).toEqual(['Tordek', 'Assassin', 'Goblin']);

    await f.ok('update_combatant', { campaignId, combatantId: assassin, hidden: false });
    expect((await seen()).combatants.map((c) => c.name)).toEqual(['Tordek', 'Assassin', 'Goblin']);
  });

  it('hide whose turn it is from the table while they act', async () => {
    const { f, campaignId, assassin, player, seen } = await fight();
    await f.ok('next_turn', { campaignId });
    const mark = f.events.length;
    const out = await f.ok('next_turn', {}, player);
    expect(out.encounter).toMatchObject({ round: 1, currentId: null });
    expect(await seen()).toMatchObject({ round: 1, currentId: null });
    expect((await f.ok('get_session', { campaignId })).session.encounter.currentId).toBe(assassin);

    const turn = forTable(f.events, mark).find((e) => e.type === 'turn.changed');
    expect(turn).toMatchObject({ round: 1, currentId: null, currentName: null, hidden: true });
    const after = f.events.length;
    await f.ok('next_turn', { campaignId });
    // The table learns the goblin is up, not who went before it.
    expect(forTable(f.events, after).find((e) => e.type === 'turn.changed')).toMatchObject({ currentName: 'Goblin', previousId: null });
  });

  it('keep their expiring conditions out of what players are told', async () => {
    const { f, campaignId, assassin, goblin, player } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: assassin, name: 'Invisible', rounds: 1, ticksOn: 'turn_start' });
    await f.ok('add_condition', { campaignId, combatantId: goblin, name: 'Prone', rounds: 1, ticksOn: 'turn_start' });
    await f.ok('next_turn', { campaignId });
    const mark = f.events.length;
    // A player ends their turn and so starts the hidden assassin's.
    const r = await f.call('next_turn', {}, player);
    expect(r.ok && r.value.expired).toEqual([]);
    expect(r.text).not.toMatch(/Assassin|Invisible/);
    const gmTurn = f.eventsOf('turn.changed').at(-1)!;
    expect(gmTurn.expired).toEqual([{ combatantId: assassin, name: 'Assassin', condition: 'Invisible', hidden: true }]);
    expect(forTable(f.events, mark).find((e) => e.type === 'turn.changed')).toMatchObject({ expired: [] });

    const visible = await f.call('next_turn', {}, player);
    expect(visible.ok && visible.value.expired).toEqual([{ combatantId: goblin, name: 'Goblin', condition: 'Prone' }]);
  });

  it('send the table nothing about their HP or conditions', async () => {
    const { f, campaignId, assassin } = await fight();
    const mark = f.events.length;
    await f.ok('change_hp', { campaignId, combatantId: assassin, damage: 5 });
    await f.ok('add_condition', { campaignId, combatantId: assassin, name: 'Poisoned' });
    expect(f.events.slice(mark).map((e) => e.type)).toEqual(['combatant.hp_changed', 'initiative.updated', 'combatant.conditions_changed', 'initiative.updated']);
    const table = forTable(f.events, mark);
    expect(table.map((e) => e.type)).toEqual(['initiative.updated', 'initiative.updated']);
    expect(JSON.stringify(table)).not.toContain(assassin);
  });
});

describe('monster HP as the table sees it', () => {
  it('is a health word by default, exact or hidden as configured; PCs always show numbers', async () => {
    const { f, campaignId, goblin, seen } = await fight();
    const goblinSeen = async () => (await seen()).combatants.find((c) => c.id === goblin)!;
    expect(await goblinSeen()).toMatchObject({ hp: null, health: 'healthy' });
    await f.ok('change_hp', { campaignId, combatantId: goblin, damage: 4 });
    expect((await goblinSeen()).health).toBe('healthy');
    await f.ok('change_hp', { campaignId, combatantId: goblin, damage: 1 });
    expect(await goblinSeen()).toMatchObject({ hp: null, health: 'bloodied' });

    const exact = await f.ok('configure_encounter', { campaignId, monsterHp: 'exact' });
    expect(exact.encounter.monsterHp).toBe('exact');
    expect(await goblinSeen()).toMatchObject({ hp: { current: 5, max: 10 }, health: 'bloodied' });

    await f.ok('configure_encounter', { campaignId, monsterHp: 'hidden' });
    expect(await goblinSeen()).toMatchObject({ hp: null, health: null });
    await f.ok('change_hp', { campaignId, combatantId: goblin, damage: 5 });
    expect(await goblinSeen()).toMatchObject({ hp: null, health: null });

    expect((await seen()).combatants.find((c) => c.name === 'Tordek')).toMatchObject({ hp: { current: 30 } });
    const gm = (await f.ok('get_session', { campaignId })).session.encounter.combatants.find((c: View) => c.id === goblin);
    expect(gm).toMatchObject({ hp: { current: 0, max: 10 }, health: 'down' });
  });

  it('follows the same rule in hp_changed events', async () => {
    const { f, campaignId, goblin, pc } = await fight();
    const hpEvent = async (combatantId: string, damage: number) => {
      await f.ok('change_hp', { campaignId, combatantId, damage });
      return viewEvent(f.eventsOf('combatant.hp_changed').at(-1)!, 'table');
    };
    expect(await hpEvent(goblin, 6)).toMatchObject({ name: 'Goblin', before: null, after: null, health: 'bloodied' });
    await f.ok('configure_encounter', { campaignId, monsterHp: 'exact' });
    expect(await hpEvent(goblin, 1)).toMatchObject({ before: { current: 4 }, after: { current: 3 } });
    await f.ok('configure_encounter', { campaignId, monsterHp: 'hidden' });
    expect(await hpEvent(goblin, 1)).toMatchObject({ before: null, after: null, health: null });
    expect(await hpEvent(pc, 3)).toMatchObject({ before: { current: 30 }, after: { current: 27 } });
  });

  it('is hidden in initiative.updated events for the table, not for the GM', async () => {
    const { f, campaignId, goblin } = await fight();
    await f.ok('change_hp', { campaignId, combatantId: goblin, damage: 2 });
    const event = f.eventsOf('initiative.updated').at(-1)!;
    const table = viewEvent(event, 'table');
    expect(table?.type === 'initiative.updated' && table.encounter.combatants.map((c) => [c.name, c.hp?.current ?? null, c.health])).toEqual([
      ['Tordek', 30, 'healthy'],
      ['Goblin', null, 'healthy'],
    ]);
    expect(viewEvent(event, 'gm')).toBe(event);
  });
});

describe('campaign and dice events for the table', () => {
  it('drop secret rolls and GM-only campaign data changes', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.ok('roll_dice', { campaignId, expression: '1d20', secret: true });
    await f.ok('roll_dice', { campaignId, expression: '1d6' });
    await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Secret villain' } });
    await f.ok('update_campaign_data', { campaignId, dataType: 'characters', operation: 'add', item: { name: 'Tordek' } });
    const table = forTable(f.events);
    expect(table.map((e) => e.type)).toEqual(['campaign.created', 'dice.rolled', 'campaign.updated']);
    expect(table[1]).toMatchObject({ secret: false });
    expect(table[2]).toMatchObject({ dataType: 'characters', summary: 'Added character "Tordek"' });
    expect(JSON.stringify(table)).not.toContain('Secret villain');
  });
});

describe('published events', () => {
  it('match the documented event schema, for the GM and as the table receives them', async () => {
    const { f, campaignId, sessionId, assassin, goblin, player } = await fight();
    await f.ok('configure_encounter', { campaignId, monsterHp: 'exact' });
    await f.ok('add_condition', { campaignId, combatantId: goblin, name: 'Prone', rounds: 1 });
    for (let i = 0; i < 4; i++) await f.ok('next_turn', { campaignId });
    await f.ok('change_hp', { campaignId, combatantId: assassin, damage: 3 });
    await f.ok('roll_dice', { expression: '2d20kh1+3', secret: true }, player);
    await f.ok('add_session_note', { campaignId, note: 'Ambush!' });
    await f.ok('end_session', { sessionId });
    const types = new Set(f.events.map((e) => e.type));
    expect(types.size).toBeGreaterThanOrEqual(9);
    for (const event of [...f.events, ...forTable(f.events)]) {
      const parsed = HubEventSchema.safeParse(event);
      expect(parsed.success, `${event.type}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('refuses an unknown monster HP setting naming the field', async () => {
    const { f, campaignId } = await fight();
    const error = await f.fail('configure_encounter', { campaignId, monsterHp: 'vague' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'monsterHp' });
    expect(error.message).toMatch(/expected one of "exact"\|"descriptive"\|"hidden"/);
  });
});
