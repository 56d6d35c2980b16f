import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../src/metrics/latency-histogram.js';

describe('latency histogram', () => {
  it('exposes exactly what prom-client\'s own Histogram exposes for the same observations', async () => {
    const buckets = [0.0005, 0.001, 0.01, 0.1, 1];
    const theirs = new Registry();
    const ours = new Registry();
    const reference = new Histogram({ name: 'store_seconds', help: 'Store latency', labelNames: ['operation', 'outcome'], buckets, registers: [theirs] });
    const histogram = new LatencyHistogram('store_seconds', 'Store latency', ['operation', 'outcome'], buckets, ours);
    // On a bound, between bounds, above every bound, and zero.
    const seen: [string, string, number][] = [['get', 'ok', 0.0005], ['get', 'ok', 0.0007], ['get', 'ok', 3], ['update', 'error', 0], ['get', 'ok', 0.05], ['update', 'error', 0.01]];
    for (const [operation, outcome, seconds] of seen) {
      reference.labels(operation, outcome).observe(seconds);
      histogram.series(operation, outcome).observe(seconds);
    }
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain('store_seconds_bucket{le="0.001",operation="get",outcome="ok"} 2');
    expect(text).toContain('store_seconds_count{operation="get",outcome="ok"} 4');
    // prom-client's JSON also carries an empty exemplar per value.
    const json = async (r: Registry) => JSON.parse(JSON.stringify(await r.getMetricsAsJSON(), (k, v: unknown) => (k === 'exemplar' ? undefined : v))) as unknown;
    expect(await json(ours)).toEqual(await json(theirs));
    histogram.reset();
    expect(await ours.metrics()).not.toContain('store_seconds_count');
  });
});
