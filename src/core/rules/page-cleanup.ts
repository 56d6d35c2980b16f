/**
 * Marks where two separately drawn text runs meet with only a space between them on one line: a
 * possible table cell or column boundary (pdf-parse marks wide gaps with a tab itself). Read as a
 * space everywhere else.
 */
export const SOFT_CELL = '\u0001';
export const plain = (line: string) => line.replace(/\u0001/g, ' ');

/** A line of text and the PDF page (1-based) it was printed on. */
export interface PageLine {
  text: string;
  page: number;
}

/** Only bullets, dashes or dots: layout debris that pdf.js emits apart from the text it marks. */
const DEBRIS = /^[\s•●▪■◦·\-–—*.]*$/;
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}$|^[ivxlc]{1,6}$/i;
/** How many lines at the top and bottom of a page may be running headers or footers. */
const EDGE = 3;

/**
 * Turns pdf-parse's text per page into clean lines: no running headers or footers (lines repeated at
 * the top or bottom of many pages, page numbers), no bullet debris, and two-column pages whose lines
 * came out interleaved ("left \t right") put back in reading order.
 * `keep` says which lines are known headings, which must never be taken for running headers.
 */
export function cleanPages(pages: string[], keep: (normalizedLine: string) => boolean = () => false): PageLine[] {
  const split = pages.map((text) => deinterleave(text.split('\n').map(tidy).filter((l) => !DEBRIS.test(l))));
  const running = runningLines(split, keep);
  const out: PageLine[] = [];
  split.forEach((lines, i) => {
    lines.forEach((text, j) => {
      const atEdge = j < EDGE || j >= lines.length - EDGE;
      if (atEdge && (PAGE_NUMBER.test(text) || running.has(edgeKey(text)))) return;
      out.push({ text, page: i + 1 });
    });
  });
  return out;
}

function tidy(line: string): string {
  return line
    .replace(/\u00a0/g, ' ')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/\ufb00/g, 'ff')
    // Typographic quotes as typed on a keyboard, so "Thief's" is found however it is written.
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[ \u2002-\u200a]+/g, ' ')
    .replace(/ ?\t ?/g, '\t')
    .replace(/ ?\u0001 ?/g, SOFT_CELL)
    // A wide gap (tab) next to a run boundary is one cell boundary, not an empty cell.
    .replace(/[\t\u0001]*\t[\t\u0001]*/g, '\t')
    .replace(/\u0001+/g, SOFT_CELL)
    .replace(/^[\t\u0001]+|[\t\u0001]+$/g, '')
    .trim();
}

/** Digits stand for any number, so "Player's Handbook 12" and "... 13" are the same footer. */
const edgeKey = (line: string) => plain(line).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** Lines found near the edge of at least a fifth of the pages (and at least three). */
function runningLines(pages: string[][], keep: (line: string) => boolean): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE), ...lines.slice(Math.max(EDGE, lines.length - EDGE))].map(edgeKey));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 5));
  const running = new Set<string>();
  for (const [key, n] of counts) if (n >= threshold && key.length > 0 && !keep(key)) running.add(key);
  return running;
}

/**
 * pdf.js emits two columns line by line when their baselines align, joined by a tab or a run
 * boundary. A page where most lines are two prose halves is read left column first, then right.
 * Tables also split lines, but their cells are short, so they are left alone.
 */
export function deinterleave(lines: string[]): string[] {
  if (lines.length < 6) return lines;
  const halves = lines.map((l) => l.split(/[\t\u0001]/));
  const prose = (s: string | undefined) => !!s && s.length >= 18 && s.includes(' ') && /[a-z]{3}/.test(s);
  const twoColumn = halves.filter((h) => h.length === 2 && prose(h[0]) && prose(h[1])).length;
  if (twoColumn < lines.length * 0.5) return lines;
  const left: string[] = [];
  const right: string[] = [];
  halves.forEach((h, i) => {
    if (h.length === 2) {
      left.push(h[0]!);
      right.push(h[1]!);
    } else left.push(lines[i]!);
  });
  return [...left, ...right];
}
