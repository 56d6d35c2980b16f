import { describe, expect, it } from 'vitest';
import { searchTerms, type KeywordDoc } from '../../src/core/index.js';
import { Bm25Index } from '../../src/stores/bm25-index.js';

const doc = (id: string, title: string, text: string, extra: Partial<KeywordDoc> = {}): KeywordDoc => ({
  id,
  title,
  path: 'Combat',
  text,
  sourceId: 'phb',
  version: 'v1',
  system: 'D&D 5e',
  sourceType: 'rulebook',
  contentType: 'rule',
  ...extra,
});
const q = (s: string) => searchTerms(s);

describe('BM25 keyword index', () => {
  it('ranks the passage about the asked subject first, its heading counting most', async () => {
    const index = new Bm25Index();
    await index.add([
      doc('a', 'Grappling', 'When you want to grab a creature, you can use the Attack action to make a grapple.'),
      doc('b', 'Shoving', 'Using the Attack action, you can make a special melee attack to shove a creature.'),
      doc('c', 'Cover', 'Walls and trees provide cover. A creature mentions grapple once.'),
    ]);
    const hits = index.search(q('how do I grapple a creature'), 10, { versions: ['v1'] });
    expect(hits.map((h) => h.id)).toEqual(['a', 'c', 'b']);
    expect(index.contains('a', q('grapple shove'))).toEqual([true, false]);
  });

  it('filters by version, book and content type, and forgets removed versions', async () => {
    const index = new Bm25Index();
    await index.add([
      doc('v1', 'Fireball', 'Fireball deals fire damage.', { contentType: 'spell' }),
      doc('v2', 'Fireball', 'Fireball deals 8d6 fire damage.', { version: 'v2', contentType: 'spell' }),
      doc('other', 'Fire', 'Fire damage in another book.', { sourceId: 'dmg' }),
    ]);
    const ids = (filter: Parameters<Bm25Index['search']>[2]) => index.search(q('fire damage'), 10, filter).map((h) => h.id).sort();
    expect(ids({ versions: ['v1'] })).toEqual(['other', 'v1']);
    expect(ids({ versions: ['v1', 'v2'], sourceIds: ['phb'] })).toEqual(['v1', 'v2']);
    expect(ids({ versions: ['v1', 'v2'], contentTypes: ['rule'] })).toEqual(['other']);
    index.removeSource('phb', 'v1');
    expect(ids({ versions: ['v1', 'v2'] })).toEqual(['other', 'v2']);
    expect(index.size).toBe(2);
  });

  it('stays correct after compacting many removed passages', async () => {
    const index = new Bm25Index();
    await index.add(Array.from({ length: 1500 }, (_, i) => doc(`old-${i}`, `Rule ${i}`, `Old rule ${i} about jumping.`, { version: 'old' })));
    await index.add([doc('new', 'Jumping', 'Your Strength determines how far you can jump.', { version: 'new' })]);
    index.removeSource('phb', 'old');
    expect(index.size).toBe(1);
    expect(index.search(q('jump'), 5, { versions: ['old', 'new'] }).map((h) => h.id)).toEqual(['new']);
    expect(index.contains('new', q('jump strength'))).toEqual([true, true]);
  });
});
