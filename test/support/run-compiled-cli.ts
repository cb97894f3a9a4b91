import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI an operator runs (`npm run build` first; `npm test` does). */
export const compiledCli = join(import.meta.dirname, '../../dist/src/cli/main.js');

/** Runs `huzhu <args>` from dist/ in a child process: its exit code, stdout and stderr. */
export function runCompiledCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ exitCode: number; out: string; err: string }> {
  const options = { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' as const };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [compiledCli, ...args], options, (error, stdout, stderr) => {
      // A non-zero exit is a result; failing to start (no dist/ build) is an error.
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ exitCode: error === null ? 0 : (error.code as number), out: stdout, err: stderr });
    });
  });
}
