import { describe, expect, it } from 'vitest';
import { cryptoRandom } from '../../../src/core/index.js';

describe('cryptoRandom', () => {
  it('makes 12-character URL-safe ids, all different, across refills of its pool', () => {
    // 455 ids fit in one pool: 2000 cross four refills.
    const ids = Array.from({ length: 2000 }, () => cryptoRandom.id());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws faces within bounds, every face reachable', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const face = cryptoRandom.integer(1, 6);
      expect(face).toBeGreaterThanOrEqual(1);
      expect(face).toBeLessThanOrEqual(6);
      seen.add(face);
    }
    expect(seen.size).toBe(6);
  });
});
