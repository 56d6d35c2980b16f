import type { HubEvent } from '../events/hub-events.js';

export type Unsubscribe = () => void;
export type EventListener = (event: HubEvent) => void;

/** Where state changes are announced. Adapters subscribe; the core publishes. */
export interface EventBus {
  publish(event: HubEvent): Promise<void>;
  subscribe(listener: EventListener): Unsubscribe;
  close(): Promise<void>;
}

/** The embedded default: delivers to in-process listeners, synchronously, in publish order. */
export class InMemoryEventBus implements EventBus {
  readonly #listeners = new Set<EventListener>();
  constructor(private readonly onListenerError: (error: unknown, event: HubEvent) => void = () => {}) {}

  async publish(event: HubEvent): Promise<void> {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber must not stop the others from hearing about the change.
        this.onListenerError(error, event);
      }
    }
  }

  subscribe(listener: EventListener): Unsubscribe {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
