import { entryTypeAt, looksLikeName } from './content-types.js';
import { cleanPages, plain, type PageLine } from './page-cleanup.js';
import type { ContentType } from './rules-schemas.js';

import type { OutlineEntry } from '../ports/pdf-reader.js';

export type { OutlineEntry };

/** The text between one heading and the next, with the headings above it. */
export interface Section {
  path: string[];
  /** Spell, stat block or magic item when the heading starts one; null for ordinary text. */
  entryType: ContentType | null;
  lines: PageLine[];
}

export interface Structure {
  sections: Section[];
  /** Where the headings came from: the PDF's bookmarks, or recognised in the text. */
  method: 'outline' | 'text';
}

interface Heading {
  level: number;
  title: string;
  /** Lines the heading occupies (a long title may wrap onto a second line). */
  span: number;
}

const headingKey = (s: string) =>
  plain(s)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+'/g, "'") // kerning: "Thief 's Reflexes"
    .replace(/[\s\t]+/g, ' ')
    .replace(/[.:]+$/, '')
    .trim();

/** Largest outline x candidates table for the exact alignment; beyond it a greedy pass is used. */
const MAX_ALIGN_CELLS = 40_000_000;

/**
 * Recovers the book's structure from its page texts. With bookmarks, each bookmark title is found
 * among the lines in order (a longest-common-subsequence alignment, so a title that also appears in
 * running text or in the table of contents cannot pull the others out of place). Without bookmarks,
 * headings are recognised from their shape: short capitalised lines between finished sentences.
 * Spells, stat blocks and magic items become headings of their own in both cases.
 */
export function recoverStructure(pages: string[], outline: OutlineEntry[]): Structure {
  const useOutline = outline.length >= 3;
  const titleKeys = new Set(outline.map((o) => headingKey(o.title)));
  const edgeKeys = new Set([...titleKeys].map((k) => k.replace(/\d+/g, '#')));
  let lines = cleanPages(pages, (key) => edgeKeys.has(key));
  const isContents = useOutline ? (l: string) => titleKeys.has(headingKey(l)) || isTocEntry(l) : isTocEntry;
  lines = dropTableOfContents(lines, isContents, Math.min(30, Math.max(6, Math.ceil(pages.length / 10))));
  const texts = lines.map((l) => plain(l.text));
  const entries = new Map<number, ContentType>();
  for (let i = 0; i < texts.length; i++) {
    const type = entryTypeAt(texts, i);
    if (type) entries.set(i, type);
  }
  const headings = useOutline ? alignOutline(texts, outline) : textHeadings(texts, entries);
  let deepest = 1;
  for (const h of headings.values()) deepest = Math.max(deepest, h.level);
  for (const i of entries.keys()) if (!headings.has(i)) headings.set(i, { level: deepest + 1, title: texts[i]!, span: 1 });

  const sections: Section[] = [];
  const stack: Heading[] = [];
  let current: Section = { path: [], entryType: null, lines: [] };
  for (let i = 0; i < lines.length; i++) {
    const h = headings.get(i);
    if (h) {
      if (current.lines.length) sections.push(current);
      while (stack.length && stack.at(-1)!.level >= h.level) stack.pop();
      stack.push(h);
      current = { path: stack.map((s) => s.title), entryType: entries.get(i) ?? null, lines: [] };
      i += h.span - 1;
      continue;
    }
    current.lines.push(lines[i]!);
  }
  if (current.lines.length) sections.push(current);
  return { sections, method: useOutline ? 'outline' : 'text' };
}

/**
 * Drops runs of six or more consecutive contents entries near the front of the book: a table of
 * contents is not content. Only the front, because later runs of titles are content (a class's
 * spell list is a run of spell names, each also a bookmark).
 */
function dropTableOfContents(lines: PageLine[], isEntry: (line: string) => boolean, frontPages: number): PageLine[] {
  const drop = new Set<number>();
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.page <= frontPages && isEntry(lines[i]!.text)) continue;
    // The run's last line is the body's first heading when prose follows it.
    const end = i < lines.length && (lines[i]!.text.length > 60 || /[.!?]$/.test(lines[i]!.text)) ? i - 1 : i;
    if (i - runStart >= 6) for (let j = runStart; j < end; j++) drop.add(j);
    runStart = i + 1;
  }
  return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines;
}

