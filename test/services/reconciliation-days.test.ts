import { afterEach, beforeEach, expect, it } from 'vitest';
import { formatMinorPlain } from '../../src/core/money/format-money.js';
import { approveManualPosting, openManualAccount, requestManualTransfer } from '../../src/ledger/manual-postings.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { requestWalletRefund } from '../../src/services/funding/wallet-refunds.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { setBreakAlertDays } from '../../src/services/reconciliation/break-alerts.js';
import { listBreaks } from '../../src/services/reconciliation/break-queries.js';
import { importStatement } from '../../src/services/reconciliation/import-statement.js';
import { resolveBreak } from '../../src/services/reconciliation/resolve-break.js';
import { listReconciliationDays, runReconciliation } from '../../src/services/reconciliation/run-reconciliation.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { createUser } from '../../src/services/users.js';
import { fundingContext, joinSeniorPlan } from '../support/funding-context.js';
import { codeOf } from '../support/rejection-code.js';
import type { TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const header = 'date,value_date,reference,description,amount,currency,balance';
const range = { currency: 'CNY', from: '2026-11-01', to: '2026-11-08' };

describeEachBackend('custody reconciliation by day, resolving breaks, alerts', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  let transfers: { reference: string; amount_minor: bigint; on: string }[];
  let operator: bigint;
  let checker: bigint;
  let auditor: bigint;

  async function on(day: string, move: () => Promise<{ payment_id: bigint }>, amount_minor: bigint) {
    context.clock.set(`${day}T09:00:00.000Z`);
    const request = await move();
    expect((await gateway.deliverPending()).failed).toBe(0);
    const { reference } = await context.store.db.selectFrom('payments').select('reference').where('id', '=', request.payment_id).executeTakeFirstOrThrow();
    transfers.push({ reference, amount_minor, on: day });
  }

  function statement(lines: readonly { on: string; reference: string; amount_minor: bigint }[]): string {
    let balance = 0n;
    const money = (value: bigint) => `${value < 0n ? '-' : ''}${formatMinorPlain(value < 0n ? -value : value, 'CNY')}`;
    return [header, ...lines.map((line) => `${line.on},,${line.reference},transfer,${money(line.amount_minor)},CNY,${money((balance += line.amount_minor))}`)].join('\n');
  }

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret: 'whsec_recon_days' }));
    transfers = [];
    const at = '2026-11-01T00:00:00.000Z';
    const user = async (username: string, roles: string[]) => (await createUser(context.store, { username, display_name: username, password: 'a-long-password', roles }, at)).id;
    operator = await user('operator-one', ['operator']);
    checker = await user('operator-two', ['operator']);
    auditor = await user('auditor-one', ['auditor']);
    await user('reviewer-one', ['reviewer']);
    const first = await joinSeniorPlan(context, 1);
    const second = await joinSeniorPlan(context, 2);
    await on('2026-11-02', () => requestTopUp(context, first, 5000n), 5000n);
    await on('2026-11-03', () => requestTopUp(context, second, 3000n), 3000n);
    await on('2026-11-05', () => requestWalletRefund(context, first, 1000n), -1000n);
    // The statement: the transfers (the second a day late) and a bank fee the ledger does not know.
    const lines = [
      { on: '2026-11-02', reference: transfers[0]!.reference, amount_minor: 5000n },
      { on: '2026-11-04', reference: 'BANK-FEE-NOV', amount_minor: -777n },
      { on: '2026-11-04', reference: transfers[1]!.reference, amount_minor: 3000n },
      { on: '2026-11-06', reference: transfers[2]!.reference, amount_minor: -1000n },
    ];
    context.clock.set('2026-11-12T08:00:00.000Z');
    expect(await importStatement(context, { layout: 'generic', currency: 'CNY', csv: statement(lines), imported_by: auditor })).toMatchObject({ matched: 3, breaks: 1 });
  });
  afterEach(async () => context.store.close());

  const statuses = async () => (await listReconciliationDays(context, range)).map((day) => [day.day, day.status, day.difference_minor]);

  it('stores each day once: in transit reconciles, the fee differs by its amount; a rerun overwrites the same rows', async () => {
    const days = await runReconciliation(context, range);
    expect(days.map((day) => [day.day, day.status, day.ledger_balance_minor, day.bank_balance_minor, day.difference_minor, day.in_transit_minor, day.open_breaks_minor])).toEqual([
      ['2026-11-01', 'no_statement', 0n, null, 0n, 0n, 0n],
      ['2026-11-02', 'reconciled', 5000n, 5000n, 0n, 0n, 0n],
      ['2026-11-03', 'reconciled', 8000n, 5000n, 3000n, 3000n, 0n],
      ['2026-11-04', 'differs', 8000n, 7223n, 777n, 0n, 777n],
      ['2026-11-05', 'differs', 7000n, 7223n, -223n, -1000n, 777n],
      ['2026-11-06', 'differs', 7000n, 6223n, 777n, 0n, 777n],
      ['2026-11-07', 'no_statement', 7000n, null, 0n, 0n, 777n],
      ['2026-11-08', 'no_statement', 7000n, null, 0n, 0n, 777n],
    ]);
    await runReconciliation(context, range);
    expect(await statuses()).toEqual(days.map((day) => [day.day, day.status, day.difference_minor]));
    const stored = await context.store.db.selectFrom('reconciliation_days').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(BigInt(stored.n)).toBe(8n);
    expect(await codeOf(runReconciliation(context, { ...range, to: '2026-10-01' }))).toBe('VALIDATION_FAILED');
  });

  it('alerts operators and auditors once when a break passes the setting’s age; the job reconciles the days', async () => {
    await setBreakAlertDays(context.store, 10, '2026-11-12T00:00:00.000Z');
    expect((await runBackgroundJobs(context)).breaks_alerted).toBe(0);
    await setBreakAlertDays(context.store, 3, '2026-11-12T00:00:00.000Z');
    const report = await runBackgroundJobs(context);
    expect(report).toMatchObject({ breaks_alerted: 1, reconciliation_days: 5, failures: 0 });
    const again = await runBackgroundJobs(context);
    expect(again.breaks_alerted).toBe(0);
    const notes = await context.store.db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('kind', '=', 'reconciliation_break_old').orderBy('user_id').execute();
    expect(notes.map((note) => note.user_id)).toEqual([operator, checker, auditor]);
    const [found] = await listBreaks(context, { currency: 'CNY' });
    expect(found).toMatchObject({ kind: 'unknown', age_days: 8, alerted_at: '2026-11-12T08:00:00.000Z' });
    expect((await statuses()).filter(([, status]) => status === 'differs').map(([day]) => day)).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
  });

  it('resolves a break by an approved correction only, keeping the trail; the days then reconcile', async () => {
    const at = context.clock.now().toISOString();
    await runReconciliation(context, range);
    const [found] = await listBreaks(context, { currency: 'CNY' });
    for (const [code, type] of [['operator:bank:CNY', 'asset'], ['operator:fees:CNY', 'expense']] as const) {
      await openManualAccount(context.store, { user_id: operator }, { idempotency_key: `open-${code}`, code, name: code, type, currency: 'CNY', guard: 'none' }, at);
    }
    const legs = [
      { account_code: 'operator:fees:CNY', side: 'debit' as const, amount_minor: 777n },
      { account_code: 'operator:bank:CNY', side: 'credit' as const, amount_minor: 777n },
    ];
    const asked = await requestManualTransfer(context.store, { user_id: operator }, { idempotency_key: 'fee', description: 'November bank fee', currency: 'CNY', metadata: {}, legs }, at);
    const resolve = (input: Partial<Parameters<typeof resolveBreak>[1]>) =>
      resolveBreak(context, { break_id: found!.id, resolution: 'corrected', note: 'Bank fee booked', manual_posting_id: asked.posting.id, resolved_by: operator, ...input });
    expect(await codeOf(resolve({}))).toBe('RECON_CORRECTION_NOT_FOUND');
    expect(await codeOf(resolve({ manual_posting_id: null }))).toBe('RECON_CORRECTION_NOT_FOUND');
    expect(await codeOf(resolve({ note: '   ' }))).toBe('RECON_BAD_NOTE');
    const matched = await context.store.db.selectFrom('reconciliation_matches').select('ledger_transaction_id').executeTakeFirstOrThrow();
    expect(await codeOf(resolve({ resolution: 'explained', ledger_transaction_id: matched.ledger_transaction_id }))).toBe('RECON_TRANSFER_SETTLED');
    expect(await codeOf(resolve({ break_id: 999_999n }))).toBe('RECON_BREAK_NOT_FOUND');
    const approved = await approveManualPosting(context.store, { user_id: checker }, { idempotency_key: 'fee-ok', manual_posting_id: asked.posting.id }, at);
    const done = await resolve({});
    expect(done).toMatchObject({ resolution: 'corrected', resolution_transaction_id: approved.transaction.id, correction_manual_posting_id: asked.posting.id, resolved_by: operator, resolved_at: at });
    expect(await codeOf(resolve({ resolution: 'explained' }))).toBe('RECON_BREAK_RESOLVED');
    expect(await listBreaks(context, { currency: 'CNY', status: 'open' })).toEqual([]);
    const [trail] = await listBreaks(context, { currency: 'CNY', status: 'resolved' });
    expect(trail).toMatchObject({ resolution: 'corrected', resolution_note: 'Bank fee booked', resolved_by: operator });
    await runReconciliation(context, range);
    const days = await listReconciliationDays(context, range);
    expect(days.filter((day) => day.status === 'differs')).toEqual([]);
    expect(days.find((day) => day.day === '2026-11-04')).toMatchObject({ difference_minor: 777n, resolved_breaks_minor: 777n, open_breaks_minor: 0n });
    expect((await runBackgroundJobs(context)).breaks_alerted).toBe(0);
  });
});
