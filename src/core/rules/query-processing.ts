import { createRequire } from 'node:module';
import { JARGON, JARGON_MAX_WORDS } from './jargon.js';
import { TABLE_TALK_WEIGHT, tableTalkIn } from './table-talk.js';
import { editDistance, isStopword, stem, words } from './text-terms.js';

/**
 * The terms of every passage in the library with the number of passages each appears in: the
 * dictionary that spelling correction draws from and the document frequencies for scoring.
 */
export class Vocabulary {
  readonly #df = new Map<string, number>();
  readonly #surface = new Map<string, string>();
  /** The books' words as written, with the passages each is in: what a typo is corrected to. */
  readonly #words = new Map<string, number>();
  /** Terms grouped by length, so correction only compares plausible candidates. */
  #byLength: Map<number, string[]> | null = null;
  readonly #corrections = new Map<string, string | null>();
  #docs = 0;

  /** Counts a passage's terms in (sign 1) or out (sign -1). */
  addPassage(text: string, sign: 1 | -1 = 1): void {
    const terms = new Set<string>();
    const seen = new Set<string>();
    for (const w of words(text)) {
      if (isStopword(w)) continue;
      const t = stem(w);
      terms.add(t);
      seen.add(w);
      if (sign === 1 && !this.#surface.has(t)) this.#surface.set(t, w);
    }
    for (const w of seen) {
      const n = (this.#words.get(w) ?? 0) + sign;
      if (n > 0) this.#words.set(w, n);
      else this.#words.delete(w);
    }
    this.#docs += sign;
    for (const t of terms) {
      const n = (this.#df.get(t) ?? 0) + sign;
      if (n > 0) this.#df.set(t, n);
      else this.#df.delete(t);
    }
    this.#byLength = null;
    this.#corrections.clear();
  }

  /** A word as the books spell it for a term ("grappl" -> "grappled"). */
  surface = (term: string): string => this.#surface.get(term) ?? term;

  has = (term: string): boolean => this.#df.has(term);
  df = (term: string): number => this.#df.get(term) ?? 0;
  get docs(): number {
    return this.#docs;
  }
  get size(): number {
    return this.#df.size;
  }

  /** Inverse document frequency; unknown terms weigh most, so a question about them scores low. */
  idf(term: string): number {
    return Math.log(1 + (this.#docs + 1) / (this.df(term) + 0.5));
  }

  /** The most frequent word of the books within the allowed edit distance of a word, or null. Memoised until the vocabulary changes. */
  correct(term: string): string | null {
    let fixed = this.#corrections.get(term);
    if (fixed === undefined) this.#corrections.set(term, (fixed = this.#nearest(term)));
    return fixed;
  }

  #nearest(term: string): string | null {
    const max = term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
    if (max === 0 || /\d/.test(term)) return null;
    this.#byLength ??= groupByLength(this.#words.keys());
    let best: string | null = null;
    let bestKey = [Infinity, 0];
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const candidate of this.#byLength.get(len) ?? []) {
        // Cheap pre-check: a word sharing neither of the first two letters is rarely the one meant.
        if (candidate[0] !== term[0] && candidate[1] !== term[1] && candidate[0] !== term[1]) continue;
        const d = editDistance(term, candidate, max);
        if (d > max) continue;
        const df = this.#words.get(candidate) ?? 0;
        if (d < bestKey[0]! || (d === bestKey[0] && df > bestKey[1]!)) {
          best = candidate;
          bestKey = [d, df];
        }
      }
    }
    return best;
  }
}

function groupByLength(terms: Iterable<string>): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const t of terms) {
    const list = map.get(t.length);
    if (list) list.push(t);
    else map.set(t.length, [t]);
  }
  return map;
}

let english: Set<string> | undefined;
/** An English word list (an-array-of-english-words, ~275,000 words), loaded on the first question. */
export function isEnglishWord(word: string): boolean {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(word);
}