/** "Combat ........ 12" or "Combat 12": a contents line of a book without bookmarks. */
const isTocEntry = (line: string) => /^[A-Z][^\t]{1,60}?(?:\s*\.{2,}\s*|\s+)\d{1,4}$/.test(line);

/** Finds each bookmark title among the lines, keeping the bookmarks' order. */
function alignOutline(texts: string[], outline: OutlineEntry[]): Map<number, Heading> {
  const keys = new Set(outline.map((o) => headingKey(o.title)));
  const candidates: { line: number; key: string; span: number }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const one = headingKey(texts[i]!);
    if (keys.has(one)) candidates.push({ line: i, key: one, span: 1 });
    else if (i + 1 < texts.length && texts[i]!.length < 60) {
      const two = headingKey(`${texts[i]} ${texts[i + 1]}`);
      if (keys.has(two)) candidates.push({ line: i, key: two, span: 2 });
    }
  }
  const titles = outline.map((o) => headingKey(o.title));
  const pairs = titles.length * candidates.length <= MAX_ALIGN_CELLS ? lcsPairs(titles, candidates.map((c) => c.key)) : greedyPairs(titles, candidates.map((c) => c.key));
  const headings = new Map<number, Heading>();
  for (const [t, c] of pairs) {
    const cand = candidates[c]!;
    headings.set(cand.line, { level: outline[t]!.level, title: outline[t]!.title.trim(), span: cand.span });
  }
  return headings;
}

/** Index pairs of a longest common subsequence of a and b. */
function lcsPairs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = n < 65_535 ? new Uint16Array((n + 1) * width) : new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** For huge outlines: each title takes the next free matching line within a short look-ahead. */
function greedyPairs(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const found = b.indexOf(a[i]!, j);
    if (found >= 0 && found - j < 200) {
      pairs.push([i, found]);
      j = found + 1;
    }
  }
  return pairs;
}

/**
 * Headings recognised by shape, for books without bookmarks. Inside a spell, stat block or item only
 * the next entry or a chapter heading ends it: their "Casting Time: 1 action" and "STR DEX CON" lines
 * look like headings but are not.
 */
function textHeadings(texts: string[], entries: Map<number, ContentType>): Map<number, Heading> {
  const headings = new Map<number, Heading>();
  let inEntry = false;
  for (let i = 0; i < texts.length; i++) {
    if (entries.has(i)) {
      inEntry = true;
      continue;
    }
    const line = texts[i]!;
    const prev = texts[i - 1];
    const next = texts[i + 1];
    if (!next || !looksLikeName(line) || line.length < 3 || /[:!?]$/.test(line)) continue;
    const ws = line.split(' ');
    if (ws.length > 9) continue;
    const longWords = ws.filter((w) => w.length > 3);
    const capitalised = longWords.filter((w) => /^[A-Z0-9]/.test(w)).length;
    const allCaps = /[A-Z]{3}/.test(line) && line === line.toUpperCase();
    if (!allCaps && capitalised < Math.max(1, longWords.length * 0.6)) continue;
    // A heading stands between finished sentences, never inside a wrapped paragraph.
    const afterBreak = prev === undefined || /[.!?:)"]$/.test(prev) || headings.has(i - 1) || prev.includes('\t');
    // The line after a heading is prose or another heading, never a row of numbers.
    if (!afterBreak || /^[a-z]/.test(next) || !/^[A-Z"'(]/.test(next)) continue;
    const chapter = (allCaps && ws.length >= 2 && !/\b(?:STR|DEX|CON|INT|WIS|CHA)\b/.test(line)) || /^(?:chapter|part|appendix|book)\b/i.test(line);
    if (inEntry && !chapter) continue;
    inEntry = false;
    headings.set(i, { level: chapter ? 1 : 2, title: line, span: 1 });
  }
  return headings;
}
