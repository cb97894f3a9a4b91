import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAccount, postTransfer } from '../../src/ledger/ledger.js';
import { approveManualPosting, openManualAccount, requestManualReversal, requestManualTransfer } from '../../src/ledger/manual-postings.js';
import { createUser } from '../../src/services/users.js';
import { migrateToLatest, openStore } from '../../src/store/store.js';
import { describeEachBackend, freshDatabaseUrl } from '../support/test-stores.js';
import { runCli } from '../support/run-cli.js';

const run = runCli;

describeEachBackend('huzhu ledger verify', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'huzhu.db')}` : await freshDatabaseUrl('postgres');
    env = { DATABASE_URL: url };
    expect((await run(['migrate'], env)).out).toContain('0001-foundation: Success');
    const store = openStore(url);
    const at = '2026-11-28T10:00:00.000Z';
    await openAccount(store, { code: 'custody:CNY', name: 'Custody', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'wallet:M1', name: 'Wallet', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    for (const key of ['a', 'b', 'c']) {
      await postTransfer(store, { idempotency_key: key, description: key, currency: 'CNY', legs: [{ account_code: 'custody:CNY', side: 'debit', amount_minor: 100n }, { account_code: 'wallet:M1', side: 'credit', amount_minor: 100n }] }, at);
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function tamper(statement: ReturnType<typeof sql>) {
    const store = openStore(env.DATABASE_URL!);
    await statement.execute(store.db);
    await store.close();
  }

  it('prints OK after manual postings and their reversal, each approved by a second operator', async () => {
    const store = openStore(env.DATABASE_URL!);
    const at = '2026-11-28T11:00:00.000Z';
    const maker = { user_id: (await createUser(store, { username: 'maker', display_name: 'Maker', password: 'maker-password', roles: ['operator'] }, at)).id };
    const checker = { user_id: (await createUser(store, { username: 'checker', display_name: 'Checker', password: 'checker-password', roles: ['operator'] }, at)).id };
    for (const [code, type] of [['operator:bank:CNY', 'asset'], ['operator:capital:CNY', 'equity']] as const) {
      await openManualAccount(store, maker, { idempotency_key: `open-${code}`, code, name: code, type, currency: 'CNY', guard: 'none' }, at);
    }
    const legs = [
      { account_code: 'operator:bank:CNY', side: 'debit' as const, amount_minor: 500n },
      { account_code: 'operator:capital:CNY', side: 'credit' as const, amount_minor: 500n },
    ];
    const asked = await requestManualTransfer(store, maker, { idempotency_key: 'ask', description: 'capital', currency: 'CNY', metadata: {}, legs }, at);
    const { transaction } = await approveManualPosting(store, checker, { idempotency_key: 'approve', manual_posting_id: asked.posting.id }, at);
    const reversal = await requestManualReversal(store, checker, { idempotency_key: 'reverse', transaction_id: transaction.id }, at);
    await approveManualPosting(store, maker, { idempotency_key: 'approve-reversal', manual_posting_id: reversal.posting.id }, at);
    await store.close();
    const result = await run(['ledger', 'verify'], env);
    expect([result.exitCode, result.out]).toEqual([0, expect.stringMatching(/^OK: 5 transactions, 10 postings and 4 accounts verified/)]);
  });

  it('prints OK and exits 0 on an intact journal; migrate is idempotent', async () => {
    const result = await run(['ledger', 'verify'], env);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^OK: 3 transactions, 6 postings and 2 accounts verified/);
    expect((await run(['migrate'], env)).out).toMatch(/schema is current/);
    const store = openStore(env.DATABASE_URL!);
    expect((await migrateToLatest(store)).results).toEqual([]);
    await store.close();
  });

  it('fails after a row is changed with raw SQL', async () => {
    await tamper(sql`update ledger_postings set amount_minor = 90 where transaction_id = 2 and leg_index = 0`);
    const result = await run(['ledger', 'verify'], env);
    expect(result.exitCode).toBe(1);
    expect(result.out).toContain('FAILED');
    expect(result.out).toContain('JOURNAL_HASH_MISMATCH: transaction 2');
  });

  it('fails after a row is deleted', async () => {
    await tamper(sql`delete from ledger_postings where transaction_id = 2`);
    await tamper(sql`delete from ledger_transactions where id = 2`);
    const result = await run(['ledger', 'verify', '--json'], env);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['JOURNAL_SEQUENCE_GAP', 'JOURNAL_CHAIN_BROKEN']));
  });
});

it('explains itself with --help', async () => {
  const result = await run(['ledger', 'verify', '--help'], {});
  expect(result.out).toContain('Recompute the journal hash chain');
  expect(result.exitCode).toBe(0);
});
