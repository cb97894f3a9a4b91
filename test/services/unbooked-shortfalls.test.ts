import { afterEach, beforeEach, expect, it } from 'vitest';
import { getAccount, postTransfers } from '../../src/ledger/ledger.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { deductShares } from '../../src/services/funding/share-deductions.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { bookUnbookedShortfalls } from '../../src/services/funding/unbooked-shortfalls.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import { enrolMembers } from '../../src/services/members.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('due shares from before shortfalls were receivables', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  beforeEach(async () => {
    const base = await testContext(dialect);
    gateway = new SimulatedGateway({ secret: 'secret', clock: base.clock, random: seededRandom('gw'), deliver: async (body, signature) => void (await handleGatewayWebhook(context, body, signature)) });
    context = { ...base, gateway };
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  const balanceOf = async (code: string) => (await getAccount(context.store, code)).balance_minor;

  it('books them once at start-up, after which a top-up pays them as it pays a new one', async () => {
    const [enrolled] = await enrolMembers(context, [{ plan_id: 'senior-cancer', payer_user_id: null, person: personBornOn('1960-01-01', 7), answers: noToAll }]);
    const membership_id = enrolled!.ok ? enrolled!.value.membership_id : 0n;
    await deductShares(context, 'senior-cancer', 'cycle-old', [{ membership_id, amount_minor: 1500n }]);
    // The books as the old code left them: the unpaid share not a receivable, aid payable without it.
    await postTransfers(
      context.store,
      [
        {
          idempotency_key: 'test:old-books',
          kind: 'test_old_books',
          description: 'undo the receivable, as before migration 0014',
          currency: 'CNY',
          metadata: {},
          legs: [
            { account_code: 'aid_payable:senior-cancer', side: 'debit', amount_minor: 1500n },
            { account_code: 'shares_receivable:senior-cancer', side: 'credit', amount_minor: 1500n },
          ],
        },
      ],
      context.clock.now().toISOString(),
    );
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(0n);

    expect(await bookUnbookedShortfalls(context.store, context.clock.now().toISOString())).toEqual([{ plan_id: 'senior-cancer', booked_minor: 1500n }]);
    expect(await bookUnbookedShortfalls(context.store, context.clock.now().toISOString())).toEqual([]);
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(1500n);
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(1500n);

    await requestTopUp(context, membership_id, 2000n);
    await gateway.deliverPending();
    expect(await walletBalance(context, membership_id)).toBe(500n);
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(0n);
    for (const report of await reconcileFundingAccounts(context.store)) expect(report.ok).toBe(true);
  });
});
