import { randomBytes, randomInt } from 'node:crypto';

/** The randomness source for dice, tie-breaks and ids. Injected so tests are deterministic. */
export interface Random {
  /** A uniformly distributed integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** A URL-safe random identifier. */
  id(): string;
}

/**
 * Cryptographically strong randomness: the default, so no player can predict a roll. Draws 32-bit
 * words from a pool refilled 4 KiB at a time (one `randomBytes` call per 1024 words rather than one
 * `randomInt` call per die), unbiased by rejection sampling. Ids take their 9 bytes from a pool of
 * their own in the same way (a roll needs two ids; a `randomBytes` call each was a tenth of its CPU).
 */
export const cryptoRandom: Random = (() => {
  const WORDS = 1024;
  let pool = new Uint32Array(0);
  let next = 0;
  const word = () => {
    if (next === pool.length) {
      const bytes = randomBytes(WORDS * 4);
      pool = new Uint32Array(bytes.buffer, bytes.byteOffset, WORDS);
      next = 0;
    }
    return pool[next++]!;
  };
  const ID_BYTES = 9;
  let idPool = Buffer.alloc(0);
  let idNext = 0;
  const id = () => {
    if (idNext === idPool.length) {
      idPool = randomBytes(ID_BYTES * 455);
      idNext = 0;
    }
    idNext += ID_BYTES;
    return idPool.toString('base64url', idNext - ID_BYTES, idNext);
  };
  return {
    integer(min, max) {
      const range = max - min + 1;
      if (range > 2 ** 32) return randomInt(min, max + 1);
      // Largest multiple of range below 2^32: words at or above it would favour the low faces.
      const limit = 2 ** 32 - (2 ** 32 % range);
      let w = word();
      while (w >= limit) w = word();
      return min + (w % range);
    },
    id,
  };
})();

/** A repeatable pseudo-random source (mulberry32) for tests and benchmarks. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  let counter = 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    id: () => `id${seed}-${++counter}`,
  };
}

/**
 * A source that returns the given die faces in order, then repeats the last one.
 * Lets a test say "the d20 shows 20" instead of searching for a seed. A face outside [min, max] is a test bug.
 */
export function scriptedRandom(faces: number[]): Random {
  let i = 0;
  let counter = 0;
  return {
    integer(min, max) {
      const face = faces[Math.min(i++, faces.length - 1)];
      if (face === undefined || face < min || face > max) {
        throw new Error(`scriptedRandom: face ${face} is outside [${min}, ${max}]`);
      }
      return face;
    },
    id: () => `scripted-${++counter}`,
  };
}
