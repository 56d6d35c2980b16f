import { fail, ok, type Result } from '../result.js';
import type { Catalogue } from './rules-catalogue.js';
import type { PersonalityProfile, ProfileStats } from './rules-schemas.js';
import { isStopword, words } from './text-terms.js';

/** Marker words per tone; a book's tone is the set whose words it uses most, per 10,000 words. */
const TONES: Record<string, string[]> = {
  authoritative: ['must', 'always', 'never', 'cannot', 'required', 'only', 'exactly', 'unless', 'instead', 'rule'],
  instructional: ['roll', 'add', 'choose', 'check', 'modifier', 'bonus', 'level', 'gain', 'use', 'make'],
  mysterious: ['ancient', 'shadow', 'shadows', 'secret', 'secrets', 'whisper', 'whispers', 'forgotten', 'hidden', 'unknown', 'mystery', 'strange'],
  grim: ['death', 'dead', 'blood', 'horror', 'dread', 'madness', 'despair', 'corpse', 'rot', 'doom', 'darkness', 'fear'],
  heroic: ['hero', 'heroes', 'glory', 'legend', 'legendary', 'courage', 'valor', 'champion', 'triumph', 'noble', 'quest'],
  scholarly: ['according', 'history', 'scholars', 'records', 'theory', 'study', 'known', 'evidence', 'texts', 'sages'],
  whimsical: ['curious', 'delight', 'whimsy', 'wonder', 'laugh', 'mischief', 'playful', 'silly', 'fey', 'trick'],
  technological: ['computer', 'network', 'data', 'ship', 'laser', 'system', 'power', 'cyber', 'tech', 'drone'],
};
const TONE_OF = new Map(Object.entries(TONES).flatMap(([tone, ws]) => ws.map((w) => [w, tone] as const)));
const SECOND = new Set(['you', 'your', 'yours', 'yourself']);
const FIRST = new Set(['i', 'me', 'my', 'we', 'our', 'us']);
const THIRD = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'them', 'it', 'its']);

/** Counts the tone markers, pronouns, terms and two-word phrases of a book's passages. */
export function profileStats(texts: Iterable<string>): ProfileStats {
  const stats: ProfileStats = { words: 0, pronouns: { second: 0, first: 0, third: 0 }, tones: {}, terms: {}, phrases: {} };
  const terms = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const text of texts) {
    const ws = words(text);
    stats.words += ws.length;
    let prev: string | null = null;
    for (const w of ws) {
      if (SECOND.has(w)) stats.pronouns.second++;
      else if (FIRST.has(w)) stats.pronouns.first++;
      else if (THIRD.has(w)) stats.pronouns.third++;
      const tone = TONE_OF.get(w);
      if (tone) stats.tones[tone] = (stats.tones[tone] ?? 0) + 1;
      const content = !isStopword(w) && w.length > 2 && !/\d/.test(w);
      if (content) terms.set(w, (terms.get(w) ?? 0) + 1);
      if (content && prev) phrases.set(`${prev} ${w}`, (phrases.get(`${prev} ${w}`) ?? 0) + 1);
      prev = content ? w : null;
    }
  }
  // Only the head of each distribution is worth keeping in the catalogue.
  stats.terms = Object.fromEntries([...terms].sort((a, b) => b[1] - a[1]).slice(0, 300));
  stats.phrases = Object.fromEntries([...phrases].sort((a, b) => b[1] - a[1]).slice(0, 150));
  return stats;
}

/** Merges the counts of a system's books into the profile the AI game master will speak in. */
export function buildProfile(system: string, books: { name: string; stats: ProfileStats }[]): PersonalityProfile {
  const total = books.reduce((s, b) => s + b.stats.words, 0) || 1;
  const sum = (pick: (s: ProfileStats) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const b of books) for (const [k, v] of Object.entries(pick(b.stats))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const per10k = (n: number) => Math.round((n / total) * 10_000 * 10) / 10;
  const tones = Object.fromEntries(Object.entries(sum((s) => s.tones)).map(([k, v]) => [k, per10k(v)]));
  const ranked = Object.entries(tones).sort((a, b) => b[1] - a[1]);
  const p = books.reduce((acc, b) => ({ second: acc.second + b.stats.pronouns.second, first: acc.first + b.stats.pronouns.first, third: acc.third + b.stats.pronouns.third }), { second: 0, first: 0, third: 0 });
  const perspective =
    p.second >= p.first && p.second >= p.third * 0.5 ? 'instructional (second person)' : p.first > p.third ? 'first-person' : 'omniscient (third person)';
  const top = (record: Record<string, number>, n: number) => Object.entries(record).sort((a, b) => b[1] - a[1]).slice(0, n);
  return {
    system,
    tone: ranked[0]?.[0] ?? 'neutral',
    perspective,
    styleDescriptors: ranked.filter(([, v]) => v > 0).slice(0, 3).map(([k]) => k),
    commonPhrases: top(sum((s) => s.phrases), 15).map(([k]) => k),
    vocabulary: top(sum((s) => s.terms), 40).map(([term, n]) => ({ term, frequency: per10k(n) })),
    toneScores: tones,
    words: books.reduce((s, b) => s + b.stats.words, 0),
    sources: books.map((b) => b.name),
  };
}

/** The profile of a system from the catalogue; without a system, the campaign's active one, else the hub's. */
export function profileFor(catalogue: Catalogue, system: string | undefined, campaignId: string | null): Result<{ profile: PersonalityProfile; active: boolean }> {
  const active = (campaignId && catalogue.personality.campaigns[campaignId]) || catalogue.personality.hub;
  const systems = [...new Set(catalogue.sources.map((s) => s.system))];
  const listed = systems.map((s) => `"${s}"`).join(', ');
  const wanted = system ?? active ?? (systems.length === 1 ? systems[0] : undefined);
  if (!wanted) return fail('VALIDATION', `Name a system: the library has ${systems.length ? listed : 'no books yet'}`, { field: 'system' });
  const books = catalogue.sources.filter((s) => s.system.toLowerCase() === wanted.toLowerCase());
  if (!books.length) return fail('NOT_FOUND', `No book of the system "${wanted}" in the library${systems.length ? `: expected one of ${listed}` : ''}`, { field: 'system' });
  const profile = buildProfile(books[0]!.system, books.map((b) => ({ name: b.name, stats: b.stats })));
  return ok({ profile, active: !!active && active.toLowerCase() === wanted.toLowerCase() });
}
