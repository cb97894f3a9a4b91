import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cycleSteps } from '../../src/services/cycles/cycle-rows.js';
import { cycleExportChunks, operatorKey } from '../../src/services/cycles/index.js';
import { migrateToLatest, openStore } from '../../src/store/store.js';
import { cycleFixture } from '../support/cycle-fixture.js';
import { testDataKey } from '../support/run-cli.js';
import { serviceContextFor } from '../../src/cli/cli-context.js';

// `npm test` builds first: the crash test kills the same compiled CLI an operator runs.
const cli = join(import.meta.dirname, '../../dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'huzhu-cycle-crash-'));
const base = join(dir, 'base.db');

/** Every named point of a run where the process is killed (SIGKILL: no clean-up, open transactions lost). */
const killPoints = [
  'open:after',
  'snapshot:before-commit',
  'snapshot:after',
  'allocate:before-commit',
  'allocate:after',
  'publish:streaming',
  'publish:after',
  'charge:before-commit',
  'charge:after',
  'schedule:before-commit',
  'schedule:after',
  'collect:after',
  'payout:after',
];

// Every run asks for the same time, so all of them work on the same notice day, whenever they start.
const at = new Date().toISOString();

interface CycleProcess {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
}

function runCycleProcess(database: string, extra: NodeJS.ProcessEnv): Promise<CycleProcess> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'cycle', 'run', '--plan', 'critical-illness', '--at', at], {
      env: { ...process.env, DATABASE_URL: `sqlite:${database}`, HUZHU_DATA_KEY: testDataKey, LOG_LEVEL: 'warn', ...extra },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/** The step a run was in: the last "step k/7: <step>" line it printed. */
function lastStepShown(output: string): string | undefined {
  return [...output.matchAll(/^step \d+\/\d+: ([a-z]+) /gm)].at(-1)?.[1];
}

async function exportAndBalances(database: string): Promise<{ exported: string; balances: Record<string, string>; charges: number }> {
  const store = openStore(`sqlite:${database}`);
  try {
    const context = serviceContextFor(store, { HUZHU_DATA_KEY: testDataKey, DATABASE_URL: `sqlite:${database}` });
    const cycle = await store.db.selectFrom('cycles').select('cycle_code').executeTakeFirstOrThrow();
    let exported = '';
    for await (const chunk of cycleExportChunks(context, cycle.cycle_code)) exported += chunk;
    const rows = await store.db.selectFrom('ledger_accounts').select(['code', 'net_debit_minor']).orderBy('code').execute();
    const charges = await store.db.selectFrom('share_charges').select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow();
    return { exported, balances: Object.fromEntries(rows.map((row) => [row.code, row.net_debit_minor.toString()])), charges: Number(charges.count) };
  } finally {
    await store.close();
  }
}

let reference: Awaited<ReturnType<typeof exportAndBalances>>;
/** What the uninterrupted run executed: the range each step's kill point is drawn from. */
let statements_per_step: Record<string, number>;

// The statement each step's run is killed after is drawn from this seed; HUZHU_CRASH_SEED=<seed> replays a failure.
const seed = Number(process.env.HUZHU_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Kills at a named point or after a counted statement, makes sure it was killed there, runs again, compares. */
async function killAndRerun(kill_at: string, file_name: string, step_shown: string | undefined): Promise<void> {
  const database = join(dir, `${file_name}.db`);
  copyFileSync(base, database);
  const killed = await runCycleProcess(database, { HUZHU_CYCLE_KILL_AT: kill_at });
  // A run that finished was not killed: that would test nothing.
  expect(killed.signal, `not killed at ${kill_at}: ${killed.output}`).toBe('SIGKILL');
  expect(lastStepShown(killed.output), killed.output).toBe(step_shown);
  const rerun = await runCycleProcess(database, {});
  expect(rerun.code, rerun.output).toBe(0);
  expect(rerun.output).toContain('resumed cycle');
  expect(await exportAndBalances(database)).toEqual(reference);
}

beforeAll(async () => {
  expect(existsSync(cli), 'run npm run build first').toBe(true);
  const store = openStore(`sqlite:${base}`);
  await migrateToLatest(store);
  // A history that ends well before now, so the CLI (on the real clock) runs the cycle of the latest notice day.
  const start = new Date(Date.now() - 150 * 86_400_000).toISOString();
  const fixture = await cycleFixture('sqlite', { store, start });
  await operatorKey(fixture.context, start);
  await store.close();

  const uninterrupted = join(dir, 'reference.db');
  copyFileSync(base, uninterrupted);
  const run = await runCycleProcess(uninterrupted, { HUZHU_CYCLE_COUNT_STATEMENTS: '1' });
  expect(run.output).toContain('completed');
  expect(run.code, run.output).toBe(0);
  const counts = /^statements per step: (.*)$/m.exec(run.output);
  expect(counts, run.output).not.toBeNull();
  statements_per_step = JSON.parse(counts![1]!) as Record<string, number>;
  reference = await exportAndBalances(uninterrupted);
  expect(reference.charges).toBe(12);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each(killPoints)('a run killed at %s and run again gives the same export and balances', async (point) => {
  const step = point.split(':')[0]!;
  // Killed right after opening, the run has not started its first step yet.
  await killAndRerun(point, point.replace(/[^a-z]/g, '-'), step === 'open' ? undefined : step);
});

it.each(cycleSteps.map((step, index) => [step, index] as const))(
  'a run killed after a drawn database statement of the %s step, and run again, gives the same export and balances',
  async (step, index) => {
    const count = statements_per_step[step] ?? 0;
    expect(count, `the ${step} step executed no statement: ${JSON.stringify(statements_per_step)}`).toBeGreaterThan(0);
    // One generator per step, so a step's point does not depend on which other tests ran.
    const drawn = uniformInt(xoroshiro128plus(seed + index), 1, count);
    // HUZHU_CRASH_EVERY_STATEMENT=1 tries every statement of the step instead (slow; for changes to a step).
    const statement_numbers = process.env.HUZHU_CRASH_EVERY_STATEMENT === '1' ? Array.from({ length: count }, (_, offset) => offset + 1) : [drawn];
    for (const statement_number of statement_numbers) {
      console.log(`crash seed ${seed}: killing the ${step} step after statement ${statement_number} of ${count} (HUZHU_CYCLE_KILL_AT=${step}#${statement_number})`);
      await killAndRerun(`${step}#${statement_number}`, `${step}-${statement_number}`, step);
    }
  },
  // Only the exhaustive sweep needs more than the default: a kill and a re-run per statement.
  process.env.HUZHU_CRASH_EVERY_STATEMENT === '1' ? 3_600_000 : undefined,
);
