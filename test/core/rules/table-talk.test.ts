import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processQuery, Vocabulary } from '../../../src/core/rules/query-processing.js';
import { TABLE_TALK, tableTalkIn } from '../../../src/core/rules/table-talk.js';
import { CHARACTER_TALK } from '../../../src/core/rules/table-talk-characters.js';
import { COMBAT_TALK } from '../../../src/core/rules/table-talk-combat.js';
import { WORLD_TALK } from '../../../src/core/rules/table-talk-world.js';
import { stem, words } from '../../../src/core/rules/text-terms.js';
import { Bm25Index } from '../../../src/stores/bm25-index.js';
import { rulesFixture, type RulesFixture } from '../../helpers/rules-fixture.js';

describe('table talk', () => {
  it('finds phrases by their stems, longest first, and says what each stands for', () => {
    expect(tableTalkIn(words('Can my barbarian go berserk twice?'))).toEqual([{ from: 'go berserk', to: 'rage' }]);
    expect(tableTalkIn(words('she was defending and then got grabbed'))).toEqual([
      { from: 'defending', to: 'dodge action' },
      { from: 'grabbed', to: 'grapple grappled' },
    ]);
    expect(tableTalkIn(words('How many hit points does an ogre have?'))).toEqual([]);
  });

  it('has one meaning per phrase: no two keys share their stems', () => {
    const keys = Object.keys(TABLE_TALK).map((k) => words(k).map(stem).join(' '));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    // Nor does a phrase of one topic file silently replace another's.
    const parts = [COMBAT_TALK, WORLD_TALK, CHARACTER_TALK].flatMap((t) => Object.keys(t));
    expect(parts.filter((k, i) => parts.indexOf(k) !== i)).toEqual([]);
  });

  it('adds the rulebook words beside the player\'s own, weighted down, and shows them', () => {
    const v = new Vocabulary();
    v.addPassage('While raging, you have advantage on Strength checks.');
    const q = processQuery('can my pet owl go berserk', v);
    expect(q.terms).toEqual(expect.arrayContaining(['pet', 'owl', 'berserk'].map(stem)));
    expect(q.related.terms).toEqual(expect.arrayContaining(['familiar', 'rage'].map(stem)));
    expect(q.related.terms).not.toContain(stem('owl'));
    expect(q.related.weight).toBeGreaterThan(0);
    expect(q.related.weight).toBeLessThan(1);
    expect(q.expansions).toEqual(expect.arrayContaining([{ from: 'pet', to: 'familiar find familiar' }, { from: 'go berserk', to: 'rage' }]));
  });
});

describe('table talk in a search', () => {
  let f: RulesFixture;
  beforeAll(async () => {
    f = await rulesFixture();
    await f.ok('add_source', { path: f.files['handbook.pdf'], name: 'Handbook', system: 'D&D 5e' });
  }, 60_000);
  afterAll(async () => {
    await f.core.deps.rules?.close();
    f.cleanup();
  });

  it('finds the rule the player never names', async () => {
    const answer = await f.ok('search', { query: 'Can I tackle the thief before she gets out of the door?', mode: 'keyword', maxResults: 3 });
    expect(answer.results[0].sectionPath).toContain('Grappling');
    expect(answer.query.expansions).toContainEqual({ from: 'tackle', to: 'grapple' });
  });

  it('lets the player\'s own words outrank the added ones', async () => {
    const index = new Bm25Index();
    const meta = { version: 'v', sourceId: 's', system: 'x', sourceType: 'rulebook' as const, contentType: 'rule' as const, path: '' };
    await index.add([
      { ...meta, id: 'own', title: 'Wrestling', text: 'How to wrestle a foe.' },
      { ...meta, id: 'added', title: 'Grappling', text: 'How to grapple a foe.' },
    ]);
    const filter = { versions: ['v'] };
    const ranked = index.search([stem('wrestle'), stem('grapple')], 2, filter, [1, 0.7]);
    expect(ranked.map((h) => h.id)).toEqual(['own', 'added']);
    expect(ranked[1]!.score / ranked[0]!.score).toBeCloseTo(0.7, 5);
    // Without weights every term counts fully, as before.
    const flat = index.search([stem('wrestle'), stem('grapple')], 2, filter);
    expect(flat[0]!.score).toBeCloseTo(flat[1]!.score, 5);
  });
});
