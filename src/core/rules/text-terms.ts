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
    'your yours yourself yourselves can cant dont doesnt isnt get gets got also may might must shall us let lets rules rule'
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
 * A light English stemmer: plurals, -ing, -ed and a final -e. Deliberately simpler than Porter: it
 * must never merge two game terms (monster/monst), only inflections of one.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && hasStem(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && hasStem(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** What is left after a suffix must still be a word: "string" is not "str" + "ing". */
const hasStem = (rest: string) => rest.length >= 3 && /[aeiouy]/.test(rest);

/** "stopp" -> "stop", but "fall" and "pass" keep their double letters. */
const undouble = (w: string) => (/([^aeioulsz])\1$/.test(w) ? w.slice(0, -1) : w);

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
