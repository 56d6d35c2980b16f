import type { Random } from '../ports/random.js';

/**
 * How one culture names people. Each part is drawn uniformly from the union of its list and its
 * syllable combinations (start + end), so no single list entry dominates: that keeps the space of
 * full names in the hundreds of millions per genre and repeats rare even without a seed.
 */
export interface NameCulture {
  id: string;
  /** Shown to the GM, e.g. "Neo-Tokyo sprawl". */
  label: string;
  given: NamePart;
  family: NamePart;
  /** Builds the full name; default "given family". */
  format?: (parts: { given: string; family: string }, random: Random) => string;
}

export interface NamePart {
  list: readonly string[];
  start?: readonly string[];
  /** Optional syllables between start and end; include '' to allow none. */
  mid?: readonly string[];
  end?: readonly string[];
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[random.integer(0, list.length - 1)]!;

const partSize = (p: NamePart) => p.list.length + (p.start?.length ?? 0) * (p.mid?.length ?? 1) * (p.end?.length ?? 0);

export function drawPart(random: Random, part: NamePart): string {
  const i = random.integer(0, partSize(part) - 1);
  if (i < part.list.length) return part.list[i]!;
  let j = i - part.list.length;
  const end = part.end![j % part.end!.length]!;
  j = Math.floor(j / part.end!.length);
  const mid = part.mid ? part.mid[j % part.mid.length]! : '';
  const start = part.start![Math.floor(j / (part.mid?.length ?? 1))]!;
  return join(join(start, mid), end);
}

/** "Ash" + "ford" -> "Ashford"; a doubled letter at the seam is dropped ("Thorn" + "nell" -> "Thornell"). */
const join = (a: string, b: string) => (!b ? a : a.endsWith(b[0]!) ? a + b.slice(1) : a + b);

export function makeName(random: Random, culture: NameCulture): string {
  return makeNameParts(random, culture).name;
}

/** The full name and the given name the character goes by in prose. */
export function makeNameParts(random: Random, culture: NameCulture): { name: string; given: string } {
  const parts = { given: drawPart(random, culture.given), family: drawPart(random, culture.family) };
  return { name: culture.format ? culture.format(parts, random) : `${parts.given} ${parts.family}`, given: parts.given };
}

/** "a merchant", "an innkeeper". */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** Letters that read well as a middle initial. */
export const INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');
export const withInitial = ({ given, family }: { given: string; family: string }, random: Random) => `${given} ${pick(random, INITIALS)}. ${family}`;
