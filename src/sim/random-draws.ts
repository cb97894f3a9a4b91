import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Up to this many trials a binomial is drawn exactly (inversion of its distribution, one uniform). */
export const EXACT_BINOMIAL_MAX_TRIALS = 64;
/** Below this mean (of successes, or of failures) a large binomial is drawn as a Poisson; above, as a normal. */
export const POISSON_MAX_MEAN = 25;
const UNIFORM_GRAIN = 2 ** -32;

/** 32-bit finaliser of MurmurHash3: spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The generator of one path, from (seed, path index) alone: a path's draws do not depend on how
 * many threads run or in which order paths run. Four mixed words make the xoroshiro128+ state;
 * the all-zero state (the one it cannot leave) is avoided by construction of word 0.
 */
export function pathGenerator(seed: number, path_index: number): RandomGenerator {
  const a = mix32(seed ^ 0x9e3779b9);
  const b = mix32(path_index + 0x632be5ab);
  const state = [mix32(a ^ b) | 1, mix32(a + 0x7f4a7c15 + b), mix32(b ^ 0x165667b1 ^ a), mix32(a - b)];
  return xoroshiro128plusFromState(state);
}

/**
 * Seeded draws for the engine. Binomial(n, p): exact by inversion for n ≤ 64; else Poisson by
 * inversion when n·p or n·(1 − p) is below 25 (error O(p) on a rare event); else normal with a
 * continuity rounding, clamped to [0, n] (error O(1/√(n·p·q)), under 1% of a count of 10,000).
 * `draws` counts the binomials actually drawn, for the bench.
 */
export class Draws {
  readonly #rng: RandomGenerator;
  #spare_normal = Number.NaN;
  draws = 0;

  constructor(rng: RandomGenerator) {
    this.#rng = rng;
  }

  /**
   * Uniform in [0, 1) from one 32-bit output: a grain of 2^-32 is far below any probability the
   * engine draws with, and one call instead of two (pure-rand's uniformFloat64) halves its cost.
   */
  uniform(): number {
    return (this.#rng.next() >>> 0) * UNIFORM_GRAIN;
  }

  /** Standard normal by Box–Muller; the second variate is kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.#spare_normal)) {
      const spare = this.#spare_normal;
      this.#spare_normal = Number.NaN;
      return spare;
    }
    const u = 1 - this.uniform(); // in (0, 1]: log(u) is finite
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.#spare_normal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Poisson(mean) by inversion, at most `limit` (the loop's bound). */
  poisson(mean: number, limit: number): number {
    const u = this.uniform();
    let probability = Math.exp(-mean);
    let cumulative = probability;
    let k = 0;
    while (u > cumulative && k < limit) {
      k += 1;
      probability *= mean / k;
      cumulative += probability;
      // Past the mode the terms shrink; once they vanish the rest of the tail is below 2^-53.
      if (probability === 0 && k > mean) break;
    }
    return k;
  }

  binomial(trials: number, probability: number): number {
    if (trials <= 0 || probability <= 0) return 0;
    if (probability >= 1) return trials;
    this.draws += 1;
    if (trials <= EXACT_BINOMIAL_MAX_TRIALS) return this.#exactBinomial(trials, probability);
    const mean = trials * probability;
    if (mean < POISSON_MAX_MEAN) return this.poisson(mean, trials);
    const failures_mean = trials - mean;
    if (failures_mean < POISSON_MAX_MEAN) return trials - this.poisson(failures_mean, trials);
    const drawn = Math.round(mean + Math.sqrt(mean * (1 - probability)) * this.normal());
    return drawn < 0 ? 0 : drawn > trials ? trials : drawn;
  }

  /** Inversion with the pmf recurrence; p > 1/2 draws the failures so that q^n does not underflow. */
  #exactBinomial(trials: number, probability: number): number {
    const flip = probability > 0.5;
    const p = flip ? 1 - probability : probability;
    const q = 1 - p;
    const ratio = p / q;
    const u = this.uniform();
    let pmf = q ** trials;
    let cumulative = pmf;
    let k = 0;
    while (u > cumulative && k < trials) {
      pmf *= (ratio * (trials - k)) / (k + 1);
      k += 1;
      cumulative += pmf;
    }
    return flip ? trials - k : k;
  }
}
