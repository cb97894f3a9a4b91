import { afterEach, beforeEach, expect, it } from 'vitest';
import { int64MaxMinor } from '../../src/core/money/checked-int64.js';
import { getAccount, openAccount, postTransfers } from '../../src/ledger/ledger.js';
import { maxLegAmountMinor, type TransferInput } from '../../src/ledger/transfer.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import { runBackgroundJobs, type JobLogger } from '../../src/services/jobs/background-jobs.js';
import type { TestContext } from '../support/test-context.js';
import { fundingContext, joinSeniorPlan } from '../support/funding-context.js';
import { describeEachBackend } from '../support/test-stores.js';

/** Legs per side of one filling transfer (a transfer has at most 1000 legs). */
const legsPerSide = 500;

/** Records what the jobs log, as pino would receive it. */
function recordingLogger(): JobLogger & { readonly lines: Array<{ details: Record<string, unknown>; message: string }> } {
  const lines: Array<{ details: Record<string, unknown>; message: string }> = [];
  return { lines, error: (details, message) => lines.push({ details, message }) };
}

describeEachBackend('background jobs', (dialect) => {
  let context: TestContext;
  let sequence = 0;

  beforeEach(async () => {
    ({ context } = await fundingContext(dialect, { secret: 'whsec_test_jobs' }));
  });
  afterEach(async () => context.store.close());

  async function joinSenior(): Promise<bigint> {
    sequence += 1;
    return joinSeniorPlan(context, sequence);
  }

  /** Debits custody with `amount_minor` from a test equity account, straight in the ledger. */
  async function fillCustody(amount_minor: bigint): Promise<void> {
    const at = context.clock.now().toISOString();
    await openAccount(context.store, { code: 'equity:test-fill', name: 'Test filler', type: 'equity', currency: 'CNY', guard: 'none' }, at);
    const inputs: TransferInput[] = [];
    let legs: Array<TransferInput['legs'][number]> = [];
    const flush = () => {
      inputs.push({ idempotency_key: `fill-${inputs.length}`, description: 'fill custody', currency: 'CNY', legs });
      legs = [];
    };
    for (let left = amount_minor; left > 0n; left -= maxLegAmountMinor) {
      const leg_minor = left < maxLegAmountMinor ? left : maxLegAmountMinor;
      legs.push({ account_code: 'custody:CNY', side: 'debit', amount_minor: leg_minor }, { account_code: 'equity:test-fill', side: 'credit', amount_minor: leg_minor });
      if (legs.length === 2 * legsPerSide) flush();
    }
    if (legs.length > 0) flush();
    await postTransfers(context.store, inputs, at);
  }

  it('logs a webhook the ledger refuses, with its ids, and settles the other members’ top-ups', async () => {
    const first = await joinSenior();
    const second = await joinSenior();
    // Custody has room for 100,000 more: the first member's 200,000 cannot be posted, the second's 50,000 can.
    await fillCustody(int64MaxMinor - 100_000n);
    const refused = await requestTopUp(context, first, 200_000n);
    await requestTopUp(context, second, 50_000n);
    const logger = recordingLogger();

    const report = await runBackgroundJobs(context, logger);
    expect(report).toMatchObject({ webhooks_delivered: 1, failures: 1 });
    expect(await walletBalance(context, second)).toBe(50_000n);
    expect(await walletBalance(context, first)).toBe(0n);
    expect((await getAccount(context.store, 'custody:CNY')).balance_minor).toBe(int64MaxMinor - 50_000n);
    const status = await context.store.db.selectFrom('payments').select('status').where('id', '=', refused.payment_id).executeTakeFirstOrThrow();
    expect(status.status).toBe('pending');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]!.details).toMatchObject({ job: 'deliver_webhooks', reference: refused.reference, code: 'LEDGER_AMOUNT_OUT_OF_RANGE', dropped: false });
    expect(logger.lines[0]!.details.event_id).toMatch(/^evt_/);
    expect((await verifyJournal(context.store)).ok).toBe(true);
  });

  it('logs a step that fails and runs the steps after it', async () => {
    const member = await joinSenior();
    await requestTopUp(context, member, 5000n);
    const logger = recordingLogger();
    // The aid payouts step fails on a broken table; webhook delivery comes after it and still runs.
    await context.store.db.schema.alterTable('aid_payouts').renameTo('aid_payouts_moved').execute();
    const report = await runBackgroundJobs(context, logger);
    expect(report.failures).toBeGreaterThanOrEqual(1);
    expect(logger.lines.map((line) => line.details.job)).toContain('pay_due_aid');
    expect(report.webhooks_delivered).toBe(1);
    expect(await walletBalance(context, member)).toBe(5000n);
  });
});
