/**
 * Answers to recent questions, least recently used dropped first. The library clears it whenever a
 * book is added, replaced or removed, so a cached answer never cites a passage that is gone.
 */
export class SearchCache<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly size: number) {}

  get(key: string): T | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Refresh its place in the order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value!);
  }

  clear(): void {
    this.#entries.clear();
  }
}
