import type { Registry } from 'prom-client';

/** One labelled series: what `observe` touches, with nothing to hash or validate. */
export interface LatencySeries {
  observe(seconds: number): void;
}

/** One series' figures: observations per bucket (not cumulative; the last is above every bound). */
class SeriesData implements LatencySeries {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(
    readonly labels: Record<string, string>,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(seconds: number): void {
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]!) i++;
    this.counts[i]! += 1;
    this.sum += seconds;
    this.count += 1;
  }
}

/**
 * A Prometheus histogram for the hottest paths (every tool call, every store operation). prom-client's
 * own Histogram converts, validates and hashes the labels on every observation, even through a child
 * made by `labels()`: with five observations per Discord /roll that was about 20 µs of each. Here a
 * series is looked up once and `observe` only finds a bucket and adds. The exposition is prom-client's:
 * the hub registers this as a metric of its registry, and the registry formats what `get` returns.
 */
export class LatencyHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #series = new Map<string, SeriesData>();
  readonly #bounds: readonly number[];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly string[],
    buckets: readonly number[],
    registry: Registry,
  ) {
    this.#bounds = [...buckets].sort((a, b) => a - b);
    registry.registerMetric(this as never);
  }

  /** The series for these label values (in the order of the label names), made once: keep it or ask again. */
  series(...values: string[]): LatencySeries {
    const key = values.join('\u0000');
    let data = this.#series.get(key);
    if (!data) {
      data = new SeriesData(Object.fromEntries(this.labelNames.map((n, i) => [n, values[i] ?? ''])), this.#bounds);
      this.#series.set(key, data);
    }
    return data;
  }

  /** What prom-client's registry formats, shaped as its own Histogram's: the text comes out the same. */
  async getForPromString() {
    const values: { labels: Record<string, string | number>; sharedLabels: Record<string, string>; value: number; metricName: string }[] = [];
    for (const s of this.#series.values()) {
      let cumulative = 0;
      this.#bounds.forEach((bound, i) => {
        cumulative += s.counts[i]!;
        values.push({ labels: { le: bound }, sharedLabels: s.labels, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf' }, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_bucket` });
      values.push({ labels: {}, sharedLabels: s.labels, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: {}, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** The same values with each series' labels merged in (prom-client's JSON form). */
  async get() {
    const metric = await this.getForPromString();
    return { ...metric, values: metric.values.map(({ labels, sharedLabels, ...v }) => ({ ...v, labels: { ...labels, ...sharedLabels } })) };
  }

  reset(): void {
    this.#series.clear();
  }
}
