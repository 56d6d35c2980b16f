import type { ContentType } from './rules-schemas.js';

const SCHOOL = '(?:abjuration|conjuration|divination|enchantment|evocation|illusion|necromancy|transmutation)';
/** "3rd-level evocation", "evocation cantrip", "Level 3 Evocation", each optionally "(ritual)". */
const SPELL_LEVEL = new RegExp(`^(?:\\d+(?:st|nd|rd|th)[- ]level ${SCHOOL}|${SCHOOL} cantrip|level \\d+ ${SCHOOL}(?: cantrip)?)(?: \\(ritual\\))?\\b`, 'i');
/** "Huge dragon, chaotic evil", "Medium humanoid (any race), any alignment". */
const SIZE_TYPE = /^(?:tiny|small|medium|large|huge|gargantuan)\b[^.]{0,80},\s*[a-z][a-z -]+$/i;
const ITEM_LINE = /^(?:wondrous item|armor|weapon|potion|ring|rod|scroll|staff|wand|shield)\b[^.]{0,80}\b(?:common|uncommon|rare|very rare|legendary|artifact|rarity varies)\b/i;

/**
 * Recognises the start of a spell, stat block or magic item from the lines that follow its name
 * (the level and school line, the size/type/alignment line with Armor Class and Hit Points below it,
 * the "Wondrous item, rare" line). Returns null for anything else.
 */
export function entryTypeAt(lines: readonly string[], i: number): ContentType | null {
  const next = lines[i + 1]?.replace(/\u0001/g, ' ');
  if (next === undefined || !looksLikeName(lines[i]!)) return null;
  if (SPELL_LEVEL.test(next)) return 'spell';
  if (ITEM_LINE.test(next)) return 'item';
  if (SIZE_TYPE.test(next)) {
    const below = lines.slice(i + 2, i + 8).join('\n').replace(/\u0001/g, ' ');
    if (/^Armor Class \d/m.test(below) && /^Hit Points \d/m.test(below)) return 'stat_block';
  }
  return null;
}

/** A name line: short, capitalised, no sentence punctuation at the end, not a table row. */
export function looksLikeName(line: string): boolean {
  return line.length >= 2 && line.length <= 60 && /^[A-Z0-9"']/.test(line) && !/[.,;]$/.test(line) && !/[\t\u0001]/.test(line);
}

/**
 * A table row: cells separated by tabs (wide gaps, as pdf-parse marks them), or at least three short
 * cells drawn as separate runs (two could be a bold label and its text).
 */
export function isTableRow(line: string): boolean {
  if (line.split('\t').filter((c) => c.trim()).length >= 2) return true;
  const cells = line.split(/[\t\u0001]/).filter((c) => c.trim());
  return cells.length >= 3 && cells.every((c) => c.length <= 50);
}

/** Caption or group label inside a table ("Ammunition", "Precipitation"): short, no sentence. */
const isTableLabel = (line: string) => line.length <= 40 && !/[.;]$/.test(line) && !/\s\w+\s\w+\s\w+\s\w+\s/.test(line);

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Runs of table rows (at least three, group labels allowed between rows), each with its caption
 * line above it when there is one, so a table stays one piece.
 */
export function tableSpans(lines: readonly string[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTableRow(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    let rows = 0;
    let j = i;
    while (j < lines.length) {
      if (isTableRow(lines[j]!)) {
        rows++;
        end = j + 1;
        j++;
      } else if (isTableLabel(lines[j]!) && j + 1 < lines.length && isTableRow(lines[j + 1]!)) j++;
      else break;
    }
    if (rows >= 3) {
      const start = i > 0 && isTableLabel(lines[i - 1]!) && !isTableRow(lines[i - 1]!) ? i - 1 : i;
      spans.push({ start: spans.length && spans.at(-1)!.end > start ? i : start, end });
    }
    i = Math.max(end, i + 1);
  }
  return spans;
}
