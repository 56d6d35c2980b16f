import type { ToolRegistry } from '../core/index.js';

/**
 * Counts tool calls in progress, so a shutdown can let them finish (and their writes land) before
 * the store closes, instead of failing them halfway.
 */
export class InFlightCalls {
  #count = 0;
  #idle: (() => void)[] = [];

  track(inner: ToolRegistry): ToolRegistry {
    // The registry's methods are closures, so the copy keeps them all (list, listFor, get...).
    return {
      ...inner,
      call: async (name, input, options) => {
        this.#count++;
        try {
          return await inner.call(name, input, options);
        } finally {
          if (--this.#count === 0) for (const resolve of this.#idle.splice(0)) resolve();
        }
      },
    };
  }

  get count(): number {
    return this.#count;
  }

  /** Resolves once no call is running, or after `timeoutMs` (a stuck call must not hold the shutdown forever). */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.#idle.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([idle, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
