/**
 * One breaker per provider: after `threshold` failures in a row it opens for `cooldownMs`, during
 * which the router skips the provider; then one trial request decides (half-open).
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  #trialRunning = false;

  constructor(
    private readonly options: { threshold: number; cooldownMs: number; now?: () => number } = { threshold: 3, cooldownMs: 30_000 },
  ) {}

  #now() {
    return this.options.now?.() ?? Date.now();
  }

  /** May a request go out now? In half-open state only one trial at a time. */
  allow(): boolean {
    if (this.#failures < this.options.threshold) return true;
    if (this.#now() < this.#openUntil || this.#trialRunning) return false;
    this.#trialRunning = true;
    return true;
  }

  /** False while open (the status page shows the provider as unhealthy). */
  get healthy(): boolean {
    return this.#failures < this.options.threshold || this.#now() >= this.#openUntil;
  }

  /** Milliseconds until a trial request is allowed. */
  get retryInMs(): number {
    return Math.max(0, this.#openUntil - this.#now());
  }

  success(): void {
    this.#failures = 0;
    this.#trialRunning = false;
  }

  failure(): void {
    this.#failures++;
    this.#trialRunning = false;
    if (this.#failures >= this.options.threshold) this.#openUntil = this.#now() + this.options.cooldownMs;
  }
}
