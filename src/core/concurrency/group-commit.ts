/**
 * Group commit: what callers submit for one key in the same turn of the event loop, or while a write
 * for that key is under way, is written together, so a hot record (a session with a whole table
 * rolling at once) is written once per batch instead of once per caller. A lone caller waits only for
 * the end of the current turn (the requests that arrived with it get to join). Each caller's promise
 * settles only after the write that holds its item is acknowledged; if that write throws, every
 * caller of the batch gets the error.
 */
export class GroupCommit<Item, Out> {
  readonly #queues = new Map<string, { item: Item; resolve: (out: Out) => void; reject: (error: unknown) => void }[]>();

  /** `flush` writes a batch (oldest first) and returns one outcome per item, in the same order. */
  constructor(private readonly flush: (key: string, items: Item[]) => Promise<Out[]>) {}

  submit(key: string, item: Item): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      const queue = this.#queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.#queues.set(key, [{ item, resolve, reject }]);
      // Even with nothing to wait for (a store in memory), a burst of requests read in one turn is
      // written as one batch: each roll no longer re-reads and rewrites the whole session record.
      setImmediate(() => void this.#drain(key));
    });
  }

  async #drain(key: string): Promise<void> {
    const queue = this.#queues.get(key)!;
    // The queue stays registered while a batch is written, so later callers join the next batch.
    while (queue.length > 0) {
      const batch = queue.splice(0);
      try {
        const outs = await this.flush(key, batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(outs[i]!));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.#queues.delete(key);
  }
}
