import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateSheet, type CharacterSheet } from '../../src/core/index.js';
import { Roll20Importer } from '../../src/importers/roll20/roll20-importer.js';

const signal = new AbortController().signal;
const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/characters', name), 'utf8'));
const SHARED = resolve('../shared/fixtures/importers/roll20-vttes-v2_blackntan_fighter3.json');
const shared = existsSync(SHARED);
if (!shared) console.warn(`Skipping the real Roll20 export test: ${SHARED} is absent (it lives in the shared fixtures folder next to the checkout)`);

/** Imports and validates as the hub does before storing. */
async function sheetOf(data: unknown): Promise<CharacterSheet> {
  const r = await new Roll20Importer().import({ data }, signal);
  if (!r.ok) throw new Error(r.error.message);
  const v = validateSheet({ ...r.value, id: 'test', source: { ...r.value.source, importedAt: '2026-01-01T00:00:00Z' } });
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

/** A zip archive written by hand (local headers, central directory, end record), deflated with node:zlib. */
function zip(files: Record<string, string | Buffer>, lie?: { size: number }): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const body = deflateRawSync(raw);
    const nameBuf = Buffer.from(name);
    const size = lie?.size ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('Roll20 importer (VTT Enhancement Suite exports of the 5e OGL sheet)', () => {
  it.skipIf(!shared)('reads the real BlacknTan fighter 3 export with the values Roll20 stored', async () => {
    const s = await sheetOf(JSON.parse(readFileSync(SHARED, 'utf8')));
    expect(s).toMatchObject({ name: 'Jay - BlacknTan 3', system: 'dnd5e', race: 'Half-Orc', background: 'Outlander', level: 3, ac: 18, speed: 30, proficiencyBonus: 2, initiativeBonus: 1 });
    expect(s.classes).toEqual([{ name: 'Fighter', subclass: 'Champion', level: 3 }]);
    expect(s.abilities).toEqual({ str: 16, dex: 13, con: 15, int: 10, wis: 11, cha: 11 });
    expect(s.hp).toEqual({ max: 13, current: 13, temp: 0 });
    expect(s.saves.str).toEqual({ ability: 'str', proficiency: 'proficient', bonus: 5 });
    expect(s.saves.dex).toEqual({ ability: 'dex', proficiency: 'none', bonus: 1 });
    expect(s.skills.athletics).toEqual({ ability: 'str', proficiency: 'proficient', bonus: 5 });
    expect(s.skills.stealth).toMatchObject({ proficiency: 'none', bonus: 1 });
    expect(s.senses.passivePerception).toBe(10);
    expect(s.attacks.map((a) => [a.name, a.toHit, a.damage, a.damageType, a.range])).toEqual([
      ['Longsword (One-Handed)', 5, '1d8+3', 'Slashing', null],
      ['Longsword (Two-Handed)', 5, '1d10+3', 'Slashing', null],
      ['Light Crossbow', 3, '1d8+1', 'Piercing', '80/320'],
      ['Javelin', 5, '1d6+4', 'Piercing', '30/120'],
    ]);
    expect(s.inventory.find((i) => i.name === 'Crossbow bolts')).toMatchObject({ quantity: 20, equipped: false });
    expect(s.inventory.find((i) => i.name === 'Chain Mail')).toMatchObject({ equipped: true, weight: 55 });
    expect(s.features.map((f) => f.name)).toEqual(expect.arrayContaining(['Second Wind', 'Action Surge', 'Improved Critical', 'Relentless Endurance']));
    expect(s.spellcasting).toBeNull();
    expect(s.notes).toMatch(/^Grew up in the wilds/);
    expect(s.source).toMatchObject({ provider: 'roll20', id: '-MNTXaIkfxQlPqXTKIpy' });
  });

  it('reads a hand-written schema 2 export: expertise, saves, temp HP, attack order', async () => {
    const s = await sheetOf(fixture('roll20-v2-rogue5.json'));
    expect(s).toMatchObject({ name: 'Pip Quickfingers', level: 5, ac: 15, speed: 25, proficiencyBonus: 3, hp: { max: 38, current: 33, temp: 4 } });
    expect(s.skills.stealth).toEqual({ ability: 'dex', proficiency: 'expertise', bonus: 10 });
    expect(s.skills.perception).toEqual({ ability: 'wis', proficiency: 'proficient', bonus: 3 });
    expect(s.saves.dex).toEqual({ ability: 'dex', proficiency: 'proficient', bonus: 7 });
    // The sheet's own order (_reporder) puts the shortbow first.
    expect(s.attacks.map((a) => a.name)).toEqual(['Shortbow', 'Shortsword']);
    expect(s.notes).toBe('A halfling who never pays.');
    expect(s.features[0]).toMatchObject({ name: 'Sneak Attack', source: 'Class: Rogue' });
  });

  it('reads a schema 3 export: multiclass, spell slots left, prepared spells, save attacks', async () => {
    const s = await sheetOf(fixture('roll20-v3-wizard3-cleric1.json'));
    expect(s.classes).toEqual([
      { name: 'Wizard', subclass: 'School of Evocation', level: 3 },
      { name: 'Cleric', subclass: 'Life Domain', level: 1 },
    ]);
    expect(s.spellcasting).toMatchObject({ ability: 'int', saveDc: 13, attackBonus: 5, slots: [{ level: 1, max: 4, used: 3 }, { level: 2, max: 3, used: 0 }] });
    expect(s.spellcasting!.spells.map((x) => [x.name, x.level, x.prepared])).toEqual([
      ['Fire Bolt', 0, true],
      ['Magic Missile', 1, true],
      ['Shield', 1, false],
      ['Scorching Ray', 2, true],
    ]);
    expect(s.attacks.find((a) => a.name === 'Sacred Flame')).toMatchObject({ toHit: null, damage: '1d8', damageType: 'Radiant', notes: 'Dexterity save DC 12' });
    expect(s.attacks.find((a) => a.name === 'Flame Blade')).toMatchObject({ toHit: 5, damage: '3d6+1d6', damageType: 'Fire' });
  });

  it('reads every character of a campaign archive', async () => {
    const archive = zip({
      'Pip/character.json': JSON.stringify(fixture('roll20-v2-rogue5.json')),
      'Ysolde/character.json': JSON.stringify(fixture('roll20-v3-wizard3-cleric1.json')),
      'handouts/map.json': JSON.stringify({ schema_version: 3, type: 'handout', handout: { name: 'Map' } }),
    });
    const r = await new Roll20Importer().importAll({ data: new Uint8Array(archive) }, signal);
    expect(r.ok && r.value.map((c) => c.name)).toEqual(['Pip Quickfingers', 'Ysolde Emberquill']);
  });

  it('refuses zip bombs, unknown versions, handouts, other sheets and URLs with clear errors', async () => {
    const importer = new Roll20Importer();
    const bomb = zip({ 'character.json': Buffer.alloc(20 * 1024 * 1024, 32) });
    const bombed = await importer.importAll({ data: new Uint8Array(bomb) }, signal);
    expect(!bombed.ok && bombed.error).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/zip bomb/) });
    // An archive that lies about its size stops at the size it declared.
    const liar = zip({ 'character.json': Buffer.alloc(2 * 1024 * 1024, 32) }, { size: 1000 });
    const lied = await importer.importAll({ data: new Uint8Array(liar) }, signal);
    expect(!lied.ok && lied.error.code).toMatch(/BAD_FILE|LIMIT/);

    const v9 = await importer.import({ data: { ...fixture('roll20-v2-rogue5.json'), schema_version: 9 } }, signal);
    expect(!v9.ok && v9.error).toMatchObject({ code: 'BAD_FILE', field: 'data.schema_version', message: expect.stringMatching(/schema_version 9: expected 2 or 3/) });
    const handout = await importer.import({ data: { schema_version: 3, type: 'handout', handout: {} } }, signal);
    expect(!handout.ok && handout.error.message).toMatch(/is a handout, not a character/);
    const pf2 = await importer.import({ data: { schema_version: 2, name: 'Kyra', attribs: [{ name: 'ancestry', current: 'Elf', max: '' }] } }, signal);
    expect(!pf2.ok && pf2.error.message).toMatch(/does not use the "D&D 5E by Roll20" sheet/);
    expect(importer.accepts({ url: 'https://app.roll20.net/campaigns/details/123' })).toBe(true);
    const url = await importer.import({ url: 'https://app.roll20.net/campaigns/details/123' }, signal);
    expect(!url.ok && url.error.message).toMatch(/Roll20 has no public API/);
  });
});
