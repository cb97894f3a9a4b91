import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

function runCycleProcess(database: string, extra: NodeJS.ProcessEnv, kill_after_ms?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'cycle', 'run', '--plan', 'critical-illness'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${database}`, HUZHU_DATA_KEY: testDataKey, LOG_LEVEL: 'warn', ...extra },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    if (kill_after_ms !== undefined) setTimeout(() => child.kill('SIGKILL'), kill_after_ms);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
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
  const run = await runCycleProcess(uninterrupted, {});
  expect(run.output).toContain('completed');
  expect(run.code).toBe(0);
  reference = await exportAndBalances(uninterrupted);
  expect(reference.charges).toBe(12);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each(killPoints)('a run killed at %s and run again gives the same export and balances', async (point) => {
  const database = join(dir, `${point.replace(/[^a-z]/g, '-')}.db`);
  copyFileSync(base, database);
  const killed = await runCycleProcess(database, { HUZHU_CYCLE_KILL_AT: point });
  expect(killed.signal).toBe('SIGKILL');
  const rerun = await runCycleProcess(database, {});
  expect(rerun.code, rerun.output).toBe(0);
  expect(rerun.output).toContain('resumed cycle');
  expect(await exportAndBalances(database)).toEqual(reference);
});

it('runs killed at random moments and run again give the same export and balances', async () => {
  for (const delay_ms of [150, 350, 600]) {
    const database = join(dir, `random-${delay_ms}.db`);
    copyFileSync(base, database);
    await runCycleProcess(database, {}, delay_ms);
    const rerun = await runCycleProcess(database, {});
    expect(rerun.code, rerun.output).toBe(0);
    expect(await exportAndBalances(database)).toEqual(reference);
  }
});
