// Summary statistics for latency samples (milliseconds) and throughput loops.

/**
 * Nearest-rank percentile over an ascending array: p99 of 2000 samples is the 1980th value, an
 * observed latency rather than an interpolation between two calls.
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50, p99, mean, min and max of a list of samples. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sum / sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Times `n` sequential awaited calls of `fn`, each on its own, in milliseconds. */
export async function timeSequential(fn, n) {
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return samples;
}

/**
 * Calls `fn` in batches until `ms` milliseconds have passed and returns calls per second.
 * Time-boxed rather than count-boxed so slow and fast expressions cost the same wall time. The clock
 * is read once per batch (so reading it does not weigh on microsecond calls), and a batch is sized to
 * about a millisecond (so a slow call does not overshoot the box by a hundred calls).
 */
export function opsPerSecond(fn, ms) {
  const batch = batchSize(() => fn());
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(ms * 1e6));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) fn();
    calls += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return calls / (Number(elapsed) / 1e9);
}

/** The asynchronous twin of opsPerSecond: each call is awaited before the next starts. */
export async function asyncOpsPerSecond(fn, ms) {
  const t0 = process.hrtime.bigint();
  await fn();
  const batch = clampBatch(Number(process.hrtime.bigint() - t0));
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(ms * 1e6));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) await fn();
    calls += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return calls / (Number(elapsed) / 1e9);
}

function batchSize(call) {
  const t0 = process.hrtime.bigint();
  call();
  return clampBatch(Number(process.hrtime.bigint() - t0));
}
const clampBatch = (nanos) => Math.min(1000, Math.max(1, Math.round(1e6 / Math.max(nanos, 1))));

/** Median of a few repeated measurements, so one noisy round (GC, a neighbour on the CPU) does not decide. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
