import { describe, expect, it } from 'vitest';
import { viewEvent } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

// Issue 14, defect 6: what the table must not learn about hidden combatants, NPC HP and other campaigns.
async function table() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  await f.session(campaignId);
  const { added } = await f.ok('add_combatants', {
    campaignId,
    combatants: [
      { name: 'Tordek', kind: 'pc', initiative: 15, hp: 20 },
      { name: 'Assassin', kind: 'monster', initiative: 14, hp: 30, hidden: true },
      { name: 'Sildar', kind: 'npc', initiative: 10, hp: 27 },
    ],
  });
  const [pc, hidden, npc] = (added as { id: string }[]).map((c) => c.id) as [string, string, string];
  await f.ok('configure_encounter', { campaignId, monsterHp: 'hidden' });
  return { f, campaignId, pc, hidden, npc };
}

describe('what the table never learns', () => {
  it('never shows a hidden combatant\'s id in conditions anchored on its turn, in views or events', async () => {
    const { f, campaignId, pc, hidden } = await table();
    await f.ok('add_condition', { campaignId, combatantId: pc, name: 'Poisoned', rounds: 2, anchorId: hidden });
    const player = await f.member(campaignId, 'player');
    const view = await f.ok('get_session', { campaignId }, player);
    expect(JSON.stringify(view)).not.toContain(hidden);
    const event = f.eventsOf('combatant.conditions_changed').at(-1)!;
    expect(event.conditions[0]!.anchorId).toBe(hidden); // the GM's view keeps it
    expect(JSON.stringify(viewEvent(event, 'table'))).not.toContain(hidden);
  });

  it('answers the same for a hidden and an unknown combatant id, also as an anchor', async () => {
    const { f, campaignId, pc, hidden } = await table();
    const player = await f.member(campaignId, 'player');
    const strip = (m: string, id: string) => m.replace(id, '<id>');
    for (const tool of ['change_hp', 'add_condition', 'remove_condition'] as const) {
      const input = tool === 'change_hp' ? { damage: 1 } : { name: 'Prone' };
      const a = await f.fail(tool, { campaignId, combatantId: hidden, ...input }, player);
      const b = await f.fail(tool, { campaignId, combatantId: 'nobody-here', ...input }, player);
      expect({ ...a, message: strip(a.message, hidden) }).toEqual({ ...b, message: strip(b.message, 'nobody-here') });
    }
    const { added } = await f.ok('add_combatants', { campaignId, combatants: [{ name: 'Mine', kind: 'pc', initiative: 3 }] }, player);
    const own = (added as { id: string }[])[0]!.id;
    const a = await f.fail('add_condition', { campaignId, combatantId: own, name: 'Hexed', anchorId: hidden }, player);
    const b = await f.fail('add_condition', { campaignId, combatantId: own, name: 'Hexed', anchorId: 'nobody-here' }, player);
    expect(strip(a.message, hidden)).toBe(strip(b.message, 'nobody-here'));
    void pc;
  });

  it('hides an NPC\'s HP like a monster\'s when monster HP is hidden', async () => {
    const { f, campaignId, npc } = await table();
    const viewer = await f.member(campaignId, 'viewer');
    const s = (await f.ok('get_session', { campaignId }, viewer)).session as any;
    const sildar = s.encounter.combatants.find((c: any) => c.id === npc);
    expect(sildar.hp).toBeNull();
    await f.ok('change_hp', { campaignId, combatantId: npc, damage: 5 });
    const e = f.eventsOf('combatant.hp_changed').at(-1)!;
    expect(viewEvent(e, 'table')).toMatchObject({ before: null, after: null });
  });

  it('does not reveal the campaign of a foreign sessionId', async () => {
    const f = await coreFixture();
    const mine = await f.campaign('Mine');
    const theirs = await f.campaign('Theirs');
    const { session } = await f.ok('start_session', { campaignId: theirs });
    const outsider = await f.member(mine, 'gm');
    const error = await f.fail('get_session', { sessionId: (session as { id: string }).id }, outsider);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).not.toContain(theirs);
  });
});
