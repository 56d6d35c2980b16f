import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WordVectorEmbedder } from '../../../src/llm/embedders/word-vector-embedder.js';
import { Bm25Index } from '../../../src/stores/bm25-index.js';
import { PdfParseReader } from '../../../src/readers/pdf-parse-reader.js';
import { LocalVectorIndex } from '../../../src/stores/local-vector-index.js';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture.js';

// The 818-page D&D 5e SRD 5.1 (CC-BY-4.0), shared by the machines that run this project; never copied in.
const SRD = resolve('../shared/data/cc-srd5.pdf');
const present = existsSync(SRD);
if (!present) console.warn(`Skipping the SRD ingestion test: ${SRD} is absent (it lives in the shared data folder next to the checkout)`);

describe.skipIf(!present)('a real rulebook: the 818-page SRD 5.1', () => {
  let f: CoreFixture;
  // One ingestion for the whole file; the word-vector table is cached per machine, like the hub caches it per data folder.
  beforeAll(async () => {
    const embedder = new WordVectorEmbedder({ cacheDir: join(tmpdir(), 'ttrpg-hub-test-models') });
    f = await coreFixture({ rules: { keywords: new Bm25Index(), reader: new PdfParseReader(), vectors: new LocalVectorIndex(), embedder, options: { allowedFolders: [dirname(SRD)] } } });
    await f.ok('add_source', { path: SRD, name: 'SRD 5.1', system: 'D&D 5e' });
  }, 180_000);

  it('is read into sections, spells, stat blocks, items and tables with the right pages', async () => {
    const { sources } = await f.ok('list_sources', {});
    const source = sources[0];
    expect(source).toMatchObject({ pages: 818, structure: 'outline', embedded: true });
    expect(source.sections).toBeGreaterThan(2000);
    expect(source.contentTypes.spell).toBeGreaterThan(300);
    expect(source.contentTypes.stat_block).toBeGreaterThan(300);
    expect(source.contentTypes.item).toBeGreaterThan(200);
    expect(source.contentTypes.table).toBeGreaterThan(50);

    const top = async (query: string) => (await f.ok('search', { query })).results[0];
    expect(await top('Can I avoid provoking an AoO when I leave melee?')).toMatchObject({ page: 173, sectionPath: ['Combat', 'Making an Attack', 'Melee Attacks', 'Opportunity Attacks'] });
    expect(await top('armor class of an adult red dragon')).toMatchObject({ page: 649, contentType: 'stat_block', sectionPath: expect.arrayContaining(['Adult Red Dragon']) });
    const fireball = await top('fireball damage and radius');
    expect(fireball).toMatchObject({ page: 282, contentType: 'spell', sectionPath: expect.arrayContaining(['Fireball']) });
    expect(fireball.text).toContain('20-foot-radius sphere');
  });

  it('answers questions worded as players ask them, with the rule before the creature named in passing', async () => {
    const wolf = await f.ok('search', { query: 'My halfling wants to ride her wolf into the fight. Does the wolf still get its own turn?' });
    expect(wolf.results[0].sectionPath).toEqual(expect.arrayContaining(['Mounted Combat']));
    expect(wolf.confidence).not.toBe('not_found');
    const underwater = await f.ok('search', { query: 'my wizard is dragged underwater and can\'t breathe, how long until she drowns?' });
    expect(underwater.results.slice(0, 3).map((r: { text: string }) => r.text).join(' ')).toMatch(/hold its breath for a number of minutes/);
  });

  it('always returns the passages asked for, and says when the books probably do not answer', async () => {
    for (const query of ['How do I configure a Kubernetes ingress?', 'What does the Sharpshooter feat let my archer do?']) {
      const answer = await f.ok('search', { query, maxResults: 10 });
      expect(answer.results).toHaveLength(10);
      expect(answer.confidence, query).toBe('not_found');
      expect(answer.note).toMatch(/Probably not in your books/);
    }
    // The SRD prices bread but says nothing of baking: a weak match, never a confident one.
    const bread = await f.ok('search', { query: 'How do I bake sourdough bread?', maxResults: 10 });
    expect(bread.results).toHaveLength(10);
    expect(bread.confidence).not.toBe('strong');
    expect(bread.note).toMatch(/Weak match|Probably not in your books/);
  });

  it('gives the full page range, the title path and, with expand, the whole section; refuses unknown arguments', async () => {
    const many = await f.ok('search', { query: 'grappled creature escape', max_results: 8 });
    expect(many.results).toHaveLength(8);
    const spanning = (await f.ok('search', { query: 'Delayed Blast Fireball', maxResults: 10 })).results.find((r: { pageEnd: number; page: number }) => r.pageEnd > r.page);
    expect(spanning.pages).toBe(`${spanning.page}-${spanning.pageEnd}`);
    const expanded = (await f.ok('search', { query: 'how does two-weapon fighting work with a light weapon', expand: 1 })).results[0];
    expect(expanded.sectionPath.length).toBeGreaterThan(1);
    expect(expanded.context.section).toContain(expanded.text.slice(0, 80));
    expect(expanded.context.section.length).toBeGreaterThanOrEqual(expanded.text.length);
    const refused = await f.fail('search', { query: 'fireball', maxresults: 10 });
    expect(refused.message).toMatch(/maxresults/);
  });
});
