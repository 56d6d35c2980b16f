import { randomBytes, randomInt } from 'node:crypto';

/** The randomness source for dice, tie-breaks and ids. Injected so tests are deterministic. */
export interface Random {
  /** A uniformly distributed integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** A URL-safe random identifier. */
  id(): string;
}

/** Cryptographically strong randomness: the default, so no player can predict a roll. */
export const cryptoRandom: Random = {
  integer: (min, max) => randomInt(min, max + 1),
  id: () => randomBytes(9).toString('base64url'),
};

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
