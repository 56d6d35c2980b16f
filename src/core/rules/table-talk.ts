import { CHARACTER_TALK } from './table-talk-characters.js';
import { COMBAT_TALK } from './table-talk-combat.js';
import { WORLD_TALK } from './table-talk-world.js';
import { stem, words } from './text-terms.js';

/**
 * How players say it, and the words a d20 rulebook uses for it. A question keeps its own words; the
 * rulebook words of every phrase it contains are searched beside them, with a lower weight, so
 * "can I go berserk twice a day" also looks for rage, and "my pet owl" for a familiar.
 *
 * Written from general table vocabulary across the whole of a 5e-style rulebook (actions, movement,
 * conditions, spellcasting, resting, equipment, advancement, the environment), not from any book's
 * text; some entries were prompted by misses on the dev half of the evaluation set (never the test
 * half, bench/rules-questions-test.json). A key is matched on word stems, so "defend", "defending" and "defends" are one key, and a
 * longer key wins over a shorter one ("hit points" before "hit").
 */
export const TABLE_TALK: Readonly<Record<string, string>> = { ...COMBAT_TALK, ...WORLD_TALK, ...CHARACTER_TALK };

/** How much a rulebook word found through table talk counts against the player's own words (chosen on the dev half). */
export const TABLE_TALK_WEIGHT = 0.85;

/** The keys as stem sequences, and the longest key in words, derived once from the table. */
const BY_STEMS = new Map(Object.entries(TABLE_TALK).map(([from, to]) => [words(from).map(stem).join(' '), { from, to }]));
const MAX_WORDS = Math.max(...[...BY_STEMS.keys()].map((k) => k.split(' ').length));

/**
 * The table-talk phrases in a question's words, longest first and without overlaps, each with the
 * rulebook words it stands for. `from` is the phrase as the player wrote it.
 */
export function tableTalkIn(questionWords: string[]): { from: string; to: string }[] {
  const stems = questionWords.map(stem);
  const found: { from: string; to: string }[] = [];
  for (let i = 0; i < stems.length; ) {
    let n = Math.min(MAX_WORDS, stems.length - i);
    for (; n >= 1; n--) {
      const entry = BY_STEMS.get(stems.slice(i, i + n).join(' '));
      if (!entry) continue;
      if (entry.to !== entry.from) found.push({ from: questionWords.slice(i, i + n).join(' '), to: entry.to });
      break;
    }
    i += Math.max(n, 1);
  }
  return found;
}
