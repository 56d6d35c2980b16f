import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDndBeyondImporter, parseDdbExport } from '../../../src/importers/dndbeyond/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/dndbeyond/${name}`, import.meta.url), 'utf8')) as Record<string, any>;
const signal = new AbortController().signal;

describe('D&D Beyond export shapes', () => {
  const envelope = fixture('fighter5-belt-plate-shield.json');
  const character = envelope.data;

  it.each([
    ['the current character-service envelope', envelope, 'character-service-v5'],
    ['the 2020 character-service envelope with pagination', fixture('multiclass-wizard3-cleric2-paladin2.json'), 'character-service-2020'],
    ['the older {"character": {...}} export', { character }, 'legacy-character'],
    ['the character object alone', character, 'bare-character'],
  ])('recognises %s', async (_label, doc, shape) => {
    const parsed = await parseDdbExport(doc);
    expect(parsed.ok && parsed.value.shape).toBe(shape);
  });

  it('gives the same sheet whichever shape carries the character', async () => {
    const importer = createDndBeyondImporter({ now: () => 0 });
    const a = await importer.import({ data: envelope }, signal);
    const b = await importer.import({ data: { character } }, signal);
    const c = await importer.import({ data: JSON.stringify(character) }, signal);
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('names the top-level keys of a document it does not recognise', async () => {
    const result = await createDndBeyondImporter().import({ data: { schema_version: 2, name: 'Roll20 thing', attribs: [] } }, signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'data' } });
    expect(!result.ok && result.error.message).toMatch(/Unrecognised D&D Beyond export shape \(top-level keys seen: schema_version, name, attribs\)/);
  });

  it('says what is wrong inside a recognised shape, with the field', async () => {
    const broken = structuredClone(envelope);
    broken.data.stats = broken.data.stats.slice(0, 5);
    const result = await createDndBeyondImporter().import({ data: broken }, signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'data.data.stats' } });
    expect(!result.ok && result.error.message).toMatch(/six ability scores/);
  });

  it('names the field of a bad entry deep in a long list', async () => {
    const broken = fixture('multiclass-wizard3-cleric2-paladin2.json');
    broken.data.classSpells[0].spells[1].definition.level = 12;
    const result = await createDndBeyondImporter().import({ data: broken }, signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'data.data.classSpells.0.spells.1.definition.level' } });
  });

  it('reports an envelope that carries no character', async () => {
    const result = await createDndBeyondImporter().import({ data: { id: 1, success: false, message: 'Character not found', data: null } }, signal);
    expect(!result.ok && result.error.message).toMatch(/success: false \("Character not found"\)/);
  });

  it('refuses a sheet with impossible values, naming the field', async () => {
    const odd = structuredClone(envelope);
    odd.data.overrideStats = [{ id: 2, value: 45 }];
    const result = await createDndBeyondImporter().import({ data: odd }, signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'abilities.dex' } });
    expect(!result.ok && result.error.message).toMatch(/impossible value/);
  });

  it('rejects text that is not JSON', async () => {
    const result = await createDndBeyondImporter().import({ data: '<html>nope' }, signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'data' } });
  });

  it('claims D&D Beyond links, ids and exports, and leaves other providers alone', () => {
    const importer = createDndBeyondImporter();
    expect(importer.accepts({ url: 'https://www.dndbeyond.com/characters/123' })).toBe(true);
    expect(importer.accepts({ url: 'https://app.roll20.net/campaigns/1' })).toBe(false);
    expect(importer.accepts({ id: '123456' })).toBe(true);
    expect(importer.accepts({ data: envelope })).toBe(true);
    expect(importer.accepts({ data: { schema_version: 2, attribs: [] } })).toBe(false);
  });
});
