import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Progress } from './progress.js';

export interface DurationRun {
  readonly operations: number;
  /** From the start until the last worker finished its last operation (a little over the duration). */
  readonly elapsedSeconds: number;
}

/**
 * Runs `workers` async loops, each calling `step` one operation at a time, until `seconds` have
 * passed; an operation in flight at the deadline is finished and counted. With a synchronous
 * driver (better-sqlite3) the loops interleave on the one connection; each loop yields to the
 * event loop now and then so timers (RSS sampling, progress) still run.
 */
export async function runForDuration(options: {
  readonly label: string;
  readonly workers: number;
  readonly seconds: number;
  readonly step: (worker: number) => Promise<void>;
}): Promise<DurationRun> {
  const operationsBetweenYields = 64;
  const progress = new Progress(options.label);
  const startedAt = performance.now();
  const deadline = startedAt + options.seconds * 1000;
  let operations = 0;
  // One failing worker stops the others at their next operation, so the caller can clean up.
  let failed = false;
  const reporter = setInterval(() => progress.report(operations, undefined, (performance.now() - startedAt) / 1000), 1000);
  reporter.unref();
  const worker = async (index: number) => {
    let sinceYield = 0;
    while (!failed && performance.now() < deadline) {
      try {
        await options.step(index);
      } catch (error) {
        failed = true;
        throw error;
      }
      operations += 1;
      sinceYield += 1;
      if (sinceYield === operationsBetweenYields) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: options.workers }, (_, index) => worker(index)));
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  clearInterval(reporter);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  progress.report(operations, undefined, elapsedSeconds, true);
  return { operations, elapsedSeconds };
}
