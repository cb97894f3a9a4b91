/**
 * A tiny deterministic generator (xorshift32, Marsaglia 2003) so that a benchmark posts the same
 * workload on every run and every backend. Not for anything secret.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    // Scramble the seed (murmur3 finalizer) so that seeds 1, 2, 3 start unrelated streams; xorshift must never hold 0.
    let mixed = (seed ^ 0x9e3779b9) >>> 0;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> 0;
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35) >>> 0;
    mixed = (mixed ^ (mixed >>> 16)) >>> 0;
    this.#state = mixed === 0 ? 0x6d2b79f5 : mixed;
  }

  nextUint32(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state;
  }

  /** An integer in [0, bound) for bound ≤ 2^32; scaling (not modulo) keeps the bias below bound / 2^32. */
  below(bound: number): number {
    return Math.floor((this.nextUint32() / 4_294_967_296) * bound);
  }

  /** An integer in [min, max], both ends included. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }
}