export interface ProcessedQuery {
  original: string;
  /** The question as searched: jargon spelled out, typos corrected. */
  text: string;
  /** Stemmed search terms of the question itself, stopwords removed. */
  terms: string[];
  /**
   * Rulebook terms its table talk stands for ("go berserk" -> rage), searched with a lower weight;
   * `phrases` pairs each phrase's own terms with its rulebook terms, so a passage holding the rulebook
   * words counts as covering the phrase.
   */
  related: { terms: string[]; weight: number; phrases: { own: string[]; added: string[] }[] };
  /** Abbreviations spelled out and table talk read as rulebook words. */
  expansions: { from: string; to: string }[];
  corrections: { from: string; to: string }[];
  /** Words found nowhere in the library, even after correction. */
  unknown: string[];
}

/**
 * Cleans and expands a question: table talk becomes rulebook words ("AoO" -> opportunity attack),
 * misspelled words become the nearest word the books use ("oportunity" -> opportunity).
 */
export function processQuery(query: string, vocabulary: Vocabulary): ProcessedQuery {
  const input = words(query);
  const out: string[] = [];
  const expansions: ProcessedQuery['expansions'] = [];
  for (let i = 0; i < input.length; ) {
    let matched = false;
    for (let n = Math.min(JARGON_MAX_WORDS, input.length - i); n >= 1 && !matched; n--) {
      const phrase = input.slice(i, i + n).join(' ');
      const to = JARGON[phrase];
      if (to === undefined || to === phrase) continue;
      out.push(...to.split(' '));
      expansions.push({ from: phrase, to });
      i += n;
      matched = true;
    }
    if (!matched) out.push(input[i++]!);
  }

  const corrections: ProcessedQuery['corrections'] = [];
  const unknown: string[] = [];
  const text: string[] = [];
  const terms: string[] = [];
  for (const word of out) {
    if (isStopword(word)) {
      text.push(word);
      continue;
    }
    const term = stem(word);
    // A real word is never "corrected", known to the books or not: only a word in no English word
    // list and in no book can be a typo ("oportunity"), and then the nearest word of the books is meant.
    if (vocabulary.has(term) || vocabulary.size === 0 || isEnglishWord(word) || /\d/.test(word)) {
      if (!vocabulary.has(term) && vocabulary.size > 0) unknown.push(word);
      text.push(word);
      terms.push(term);
      continue;
    }
    const fixed = vocabulary.correct(word);
    if (fixed) {
      corrections.push({ from: word, to: fixed });
      text.push(fixed);
      terms.push(stem(fixed));
    } else {
      unknown.push(word);
      text.push(word);
      terms.push(term);
    }
  }
  // Table talk adds rulebook words beside the player's own; it never replaces them.
  const talk = tableTalkIn(input);
  const own = new Set(terms);
  const related = new Set<string>();
  const phrases = talk.map(({ from, to }) => ({
    own: words(from).filter((w) => !isStopword(w)).map(stem).filter((t) => own.has(t)),
    added: words(to).filter((w) => !isStopword(w)).map(stem).filter((t) => !own.has(t)),
  }));
  for (const p of phrases) for (const t of p.added) related.add(t);
  expansions.push(...talk);
  return { original: query, text: text.join(' '), terms: [...own], related: { terms: [...related], weight: TABLE_TALK_WEIGHT, phrases }, expansions, corrections, unknown };
}

/**
 * How much of the question a passage covers, from 0 to 1: the share of the query terms' weight
 * (inverse document frequency) found in the passage. A passage about something else, or a question
 * about something the books never mention, scores low whatever the ranking says.
 */
export function coverage(queryTerms: string[], found: boolean[], vocabulary: Vocabulary): number {
  let total = 0;
  let hit = 0;
  queryTerms.forEach((t, i) => {
    const w = vocabulary.idf(t);
    total += w;
    if (found[i]) hit += w;
  });
  return total === 0 ? 0 : hit / total;
}
