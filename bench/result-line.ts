/** A benchmark's whole result: one JSON object of numbers and short strings. */
export type BenchResult = Readonly<Record<string, string | number | boolean>>;

/**
 * Stdout carries nothing but this line, so `npm run bench -- … | tail -n 1` is the result;
 * progress and details go to stderr.
 */
export function printResultLine(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Rounds to a number of decimals, for the JSON line only (never for money). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Progress and details, on stderr. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
