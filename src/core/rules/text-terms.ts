import { createRequire } from 'node:module';

/** The Snowball English (Porter2) stemmer of wink-porter2-stemmer, a small, dependency-free package. */
const porter2 = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;

/**
 * One tokenizer for the whole rules library: the keyword index, the vocabulary used for spelling
 * correction, query processing, personality analysis and the offline embedder all see the same
 * terms, so "grappled", "grappling" and "grapple" meet in one term however they are spelled.
 */

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with would you ' +
    'your yours yourself yourselves can cant dont doesnt isnt get gets got also may might must shall us let lets rules rule ' +
    'im ive youre youve theyre theyve weve hes shes thats whats theres wont didnt wasnt arent couldnt wouldnt shouldnt havent hasnt'
  ).split(' '),
);

/** Lower case, no diacritics, no ligatures, straight quotes: the form every comparison uses. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00ad/g, '')
    .toLowerCase();
}

/** Words of the text, lower case, possessive 's dropped, apostrophes removed ("can't" -> "cant"). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(text).matchAll(/[a-z0-9]+(?:'[a-z]+)*/g)) {
    const w = m[0].replace(/'s$/, '').replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}

export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/**
 * Game terms Porter2 would merge with other words ("divine" smite and the "divination" school both
 * become "divin"; "initiative" meets "initial"): each is kept whole, so its rules are found apart.
 */
const PROTECTED = new Set(['divine', 'divinity', 'divination', 'initiative', 'initial', 'nature', 'natural', 'organ', 'organization', 'universal', 'university', 'critical', 'critic', 'conditional', 'condition']);

/** Porter2 (Snowball English), with the protected game terms left as they are. */
export function stem(word: string): string {
  if (word.length <= 2 || /\d/.test(word) || PROTECTED.has(word)) return word;
  if (word.endsWith('s') && PROTECTED.has(word.slice(0, -1))) return word.slice(0, -1);
  return porter2(word);
}

/** The searchable terms of a text: words without stopwords, stemmed. */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOPWORDS.has(w)) out.push(stem(w));
  return out;
}

/** Rows reused by editDistance: three rows of the dynamic-programming table (for transpositions). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein distance (adjacent transpositions count once), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}
