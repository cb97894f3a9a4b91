import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_CLOSURE_REFUND_ATTEMPTS } from '../../src/core/closure/closure-rules.js';
import { getAccount } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import { runClosureRefunds } from '../../src/services/closure/closure-refunds.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { requestWalletRefund } from '../../src/services/funding/wallet-refunds.js';
import { enrolMembers } from '../../src/services/members.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';
import { codeOf } from '../support/rejection-code.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const prepaid_plan_id = 'senior-cancer';

/**
 * A wallet the closure refunds is not paid a second time by a refund the member asks for beside it;
 * an unclaimed balance (the closure's attempts failed) is hers to ask for again.
 */
describeEachBackend('wallet refunds beside a closure refund', (dialect) => {
  let fixture: CycleFixture;

  beforeEach(async () => {
    fixture = await cycleFixture(dialect);
  });
  afterEach(async () => fixture.context.store.close());

  it('refuses a member refund while the closure refund is due or out, and allows one of the unclaimed balance', async () => {
    const { context, gateway } = fixture;
    const db = context.store.db;
    context.clock.set('2027-03-21T01:10:00.000Z');
    const joined = await enrolMembers(context, [
      { plan_id: prepaid_plan_id, payer_user_id: null, person: personBornOn('1960-02-02', 301), answers: noToAll },
      { plan_id: prepaid_plan_id, payer_user_id: null, person: personBornOn('1961-03-03', 302), answers: noToAll },
    ]);
    const [paidBack, unreachable] = joined.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint];
    await requestTopUp(context, paidBack, 5_000n);
    await requestTopUp(context, unreachable, 3_000n);
    await gateway.deliverPending();
    await announceClosure(context, { plan_id: prepaid_plan_id, closure_date: '2027-04-01', last_cycles_paid_by: 'members', announced_by: null });

    // Before the closure date the wallet is the member's to draw on as ever.
    await requestWalletRefund(context, paidBack, 1_000n);
    await gateway.deliverPending();

    context.clock.set('2027-04-01T09:00:00.000Z');
    await closeMemberships(context, prepaid_plan_id);
    // Due: the closure will refund it.
    expect(await codeOf(requestWalletRefund(context, paidBack, 4_000n))).toBe('FUNDING_CLOSURE_REFUND_DUE');

    gateway.forceOutcomes('succeeded', ...new Array<'failed'>(MAX_CLOSURE_REFUND_ATTEMPTS).fill('failed'));
    await runClosureRefunds(context, prepaid_plan_id);
    // Pending at the provider: still refused, for both.
    expect(await codeOf(requestWalletRefund(context, paidBack, 1n))).toBe('FUNDING_CLOSURE_REFUND_DUE');
    expect(await codeOf(requestWalletRefund(context, unreachable, 3_000n))).toBe('FUNDING_CLOSURE_REFUND_DUE');
    for (let attempt = 1; attempt <= MAX_CLOSURE_REFUND_ATTEMPTS; attempt += 1) {
      await gateway.deliverPending();
      await runClosureRefunds(context, prepaid_plan_id);
    }
    const states = await db.selectFrom('plan_closure_members').select(['membership_id', 'refund_state', 'refunded_minor']).where('plan_id', '=', prepaid_plan_id).orderBy('membership_id').execute();
    expect(states.map((row) => [row.refund_state, row.refunded_minor])).toEqual([
      ['refunded', 4_000n],
      ['unclaimed', 0n],
    ]);

    // Refunded: the wallet is empty, nothing more leaves it.
    expect(await codeOf(requestWalletRefund(context, paidBack, 1n))).toBe('FUNDING_REFUND_ABOVE_BALANCE');
    // Unclaimed: the member comes forward and asks for her balance herself.
    const code = (await db.selectFrom('memberships').select('member_code').where('id', '=', unreachable).executeTakeFirstOrThrow()).member_code;
    gateway.forceOutcomes('succeeded');
    await requestWalletRefund(context, unreachable, 3_000n);
    await gateway.deliverPending();
    expect((await getAccount(context.store, `wallet:${code}`)).balance_minor).toBe(0n);
    expect((await verifyJournal(context.store)).ok).toBe(true);
  });
});
