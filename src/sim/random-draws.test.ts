import { expect, it } from 'vitest';
import { Draws, pathGenerator } from './random-draws.js';

function moments(trials: number, probability: number, samples: number, seed: number) {
  const draws = new Draws(pathGenerator(seed, 0));
  // Sums of deviations from the expected mean, so that squares of counts near 10^6 lose no digits.
  const centre = trials * probability;
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < samples; index += 1) {
    const value = draws.binomial(trials, probability);
    expect(Number.isInteger(value) && value >= 0 && value <= trials).toBe(true);
    sum += value - centre;
    squares += (value - centre) ** 2;
  }
  const shift = sum / samples;
  return { mean: centre + shift, variance: squares / samples - shift * shift };
}

it.each([
  ['exact (small n)', 40, 0.3],
  ['exact, p above 1/2', 40, 0.9],
  ['Poisson (rare events)', 1_000_000, 0.000_005],
  ['Poisson on the failures', 1_000_000, 0.999_995],
  ['normal (large mean)', 10_000_000, 0.01],
])('binomial draws have the right mean and variance: %s', (_name, trials, probability) => {
  const samples = 20_000;
  const { mean, variance } = moments(trials, probability, samples, 42);
  const expected_variance = trials * probability * (1 - probability);
  // Five standard errors of the mean; the variance within 5% (its standard error here is about 1%).
  expect(Math.abs(mean - trials * probability)).toBeLessThan(5 * Math.sqrt(expected_variance / samples));
  expect(variance / expected_variance).toBeGreaterThan(0.95);
  expect(variance / expected_variance).toBeLessThan(1.05);
});

it('gives each path its own stream, the same for the same seed and path', () => {
  const first = (seed: number, path: number) => new Draws(pathGenerator(seed, path)).uniform();
  expect(first(7, 3)).toBe(first(7, 3));
  expect(first(7, 3)).not.toBe(first(7, 4));
  expect(first(7, 3)).not.toBe(first(8, 3));
  expect(new Draws(pathGenerator(1, 1)).binomial(0, 0.5)).toBe(0);
  expect(new Draws(pathGenerator(1, 1)).binomial(10, 1)).toBe(10);
});
