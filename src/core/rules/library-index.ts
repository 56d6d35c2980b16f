import type { IndexFilter, KeywordIndex } from '../ports/search-index.js';
import { fail, ok, type Result } from '../result.js';
import { Vocabulary } from './query-processing.js';
import type { Chunk, Source } from './rules-schemas.js';

const versionKey = (sourceId: string, version: string) => `${sourceId}:${version}`;

/** A heading used by this many sections of one book is generic ("Actions", "Spell Level"): it names no topic. */
const GENERIC_TITLE_USES = 8;

/** The titles of a book used as the heading of many sections. */
export function genericTitles(chunks: Pick<Chunk, 'sectionPath'>[]): Set<string> {
  const sections = new Map<string, Set<string>>();
  for (const c of chunks) {
    const title = c.sectionPath.at(-1);
    if (!title) continue;
    let paths = sections.get(title);
    if (!paths) sections.set(title, (paths = new Set()));
    paths.add(c.sectionPath.join('\u0000'));
  }
  return new Set([...sections].filter(([, paths]) => paths.size >= GENERIC_TITLE_USES).map(([title]) => title));
}

/** The section path as one searchable title. */
export const chunkTitle = (chunk: Pick<Chunk, 'sectionPath'>) => chunk.sectionPath.join(' > ');

/**
 * What the hub keeps in memory about its books: every passage by id, the passages of each version in
 * book order (for neighbours), the vocabulary, and which version of each book is live. A version is
 * staged (indexed but invisible) first and made live in one synchronous step, so a search sees the
 * old book or the new one, never a mix.
 */
export class LibraryIndex {
  readonly vocabulary = new Vocabulary();
  readonly #chunks = new Map<string, Chunk>();
  readonly #order = new Map<string, string[]>();
  readonly #live = new Map<string, Source>();
  /** Generic headings per book version. */
  readonly #generic = new Map<string, Set<string>>();

  constructor(private readonly keywords: KeywordIndex) {}

  /** Indexes a version's passages without showing them. */
  async stage(source: Pick<Source, 'id' | 'system' | 'sourceType'>, version: string, chunks: Chunk[]): Promise<void> {
    const key = versionKey(source.id, version);
    if (this.#order.has(key)) return;
    this.#order.set(key, chunks.map((c) => c.id));
    const generic = genericTitles(chunks);
    this.#generic.set(key, generic);
    for (const c of chunks) {
      this.#chunks.set(c.id, c);
      this.vocabulary.addPassage(`${chunkTitle(c)}\n${c.text}`);
    }
    await this.keywords.add(
      chunks.map((c) => {
        // Under a generic heading the entry above it ("Vampire" for its "Actions") is the topic.
        const own = this.#topic(c, generic);
        return {
          id: c.id,
          sourceId: source.id,
          version,
          system: source.system,
          sourceType: source.sourceType,
          contentType: c.contentType,
          title: c.sectionPath[own] ?? '',
          path: c.sectionPath.filter((_, i) => i !== own).join(' > '),
          text: c.text,
        };
      }),
    );
  }

  /** Index in the section path of the heading that names the passage's topic (generic headings skipped). */
  #topic(c: Pick<Chunk, 'sectionPath'>, generic: Set<string>): number {
    let i = c.sectionPath.length - 1;
    while (i > 0 && generic.has(c.sectionPath[i]!)) i--;
    return i;
  }

  /**
   * The entry a passage belongs to: its section path without trailing generic headings, so the
   * "Actions" and "Legendary Actions" of one monster are one entry with its stat block.
   */
  entryOf(c: Chunk): string {
    const generic = this.#generic.get(versionKey(c.sourceId, c.version)) ?? new Set<string>();
    return `${c.sourceId}\u0000${c.sectionPath.slice(0, this.#topic(c, generic) + 1).join('\u0000')}`;
  }

  /** Makes a staged version the live one of its book; returns the record it replaces. */
  goLive(source: Source): Source | undefined {
    const previous = this.#live.get(source.id);
    this.#live.set(source.id, source);
    return previous;
  }

