import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAccount, postTransfers } from '../../src/ledger/ledger.js';
import { maxLegAmountMinor, type TransferInput } from '../../src/ledger/transfer.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../support/run-cli.js';
import { describeEachBackend, freshDatabaseUrl } from '../support/test-stores.js';

/** Legs per side of one transfer (a transfer has at most 1000 legs). */
const legsPerSide = 500;
/** Transfers of 500 legs of 10^15 each: 18 of them hold 9 × 10^18 in custody, just under 2^63 − 1. */
const fillingTransfers = 18;

describeEachBackend('huzhu ledger verify near the int64 bound', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'huzhu.db')}` : await freshDatabaseUrl('postgres');
    env = { DATABASE_URL: url };
    expect((await runCli(['migrate'], env)).exitCode).toBe(0);
    const store = openStore(url);
    const at = '2026-11-28T10:00:00.000Z';
    await openAccount(store, { code: 'custody:CNY', name: 'Custody', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'wallet:M1', name: 'Wallet', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    const inputs: TransferInput[] = Array.from({ length: fillingTransfers }, (_, index) => ({
      idempotency_key: `fill-${index}`,
      description: 'fill',
      currency: 'CNY',
      legs: Array.from({ length: legsPerSide }, () => [
        { account_code: 'custody:CNY', side: 'debit' as const, amount_minor: maxLegAmountMinor },
        { account_code: 'wallet:M1', side: 'credit' as const, amount_minor: maxLegAmountMinor },
      ]).flat(),
    }));
    await postTransfers(store, inputs, at);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies balances of 9 × 10^18 and reports, not crashes on, postings edited to sum past 2^63 − 1', async () => {
    const intact = await runCli(['ledger', 'verify'], env);
    expect(intact.exitCode, intact.err).toBe(0);

    // One posting raised by 10^18: custody's postings now sum to 10^19, outside int64, where an SQL sum() overflows.
    const store = openStore(env.DATABASE_URL!);
    await sql`update ledger_postings set amount_minor = amount_minor + 1000000000000000000 where transaction_id = 1 and leg_index = 0`.execute(store.db);
    await store.close();
    const tampered = await runCli(['ledger', 'verify', '--json'], env);
    expect(tampered.exitCode, tampered.err).toBe(1);
    const codes = (JSON.parse(tampered.out) as { problems: Array<{ code: string }> }).problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['JOURNAL_HASH_MISMATCH', 'JOURNAL_BALANCE_MISMATCH']));
  });
});
