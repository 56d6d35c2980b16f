import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterActorData, npcActorData, parseCharacter, statBlockOf, upsertActor } from '../../foundry-module/src/actor-import.js';
import type { FoundryEnv } from '../../foundry-module/src/foundry-env.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { StandinWorld, type StandinActor } from './foundry-standin.js';

// Hub NPCs, monsters and characters as Foundry actors; the NPC comes from the real generate_npc tool.

let hub: TestHub;
beforeAll(async () => void (hub = await startTestHub()));
afterAll(() => hub?.close());

const dnd5eTypes = ['character', 'npc', 'vehicle'];

function world(system = 'dnd5e') {
  const w = new StandinWorld();
  w.systemId = system;
  const gm = w.join('GM', true);
  return { w, ctx: { env: gm.env() as unknown as FoundryEnv, actorTypes: () => (system === 'dnd5e' ? dnd5eTypes : ['hero', 'monster']) } };
}

const sheet = {
  id: 'ch1',
  name: 'Aria Windrunner',
  system: 'dnd5e',
  race: 'Half-Elf',
  classes: [{ name: 'Rogue', subclass: 'Thief', level: 5 }],
  level: 5,
  abilities: { str: 10, dex: 18, con: 14, int: 12, wis: 13, cha: 14 },
  hp: { max: 38, current: 31, temp: 0 },
  ac: 15,
  speed: 30,
  proficiencyBonus: 3,
  initiativeBonus: 4,
  saves: { dex: { ability: 'dex', proficiency: 'proficient', bonus: 7 } },
  skills: { stealth: { ability: 'dex', proficiency: 'expertise', bonus: 10 }, perception: { ability: 'wis', proficiency: 'proficient', bonus: 4 } },
  senses: { passivePerception: 14, special: ['darkvision 60 ft.'] },
  attacks: [{ name: 'Shortsword', toHit: 7, damage: '1d6+4', damageType: 'piercing' }],
  features: [{ name: 'Sneak Attack', description: 'Extra 3d6 once per turn.' }],
  source: { provider: 'dndbeyond', id: '123', importedAt: '2026-11-01T00:00:00.000Z' },
};

describe('NPCs and monsters', () => {
  it('a generated NPC becomes a dnd5e npc with abilities, HP, AC and its gear as items; again, the same actor', async () => {
    const { body } = await hub.api('generate_npc', { role: 'guard', level: 4 });
    const npc = body.value.npc;
    const block = statBlockOf(npc, 'npcs:x1')!;
    const data = npcActorData(block, 'npcs:x1', 'dnd5e', dnd5eTypes);
    const { w, ctx } = world();
    const { actor, created } = await upsertActor(ctx, data);
    expect(created).toBe(true);
    const a = actor as unknown as StandinActor;
    expect(a.type).toBe('npc');
    expect((a.system as any).abilities.str.value).toBe(npc.stats.abilities.str);
    expect((a.system as any).attributes.hp).toEqual({ value: npc.stats.hp, max: npc.stats.hp });
    expect((a.system as any).attributes.ac).toEqual({ calc: 'flat', flat: npc.stats.ac });
    expect((a.system as any).details.type.value).toBe('humanoid');
    expect(a.items.contents.map((i) => i.name)).toEqual(npc.stats.gear);
    // Re-importing updates the same actor and replaces only the items the hub made.
    await a.createEmbeddedDocuments('Item', [{ name: 'GM note', type: 'feat' }]);
    const again = await upsertActor(ctx, npcActorData({ ...block, hp: 99 }, 'npcs:x1', 'dnd5e', dnd5eTypes));
    expect(again.created).toBe(false);
    expect(w.actors).toHaveLength(1);
    expect((a.system as any).attributes.hp.max).toBe(99);
    expect(a.items.contents.map((i) => i.name).sort()).toEqual([...npc.stats.gear, 'GM note'].sort());
  });

  it('a monster stat block keeps CR, type, senses and actions', () => {
    const block = statBlockOf(
      { id: 'm1', name: 'Owlbear', type: 'Monstrosity', cr: 3, senses: 'darkvision 60 ft., passive Perception 13', stats: { abilities: { str: 20, dex: 12, con: 17, int: 3, wis: 12, cha: 7 }, hp: 59, ac: 13, speed: 40 }, actions: [{ name: 'Beak', desc: 'Melee: +7 to hit, 1d10+5 piercing' }] },
      'npcs:m1',
    )!;
    const data = npcActorData(block, 'npcs:m1', 'dnd5e', dnd5eTypes) as any;
    expect(data.system.details).toMatchObject({ cr: 3, type: { value: 'monstrosity' } });
    expect(data.system.attributes.senses).toEqual({ darkvision: 60 });
    expect(data.items).toEqual([expect.objectContaining({ name: 'Beak', type: 'feat' })]);
    expect(data.items[0].system.description.value).toContain('1d10+5 piercing');
  });

  it('other systems get a generic actor with the hub data in flags', async () => {
    const block = statBlockOf({ name: 'Goblin Warrior', stats: { hp: 6 } }, 'npcs:g')!;
    const { ctx } = world('pf2e');
    const { actor } = await upsertActor(ctx, npcActorData(block, 'npcs:g', 'pf2e', ['hero', 'monster']));
    const a = actor as unknown as StandinActor;
    expect(a.type).toBe('hero');
    expect(a.source.system).toEqual({});
    expect(a.getFlag('ttrpg-hub', 'data')).toMatchObject({ name: 'Goblin Warrior', hp: 6 });
  });
});

describe('characters', () => {
  it('a hub character sheet becomes a dnd5e character with proficiencies, classes, attacks and features', async () => {
    const parsed = parseCharacter({ ...sheet, description: 'kept beside the sheet in the campaign' });
    expect(parsed.ok).toBe(true);
    const data = characterActorData(parsed.ok ? parsed.sheet : (null as never), 'characters:ch1', 'dnd5e', dnd5eTypes) as any;
    expect(data.type).toBe('character');
    expect(data.system.abilities.dex).toEqual({ value: 18, proficient: 1 });
    expect(data.system.abilities.str).toEqual({ value: 10, proficient: 0 });
    expect(data.system.skills).toEqual({ ste: { value: 2 }, prc: { value: 1 } });
    expect(data.system.attributes.hp).toEqual({ value: 31, max: 38, temp: 0 });
    expect(data.items.map((i: any) => [i.type, i.name])).toEqual([
      ['class', 'Rogue'],
      ['weapon', 'Shortsword'],
      ['feat', 'Sneak Attack'],
    ]);
    expect(data.items[0].system.levels).toBe(5);
  });

  it('a broken sheet is refused with the field that is wrong', () => {
    const parsed = parseCharacter({ ...sheet, abilities: { ...sheet.abilities, dex: 99 } });
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('abilities.dex') });
  });
});