  /** Forgets a version (staged or live). */
  drop(sourceId: string, version: string): void {
    const key = versionKey(sourceId, version);
    for (const id of this.#order.get(key) ?? []) {
      const c = this.#chunks.get(id);
      if (c) this.vocabulary.addPassage(`${chunkTitle(c)}\n${c.text}`, -1);
      this.#chunks.delete(id);
    }
    this.#order.delete(key);
    this.#generic.delete(key);
    this.keywords.removeSource(sourceId, version);
    if (this.#live.get(sourceId)?.version === version) this.#live.delete(sourceId);
  }

  isStaged = (sourceId: string, version: string) => this.#order.has(versionKey(sourceId, version));
  live = (sourceId: string): Source | undefined => this.#live.get(sourceId);
  sources = (): Source[] => [...this.#live.values()];

  /** The live passage with this id, or undefined (a passage of a replaced or staged version). */
  chunk(id: string): Chunk | undefined {
    const c = this.#chunks.get(id);
    return c && this.#live.get(c.sourceId)?.version === c.version ? c : undefined;
  }

  /** Up to n passages before and after, from the same book. */
  neighbours(chunk: Chunk, n: number): { before: Chunk[]; after: Chunk[] } {
    const ids = this.#order.get(versionKey(chunk.sourceId, chunk.version)) ?? [];
    const pick = (from: number, to: number) => ids.slice(Math.max(0, from), Math.max(0, to)).map((id) => this.#chunks.get(id)!).filter(Boolean);
    return { before: pick(chunk.ord - n, chunk.ord), after: pick(chunk.ord + 1, chunk.ord + 1 + n) };
  }

  /**
   * The whole section a passage belongs to (the passages around it with the same title path), with
   * the overlap between neighbouring passages removed; at most `max` characters.
   */
  sectionText(chunk: Chunk, max = 20_000): string {
    const ids = this.#order.get(versionKey(chunk.sourceId, chunk.version)) ?? [];
    const title = chunkTitle(chunk);
    const same = (ord: number) => {
      const c = ord >= 0 && ord < ids.length ? this.#chunks.get(ids[ord]!) : undefined;
      return c && chunkTitle(c) === title ? c : undefined;
    };
    let first = chunk.ord;
    while (same(first - 1)) first--;
    let text = '';
    for (let ord = first, c = same(ord); c && text.length < max; c = same(++ord)) {
      // A passage starts with the last sentences of the one before: skip what is already there.
      const head = c.text.slice(0, 60);
      const at = head.length >= 20 ? text.lastIndexOf(head, text.length) : -1;
      text = at >= 0 && at >= text.length - 400 ? text.slice(0, at) + c.text : text ? `${text}\n${c.text}` : c.text;
    }
    return text.slice(0, max);
  }

  /** The chunks of a live version, in book order. */
  chunksOf(sourceId: string, version: string): Chunk[] {
    return (this.#order.get(versionKey(sourceId, version)) ?? []).map((id) => this.#chunks.get(id)!).filter(Boolean);
  }

  /** Book ids for names or ids the caller may see; NOT_FOUND names the books there are. */
  resolveBooks(books: string[], includeGmOnly: boolean): Result<string[]> {
    const visible = this.sources().filter((s) => includeGmOnly || !s.gmOnly);
    const ids: string[] = [];
    for (const book of books) {
      const found = visible.find((s) => s.id === book || s.name.toLowerCase() === book.toLowerCase());
      if (!found) return fail('NOT_FOUND', `No book "${book}" in the library${visible.length ? `: expected one of ${visible.map((s) => `"${s.name}"`).join(', ')}` : ''}`, { field: 'book' });
      ids.push(found.id);
    }
    return ok(ids);
  }

  /** The filter every query starts from: live versions only, and the books the caller may see. */
  filterFor(visible: (s: Source) => boolean): IndexFilter {
    const sources = this.sources().filter(visible);
    return { versions: sources.map((s) => s.version), sourceIds: sources.map((s) => s.id) };
  }
}
