import { InvalidArgumentError } from 'commander';

/** A commander option parser for integers in [min, max]. */
export function integerOption(min: number, max: number): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new InvalidArgumentError(`expected a whole number, got ${JSON.stringify(value)}`);
    const parsed = Number(value.replace(/_/g, ''));
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new InvalidArgumentError(`expected ${min}…${max}, got ${value}`);
    return parsed;
  };
}
