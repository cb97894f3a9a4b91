import { RejectionError } from '../core/rejection.js';
import type { CliIo } from './program.js';

/** Exit status of a command refused by the domain or stopped by an error (as src/cli/main.ts does). */
export const exitRejected = 2;

/** The one-line form of an error: `error <CODE>: message` for a rejection, `error: message` otherwise. */
export function errorLine(error: unknown): string {
  if (error instanceof RejectionError) return `error ${error.rejection.code}: ${error.rejection.message}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Runs a command's action; a rejection or an error becomes one line on stderr and exit status 2,
 * so commands behave the same in-process (tests) and from main.ts.
 */
export async function runAction(io: CliIo, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    io.err(errorLine(error));
    io.setExitCode(exitRejected);
  }
}
