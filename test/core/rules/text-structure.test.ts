import { describe, expect, it } from 'vitest';
import { chunkSections } from '../../../src/core/rules/chunker.js';
import { cleanPages } from '../../../src/core/rules/page-cleanup.js';
import { processQuery, Vocabulary } from '../../../src/core/rules/query-processing.js';
import { recoverStructure } from '../../../src/core/rules/structure.js';
import { searchTerms, stem } from '../../../src/core/rules/text-terms.js';

const vocabularyOf = (...texts: string[]) => {
  const v = new Vocabulary();
  for (const t of texts) v.addPassage(t);
  return v;
};

describe('page cleanup', () => {
  it('drops running headers, footers and page numbers but keeps headings that repeat', () => {
    const pages = Array.from({ length: 6 }, (_, i) => `Player's Guide  ${i + 1}\nActions\nText of page ${i + 1} about rules.\n${i + 1}`);
    const lines = cleanPages(pages, (key) => key === 'actions').map((l) => l.text);
    expect(lines.filter((l) => l === 'Actions')).toHaveLength(6);
    expect(lines.some((l) => /Player's Guide|^\d+$/.test(l))).toBe(false);
  });

  it('reads two interleaved columns left first, and leaves tables alone', () => {
    const left = ['The first column starts here and', 'goes on with more words of prose', 'until this column is done with it', 'and then some more left text too', 'the fifth line of the left side', 'and its very last line is this one'];
    const right = ['while the right column begins', 'with its own sentences of prose', 'that a reader reads after the left', 'column, as any reader would do', 'the fifth line of the right side', 'and the last line of the right'];
    const page = left.map((l, i) => `${l}\t${right[i]}`).join('\n');
    expect(cleanPages([page]).map((l) => l.text)).toEqual([...left, ...right]);
    const table = ['Level\tProficiency Bonus\tFeatures', '1st\t+2\tRage', '2nd\t+2\tReckless Attack', '3rd\t+2\tPrimal Path', '4th\t+2\tAbility Score Improvement', '5th\t+3\tExtra Attack'].join('\n');
    expect(cleanPages([table]).map((l) => l.text)).toEqual(table.split('\n'));
  });
});

describe('structure and chunks', () => {
  it('follows the bookmarks even when a title also appears in the running text', () => {
    const pages = ['Combat\nActions in Combat\nWhen you take your action on your turn, you can take one of the actions presented here.\nDash\nWhen you take the Dash action, you gain extra movement.\nThe Dash action is one of the actions.\nDodge\nWhen you take the Dodge action, attacks against you have disadvantage.'];
    const outline = [{ title: 'Combat', level: 1 }, { title: 'Actions in Combat', level: 2 }, { title: 'Dash', level: 3 }, { title: 'Dodge', level: 3 }];
    const { sections, method } = recoverStructure(pages, outline);
    expect(method).toBe('outline');
    expect(sections.map((s) => s.path.join(' > '))).toEqual(['Combat > Actions in Combat', 'Combat > Actions in Combat > Dash', 'Combat > Actions in Combat > Dodge']);
  });

  it('keeps a section\'s passages under the target size, overlapping by whole sentences, never crossing into the next section', () => {
    const sentence = (i: number) => `Sentence number ${i} explains one more detail of the long rule.`;
    const body = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const { sections } = recoverStructure([`Long Rule\n${body}\nShort Rule\nA short rule of one sentence.`], [{ title: 'Long Rule', level: 1 }, { title: 'Short Rule', level: 1 }, { title: 'x', level: 1 }]);
    const chunks = chunkSections(sections, 'rulebook', { targetChars: 600, overlapChars: 150 });
    const long = chunks.filter((c) => c.sectionPath[0] === 'Long Rule');
    expect(long.length).toBeGreaterThan(3);
    for (const c of long) expect(c.text.length).toBeLessThanOrEqual(700);
    for (let i = 1; i < long.length; i++) {
      const firstSentence = long[i]!.text.split('\n')[0]!;
      expect(long[i - 1]!.text).toContain(firstSentence);
    }
    expect(chunks.at(-1)).toMatchObject({ sectionPath: ['Short Rule'], text: 'A short rule of one sentence.' });
    expect(chunks.every((c) => c.sectionPath[0] === 'Short Rule' || !c.text.includes('short rule'))).toBe(true);
  });

  it('marks passages of flavor books as narrative', () => {
    const { sections } = recoverStructure(['The Tale\nOnce upon a time a dragon slept under the mountain.'], []);
    expect(chunkSections(sections, 'flavor').map((c) => c.contentType)).toEqual(['narrative']);
  });
});

describe('terms and questions', () => {
  it('stems inflections of a word together without merging different words', () => {
    expect(new Set(['grapple', 'grappled', 'grappling', 'grapples'].map(stem)).size).toBe(1);
    expect(new Set(['attack', 'attacks', 'attacked', 'attacking'].map(stem)).size).toBe(1);
    expect(stem('abilities')).toBe(stem('ability'));
    expect(stem('string')).not.toBe(stem('str'));
    expect(searchTerms('The creature\'s speed becomes 0')).toEqual(['creatur', 'speed', 'becom', '0']);
  });

  it('spells out table talk and corrects misspellings against the books\' own words', () => {
    const v = vocabularyOf('Opportunity attacks happen when a creature leaves your reach.', 'Concentration ends when you are incapacitated.', 'Armor class is your defense.');
    const q = processQuery('does my conc end if i get hit by an AoO with adv', v);
    expect(q.expansions).toEqual([
      { from: 'conc', to: 'concentration' },
      { from: 'aoo', to: 'opportunity attack' },
      { from: 'adv', to: 'advantage' },
    ]);
    expect(q.terms).toEqual(expect.arrayContaining(['concentration', 'opportunity', 'attack'].map(stem)));
    const typo = processQuery('oportunity atacks and concentraton', v);
    expect(typo.corrections.map((c) => c.from)).toEqual(['oportunity', 'atacks', 'concentraton']);
    expect(typo.text).toBe('opportunity attacks and concentration');
    expect(processQuery('kubernetes ingress', v).unknown).toEqual(['kubernetes', 'ingress']);
    // A real English word is never rewritten into a word of the books, even one letter away.
    const real = processQuery('does the reach of a creature change when it leaps', v);
    expect(real.corrections).toEqual([]);
    expect(real.text).toContain('leaps');
  });

  it('stems with Porter2 but keeps game terms apart that it would merge', () => {
    expect(stem('divine')).not.toBe(stem('divination'));
    expect(stem('initiative')).not.toBe(stem('initial'));
    expect(stem('natural')).not.toBe(stem('nature'));
    expect(stem('exhaustion')).toBe(stem('exhausted'));
    expect(stem('initiatives')).toBe(stem('initiative'));
  });
});
