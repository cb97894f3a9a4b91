import { afterEach, beforeEach, expect, it } from 'vitest';
import { getAccount } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { codeOf } from '../support/rejection-code.js';
import type { TestContext } from '../support/test-context.js';
import { fundingContext, joinSeniorPlan } from '../support/funding-context.js';
import { describeEachBackend } from '../support/test-stores.js';

/** The attack: 9,300 top-ups of 10^15 fen, which together would pass 2^63 − 1 in custody. */
const attack_top_ups = 9_300;
const attack_amount_minor = 1_000_000_000_000_000n;
const attack_burst = 100;
/** The sample senior plan's bounds (sample-plans.ts). */
const max_top_up_minor = 200_000n;
const max_wallet_balance_minor = 500_000n;

describeEachBackend('funding bounds', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  let sequence = 0;

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret: 'whsec_test_bounds' }));
  });
  afterEach(async () => context.store.close());

  async function joinSenior(): Promise<bigint> {
    sequence += 1;
    return joinSeniorPlan(context, sequence);
  }

  async function counts() {
    const count = async (table: 'payments' | 'ledger_transactions') =>
      Number((await context.store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow()).n);
    return { payments: await count('payments'), transactions: await count('ledger_transactions') };
  }

  async function expectBooksBalance() {
    const journal = await verifyJournal(context.store);
    expect(journal.problems).toEqual([]);
    for (const report of await reconcileFundingAccounts(context.store)) expect(report.ok).toBe(true);
  }

  it('refuses the 9,300 top-ups of 10^15 at the plan bound, writing nothing, while another member tops up', async () => {
    const attacker = await joinSenior();
    const neighbour = await joinSenior();
    const before = await counts();
    const codes = new Map<string, number>();
    // Sent as a member's client would fire them, many at a time.
    for (let sent = 0; sent < attack_top_ups; sent += attack_burst) {
      const burst = Math.min(attack_burst, attack_top_ups - sent);
      for (const code of await Promise.all(Array.from({ length: burst }, () => codeOf(requestTopUp(context, attacker, attack_amount_minor))))) {
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(codes)).toEqual({ FUNDING_TOP_UP_TOO_LARGE: attack_top_ups });
    expect(await counts()).toEqual(before);
    expect(gateway.pendingEvents()).toHaveLength(0);

    await requestTopUp(context, neighbour, 5000n);
    expect(await gateway.deliverPending()).toEqual({ delivered: 1, failed: 0 });
    expect(await walletBalance(context, neighbour)).toBe(5000n);
    expect(await walletBalance(context, attacker)).toBe(0n);
    expect((await getAccount(context.store, 'custody:CNY')).balance_minor).toBe(5000n);
    await expectBooksBalance();
  });

  it('takes top-ups up to the largest and the wallet up to its limit, counting pending top-ups', async () => {
    const member = await joinSenior();
    const neighbour = await joinSenior();
    expect(await codeOf(requestTopUp(context, member, max_top_up_minor + 1n))).toBe('FUNDING_TOP_UP_TOO_LARGE');
    await requestTopUp(context, member, max_top_up_minor);
    await requestTopUp(context, member, max_top_up_minor);
    // 400,000 pending: the wallet could take 100,000 more, not 100,001, even before any settles.
    const before = await counts();
    expect(await codeOf(requestTopUp(context, member, max_wallet_balance_minor - 2n * max_top_up_minor + 1n))).toBe('FUNDING_WALLET_LIMIT');
    expect(await counts()).toEqual(before);
    await gateway.deliverPending();
    expect(await walletBalance(context, member)).toBe(2n * max_top_up_minor);
    expect(await codeOf(requestTopUp(context, member, max_wallet_balance_minor - 2n * max_top_up_minor + 1n))).toBe('FUNDING_WALLET_LIMIT');
    await requestTopUp(context, member, max_wallet_balance_minor - 2n * max_top_up_minor);
    await requestTopUp(context, neighbour, 1000n);
    expect(await gateway.deliverPending()).toEqual({ delivered: 2, failed: 0 });
    expect(await walletBalance(context, member)).toBe(max_wallet_balance_minor);
    expect(await walletBalance(context, neighbour)).toBe(1000n);
    expect(await codeOf(requestTopUp(context, member, 1000n))).toBe('FUNDING_WALLET_LIMIT');
    await expectBooksBalance();
  });
});
