import { createHash } from 'node:crypto';
import type { RandomSource } from '../context.js';

/**
 * Repeatable randomness for the demo community: the same seed gives the same people, dates and
 * member codes. Not for anything secret.
 */
export class DemoRandom {
  #state: bigint;

  constructor(seed: string, stream: string) {
    // SplitMix64 state from a hash of the seed, so nearby seeds start unrelated streams.
    this.#state = createHash('sha256').update(`${seed}|${stream}`).digest().readBigUInt64BE(0);
  }

  /** SplitMix64 (Steele, Lea, Flood 2014): 53 uniform bits as a float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = this.#state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    z ^= z >> 31n;
    return Number(z >> 11n) / 2 ** 53;
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks by integer weights: [[item, weight], …]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let ticket = this.next() * total;
    for (const [item, weight] of entries) {
      ticket -= weight;
      if (ticket < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }
}

/** Repeatable random bytes (SHA-256 of the seed and a counter), for member codes. */
export function seededRandomSource(seed: string): RandomSource {
  let counter = 0;
  return {
    bytes(count) {
      const out = Buffer.alloc(count);
      for (let offset = 0; offset < count; offset += 32) {
        createHash('sha256').update(`huzhu-demo|${seed}|${counter++}`).digest().copy(out, offset, 0, Math.min(32, count - offset));
      }
      return out;
    },
  };
}
