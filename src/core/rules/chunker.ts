import { tableSpans } from './content-types.js';
import type { PageLine } from './page-cleanup.js';
import type { ContentType, SourceType } from './rules-schemas.js';
import type { Section } from './structure.js';

export interface ChunkOptions {
  /** Aim for passages of about this many characters (a few paragraphs). */
  targetChars: number;
  /** Characters of the previous passage repeated at the start of the next one. */
  overlapChars: number;
}

export const defaultChunkOptions: ChunkOptions = { targetChars: 900, overlapChars: 200 };

export interface ChunkDraft {
  page: number;
  pageEnd: number;
  sectionPath: string[];
  contentType: ContentType;
  text: string;
}

/** A paragraph's text with the page each character range came from. */
interface Unit {
  text: string;
  page: number;
  pageEnd: number;
}

/**
 * Cuts sections into passages that never cross a section boundary. Spells, stat blocks and magic
 * items stay whole (up to four passages' worth), tables stay whole with their caption, and running
 * text is cut at paragraph or sentence ends with some overlap, so a rule split in two is still found
 * in one piece.
 */
export function chunkSections(sections: Section[], sourceType: SourceType, options: ChunkOptions = defaultChunkOptions): ChunkDraft[] {
  const drafts: ChunkDraft[] = [];
  const plain: ContentType = sourceType === 'flavor' ? 'narrative' : 'rule';
  // The sections under a spell, stat block or item ("Actions", "Legendary Actions") are part of it.
  let entry: { path: string[]; type: ContentType } | null = null;
  for (const section of sections) {
    const base = { sectionPath: section.path };
    if (section.entryType) entry = { path: section.path, type: section.entryType };
    else if (entry && !(section.path.length > entry.path.length && entry.path.every((t, i) => section.path[i] === t))) entry = null;
    const entryType = section.entryType ?? entry?.type ?? null;
    if (entryType) {
      const units = paragraphs(section.lines);
      const whole = units.map((u) => u.text).join('\n');
      if (whole.length <= options.targetChars * 4) {
        drafts.push({ ...base, contentType: entryType, page: units[0]?.page ?? 1, pageEnd: units.at(-1)?.pageEnd ?? 1, text: whole });
      } else for (const piece of pack(units, options)) drafts.push({ ...base, contentType: entryType, ...piece });
      continue;
    }
    const texts = section.lines.map((l) => l.text);
    let at = 0;
    // Tables are found with the cell markers still in; everything else reads them as spaces.
    for (const span of [...tableSpans(texts), { start: texts.length, end: texts.length }]) {
      for (const piece of pack(paragraphs(section.lines.slice(at, span.start)), options)) drafts.push({ ...base, contentType: plain, ...piece });
      if (span.end > span.start) for (const piece of tablePieces(section.lines.slice(span.start, span.end), options)) drafts.push({ ...base, contentType: 'table', ...piece });
      at = span.end;
    }
  }
  return drafts.filter((d) => d.text.trim().length > 0);
}

/** Joins wrapped lines into paragraphs, mending words hyphenated at a line end. */
function paragraphs(lines: PageLine[]): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.replace(/\u0001/g, ' ').replace(/\t/g, ' | ');
    if (!current) {
      current = { text, page: line.page, pageEnd: line.page };
      continue;
    }
    const prev = current.text;
    const prevLine = lines[i - 1]!.text;
    // A short line that does not run on (a list item, a label) ends its paragraph; a full line wraps.
    const listLike = prevLine.length < 45 && !/[,\-]$/.test(prevLine) && /^[A-Z0-9(]/.test(text);
    const sentenceEnd = /[.!?:)"]$/.test(prev) && (prevLine.length < 70 || /^[A-Z][\w' -]{1,40}\.\s/.test(text));
    if (listLike || sentenceEnd || line.text.includes('\t') || prevLine.includes('\t')) {
      units.push(current);
      current = { text, page: line.page, pageEnd: line.page };
    } else {
      current.text = /[a-z]-$/.test(prev) && /^[a-z]/.test(text) ? `${prev.slice(0, -1)}${text}` : `${prev} ${text}`;
      current.pageEnd = line.page;
    }
  }
  if (current) units.push(current);
  return units;
}

/** Sentences of a long paragraph, so no passage is much larger than the target. */
function sentences(unit: Unit): Unit[] {
  const parts = unit.text.split(/(?<=[.!?])\s+(?=[A-Z(])/);
  return parts.map((text) => ({ text, page: unit.page, pageEnd: unit.pageEnd }));
}

/** Packs paragraphs into passages of about the target size, each starting with the previous one's tail. */
function pack(units: Unit[], options: ChunkOptions): Unit[] {
  const flat = units.flatMap((u) => (u.text.length > options.targetChars * 1.5 ? sentences(u) : [u]));
  const out: Unit[] = [];
  let current: Unit[] = [];
  let size = 0;
  // Units added since the last passage; a passage made only of overlap is never emitted.
  let fresh = 0;
  for (const u of flat) {
    if (fresh > 0 && size + u.text.length > options.targetChars) {
      out.push(joined(current));
      current = overlapTail(current, options.overlapChars);
      size = current.reduce((s, t) => s + t.text.length + 1, 0);
      fresh = 0;
    }
    current.push(u);
    size += u.text.length + 1;
    fresh++;
  }
  if (fresh > 0) out.push(joined(current));
  return out;
}

const joined = (units: Unit[]): Unit => ({ text: units.map((u) => u.text).join('\n'), page: units[0]!.page, pageEnd: units.at(-1)!.pageEnd });

/** The last whole sentences of a passage, up to `max` characters. */
function overlapTail(units: Unit[], max: number): Unit[] {
  const tail: Unit[] = [];
  let size = 0;
  for (const s of units.flatMap(sentences).reverse()) {
    if (size + s.text.length > max) break;
    tail.unshift(s);
    size += s.text.length + 1;
  }
  return tail;
}

/** A table in one passage, or in several with the caption and header row repeated. */
function tablePieces(lines: PageLine[], options: ChunkOptions): Unit[] {
  const rows = lines.map((l) => ({ text: l.text.replace(/[\t\u0001]/g, ' | '), page: l.page, pageEnd: l.page }));
  const whole = rows.map((r) => r.text).join('\n');
  if (whole.length <= options.targetChars * 3) return [{ text: whole, page: rows[0]!.page, pageEnd: rows.at(-1)!.pageEnd }];
  const headerCount = rows[0]!.text.includes(' | ') ? 1 : 2;
  const header = rows.slice(0, headerCount);
  const out: Unit[] = [];
  let body: Unit[] = [];
  const flush = () => {
    if (!body.length) return;
    out.push({ text: [...header, ...body].map((r) => r.text).join('\n'), page: body[0]!.page, pageEnd: body.at(-1)!.pageEnd });
    body = [];
  };
  for (const row of rows.slice(headerCount)) {
    if ([...header, ...body].reduce((s, r) => s + r.text.length + 1, 0) + row.text.length > options.targetChars * 2) flush();
    body.push(row);
  }
  flush();
  return out;
}
