import { z } from 'zod';
import { RejectionError } from '../core/rejection.js';

/** Stable code of a refused run option (paths, periods, seed, threads); `details.parameter` names it. */
export const SIM_BAD_OPTIONS = 'SIM_BAD_OPTIONS';
/** Paths × periods × metrics doubles are kept for the quantiles: 10,000 × 1,200 × 15 × 8 bytes ≈ 1.4 GB at the bounds. */
export const MAX_PATHS = 10_000;
/** 1,200 periods: 50 years of twice-monthly sharing. */
export const MAX_PERIODS = 1_200;
export const MAX_THREADS = 64;

export const runOptionsSchema = z
  .object({
    paths: z.number().int().min(1).max(MAX_PATHS),
    periods: z.number().int().min(1).max(MAX_PERIODS),
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    /** Worker threads; 0 runs the paths in the calling thread. */
    threads: z.number().int().min(0).max(MAX_THREADS).default(0),
  })
  .strict();

export type RunOptionsInput = z.input<typeof runOptionsSchema>;
export type RunOptions = z.output<typeof runOptionsSchema>;

/** Validates the run's size before any work; a refusal names the parameter. */
export function runOptionsOrThrow(input: unknown): RunOptions {
  const parsed = runOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const keys = first.code === 'unrecognized_keys' ? first.keys : [];
  const parameter = [...first.path, ...keys.slice(0, 1)].map(String).join('.') || '(options)';
  throw new RejectionError({ code: SIM_BAD_OPTIONS, message: keys.length > 0 ? `unknown option ${parameter}` : `${parameter}: ${first.message}`, details: { parameter } });
}
