import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/program.js';
import type { DialectName } from '../../src/store/schema.js';
import { freshDatabaseUrl } from './test-stores.js';

export const testDataKey = '07'.repeat(32);

/** Runs the huzhu command in-process, as `huzhu <args>` with this environment. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const program = buildProgram({ env, out: (text) => out.push(text), err: (text) => err.push(text), setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync(['node', 'huzhu', ...args]);
  } catch (error) {
    exitCode = (error as { exitCode?: number }).exitCode ?? 2;
  }
  return { exitCode, out: out.join('\n'), err: err.join('\n') };
}

/** A temporary directory and a new database on the backend (a SQLite file inside that directory). */
export async function cliWorkspace(dialect: DialectName, prefix: string): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'huzhu.db')}` : await freshDatabaseUrl('postgres');
  return { dir, env: { DATABASE_URL: url, HUZHU_DATA_KEY: testDataKey } };
}
