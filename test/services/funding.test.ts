import { afterEach, beforeEach, expect, it } from 'vitest';
import { getAccount } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { collectDueCharges } from '../../src/services/funding/collections.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { lapseUncollected, lapseUnpaidPrepaid } from '../../src/services/funding/overdue-lapse.js';
import { createReceivables } from '../../src/services/funding/receivables.js';
import { deductShares } from '../../src/services/funding/share-deductions.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { diagnoseInWaitingPeriod, retryFailedShareRefunds } from '../../src/services/funding/waiting-period-refunds.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import { requestWalletRefund } from '../../src/services/funding/wallet-refunds.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { resendUnsentPayments } from '../../src/services/payments/payment-dispatch.js';
import type { PaymentGateway } from '../../src/services/payments/payment-gateway.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { signWebhook } from '../../src/services/payments/webhook-signature.js';
import { noToAll, personBornOn, type TestContext } from '../support/test-context.js';
import { fundingContext } from '../support/funding-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { codeOf } from '../support/rejection-code.js';

const secret = 'whsec_test_funding';

describeEachBackend('funding', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  let sequence = 0;

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret }));
  });
  afterEach(async () => context.store.close());

  async function join(plan: 'senior-cancer' | 'critical-illness'): Promise<{ membership_id: bigint; member_code: string }> {
    sequence += 1;
    const birth = plan === 'senior-cancer' ? '1960-04-12' : '1990-04-12';
    const [result] = await enrolMembers(context, [{ plan_id: plan, payer_user_id: null, person: personBornOn(birth, sequence), answers: noToAll }]);
    if (!result!.ok) throw new Error(`join failed: ${result!.rejection.code}`);
    return result!.value;
  }

  async function counts() {
    const count = async (table: 'payments' | 'ledger_transactions' | 'webhook_deliveries' | 'share_charges' | 'notifications') =>
      BigInt((await context.store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      payments: await count('payments'),
      transactions: await count('ledger_transactions'),
      deliveries: await count('webhook_deliveries'),
      charges: await count('share_charges'),
      notifications: await count('notifications'),
    };
  }

  async function balanceOf(code: string): Promise<bigint> {
    return (await getAccount(context.store, code)).balance_minor;
  }

  async function expectBooksBalance() {
    const journal = await verifyJournal(context.store);
    expect(journal.problems).toEqual([]);
    const reports = await reconcileFundingAccounts(context.store);
    for (const report of reports) {
      expect(report.custody_difference_minor).toBe(0n);
      expect(report.collection_difference_minor).toBe(0n);
      expect(report.ok).toBe(true);
    }
  }

  /** Delivers every queued webhook; a delivery the intake refused fails the test. */
  async function deliver() {
    const result = await gateway.deliverPending();
    expect(result.failed).toBe(0);
    return result;
  }

  async function topUp(membership_id: bigint, amount_minor: bigint) {
    const request = await requestTopUp(context, membership_id, amount_minor);
    await deliver();
    return request;
  }

  async function notificationsOf(membership_id: bigint, kind: string) {
    return context.store.db.selectFrom('notifications').selectAll().where('membership_id', '=', membership_id).where('kind', '=', kind).orderBy('id').execute();
  }

  it('refuses bad top-ups and refunds with stable codes, writing nothing', async () => {
    const prepaid = await join('senior-cancer');
    const postPaid = await join('critical-illness');
    await topUp(prepaid.membership_id, 2000n);
    const before = await counts();
    expect(await codeOf(requestTopUp(context, prepaid.membership_id, 999n))).toBe('FUNDING_TOP_UP_BELOW_MINIMUM');
    expect(await codeOf(requestTopUp(context, prepaid.membership_id, 0n))).toBe('FUNDING_BAD_AMOUNT');
    expect(await codeOf(requestTopUp(context, postPaid.membership_id, 5000n))).toBe('FUNDING_NOT_PREPAID');
    expect(await codeOf(requestTopUp(context, 999_999n, 5000n))).toBe('MEMBERSHIP_NOT_FOUND');
    expect(await codeOf(requestWalletRefund(context, prepaid.membership_id, 2001n))).toBe('FUNDING_REFUND_ABOVE_BALANCE');
    expect(await codeOf(requestWalletRefund(context, postPaid.membership_id, 1n))).toBe('FUNDING_NOT_PREPAID');
    expect(await counts()).toEqual(before);
    expect(gateway.pendingEvents()).toHaveLength(0);

    // A refund asked for and not yet paid out is reserved: it cannot be asked for again.
    await requestWalletRefund(context, prepaid.membership_id, 1500n);
    expect(await codeOf(requestWalletRefund(context, prepaid.membership_id, 501n))).toBe('FUNDING_REFUND_ABOVE_BALANCE');
    await requestWalletRefund(context, prepaid.membership_id, 500n);

    await changeMembershipStatus(context, prepaid.membership_id, 'member_withdrew', 'leaving', 'member');
    expect(await codeOf(requestTopUp(context, prepaid.membership_id, 5000n))).toBe('FUNDING_MEMBERSHIP_NOT_LIVE');
    await expectBooksBalance();
  });

  it('tops up a wallet when the provider confirms, and refunds it at any time, also after exit', async () => {
    const { membership_id, member_code } = await join('senior-cancer');
    const request = await requestTopUp(context, membership_id, 5000n);
    expect(request).toMatchObject({ status: 'pending', sent: true, amount_minor: 5000n, currency: 'CNY' });
    expect(await walletBalance(context, membership_id)).toBe(0n);
    const sent = await context.store.db.selectFrom('payments').select(['status', 'gateway_payment_id']).where('id', '=', request.payment_id).executeTakeFirstOrThrow();
    expect(sent).toEqual({ status: 'pending', gateway_payment_id: gateway.pendingEvents()[0]!.event.gateway_payment_id });
    expect(await gateway.deliverPending()).toEqual({ delivered: 1, failed: 0 });
    expect(await walletBalance(context, membership_id)).toBe(5000n);
    expect(await balanceOf('custody:CNY')).toBe(5000n);
    const payment = await context.store.db.selectFrom('payments').selectAll().where('id', '=', request.payment_id).executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ status: 'succeeded', kind: 'top_up', gateway_payment_id: expect.stringMatching(/^sim_/) });

    // A failed top-up moves nothing.
    gateway.forceOutcomes('failed');
    await topUp(membership_id, 3000n);
    expect(await walletBalance(context, membership_id)).toBe(5000n);

    await changeMembershipStatus(context, membership_id, 'member_withdrew', 'leaving', 'member');
    await requestWalletRefund(context, membership_id, 2000n);
    expect(await walletBalance(context, membership_id)).toBe(3000n);
    expect(await balanceOf('wallet_refunds_in_transit:CNY')).toBe(2000n);
    await deliver();
    expect(await balanceOf('wallet_refunds_in_transit:CNY')).toBe(0n);
    expect(await balanceOf('custody:CNY')).toBe(3000n);

    // A payout the provider could not make goes back into the wallet.
    gateway.forceOutcomes('failed');
    await requestWalletRefund(context, membership_id, 3000n);
    expect(await walletBalance(context, membership_id)).toBe(0n);
    await deliver();
    expect(await walletBalance(context, membership_id)).toBe(3000n);
    expect(await balanceOf(`wallet:${member_code}`)).toBe(3000n);
    await expectBooksBalance();
  });

  it('keeps a request the provider could not take as pending, and sends it again under the same reference', async () => {
    const { membership_id } = await join('senior-cancer');
    let down = true;
    const flakyGateway: PaymentGateway = {
      name: 'flaky',
      verifyWebhook: (rawBody, signature) => gateway.verifyWebhook(rawBody, signature),
      payout: (charge) => gateway.payout(charge),
      collect: async (charge) => {
        if (down) throw new Error('connection reset');
        return gateway.collect(charge);
      },
    };
    const flaky = { ...context, gateway: flakyGateway };
    const request = await requestTopUp(flaky, membership_id, 2000n);
    expect(request.sent).toBe(false);
    down = false;
    expect(await resendUnsentPayments(flaky)).toEqual({ sent: 0, unsent: 0 });
    context.clock.set(new Date(context.clock.now().getTime() + 120_000));
    expect(await resendUnsentPayments(flaky)).toEqual({ sent: 1, unsent: 0 });
    expect(await resendUnsentPayments(flaky)).toEqual({ sent: 0, unsent: 0 });
    await deliver();
    expect(await walletBalance(context, membership_id)).toBe(2000n);
    await expectBooksBalance();
  });

  it('takes a duplicated webhook once, ignores a second outcome for a settled payment, and refuses forged and malformed ones', async () => {
    const { membership_id } = await join('senior-cancer');
    const request = await requestTopUp(context, membership_id, 5000n);
    const [pending] = gateway.pendingEvents();
    await deliver();
    const before = await counts();

    expect(await handleGatewayWebhook(context, pending!.raw_body, gateway.sign(pending!.raw_body))).toEqual({ duplicate: true });
    await gateway.redeliver(pending!.event.event_id);
    expect(await walletBalance(context, membership_id)).toBe(5000n);
    expect(await counts()).toEqual(before);

    // Another event for the same, already settled payment: recorded, and otherwise ignored.
    const contrary = JSON.stringify({ ...pending!.event, event_id: 'evt_contrary', type: 'payment.failed', failure_reason: 'card_declined' });
    expect(await handleGatewayWebhook(context, contrary, gateway.sign(contrary))).toEqual({ duplicate: false, payment_id: request.payment_id, outcome: 'ignored' });
    expect(await walletBalance(context, membership_id)).toBe(5000n);

    const afterIgnored = await counts();
    const forged = JSON.stringify({ ...pending!.event, event_id: 'evt_forged' });
    expect(await codeOf(handleGatewayWebhook(context, forged, signWebhook('not-the-secret', forged, Math.floor(context.clock.now().getTime() / 1000))))).toBe('PAYMENT_BAD_SIGNATURE');
    expect(await codeOf(handleGatewayWebhook(context, forged, undefined))).toBe('PAYMENT_BAD_SIGNATURE');
    expect(await codeOf(handleGatewayWebhook(context, forged, gateway.sign(pending!.raw_body)))).toBe('PAYMENT_BAD_SIGNATURE');
    const stale = gateway.sign(forged);
    context.clock.set(new Date(context.clock.now().getTime() + 6 * 60_000));
    expect(await codeOf(handleGatewayWebhook(context, forged, stale))).toBe('PAYMENT_BAD_SIGNATURE');

    const malformed = '{"event_id": "evt_bad", "type": "payment.refunded"}';
    expect(await codeOf(handleGatewayWebhook(context, malformed, gateway.sign(malformed)))).toBe('PAYMENT_BAD_WEBHOOK');
    expect(await codeOf(handleGatewayWebhook(context, 'not json', gateway.sign('not json')))).toBe('PAYMENT_BAD_WEBHOOK');
    const unknown = JSON.stringify({ ...pending!.event, event_id: 'evt_unknown', reference: 'top_up:1:nope' });
    expect(await codeOf(handleGatewayWebhook(context, unknown, gateway.sign(unknown)))).toBe('PAYMENT_UNKNOWN_REFERENCE');

    const second = await requestTopUp(context, membership_id, 2000n);
    const [secondEvent] = gateway.pendingEvents();
    const inflated = JSON.stringify({ ...secondEvent!.event, event_id: 'evt_inflated', amount_minor: '200000' });
    expect(await codeOf(handleGatewayWebhook(context, inflated, gateway.sign(inflated)))).toBe('PAYMENT_AMOUNT_MISMATCH');
    const otherCurrency = JSON.stringify({ ...secondEvent!.event, event_id: 'evt_usd', currency: 'USD' });
    expect(await codeOf(handleGatewayWebhook(context, otherCurrency, gateway.sign(otherCurrency)))).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(await counts()).toEqual({ ...afterIgnored, payments: afterIgnored.payments + 1n });
    expect(await walletBalance(context, membership_id)).toBe(5000n);

    await deliver();
    expect(await walletBalance(context, membership_id)).toBe(7000n);
    const settled = await context.store.db.selectFrom('payments').select('status').where('id', '=', second.payment_id).executeTakeFirstOrThrow();
    expect(settled.status).toBe('succeeded');
    await expectBooksBalance();
  });

  it('deducts shares a wallet covers, leaves the rest due, settles them on the next top-up, and is idempotent per reference', async () => {
    const rich = await join('senior-cancer');
    const poor = await join('senior-cancer');
    await topUp(rich.membership_id, 5000n);
    await topUp(poor.membership_id, 1000n);

    const charges = [
      { membership_id: rich.membership_id, amount_minor: 300n },
      { membership_id: poor.membership_id, amount_minor: 1200n },
    ];
    expect(await deductShares(context, 'senior-cancer', 'cycle-2026-12', charges)).toEqual({ charged: 2, already_charged: 0, paid: 1, unpaid: 1, paid_minor: 300n, unpaid_minor: 1200n });
    expect(await walletBalance(context, rich.membership_id)).toBe(4700n);
    expect(await walletBalance(context, poor.membership_id)).toBe(1000n);
    // The share the wallet could not pay is owed as aid all the same, and by the member as a receivable.
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(300n + 1200n);
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(1200n);
    const poorRow = await context.store.db.selectFrom('memberships').selectAll().where('id', '=', poor.membership_id).executeTakeFirstOrThrow();
    expect(poorRow.unpaid_since).toBe(context.clock.now().toISOString());
    expect(await notificationsOf(poor.membership_id, 'lapse_warning')).toHaveLength(1);

    // The same cycle again charges nobody twice; a different amount under it is a conflict.
    const before = await counts();
    expect(await deductShares(context, 'senior-cancer', 'cycle-2026-12', charges)).toMatchObject({ charged: 0, already_charged: 2, paid: 0 });
    expect(await codeOf(deductShares(context, 'senior-cancer', 'cycle-2026-12', [{ membership_id: rich.membership_id, amount_minor: 301n }]))).toBe('FUNDING_CHARGE_CONFLICT');
    // A post-paid plan has no wallets to deduct from.
    expect(await codeOf(deductShares(context, 'critical-illness', 'cycle-x', [{ membership_id: rich.membership_id, amount_minor: 1n }]))).toBe('FUNDING_NOT_PREPAID');
    expect(await codeOf(deductShares(context, 'senior-cancer', 'cycle-x', [charges[0]!, charges[0]!]))).toBe('FUNDING_DUPLICATE_MEMBER');
    expect(await counts()).toEqual(before);

    // A later, smaller share is still taken if the wallet covers it; the top-up then settles the older one first.
    await deductShares(context, 'senior-cancer', 'cycle-2027-01', [{ membership_id: poor.membership_id, amount_minor: 400n }]);
    expect(await walletBalance(context, poor.membership_id)).toBe(600n);
    await topUp(poor.membership_id, 1000n);
    expect(await walletBalance(context, poor.membership_id)).toBe(400n);
    const poorCharges = await context.store.db.selectFrom('share_charges').select(['reference', 'status']).where('membership_id', '=', poor.membership_id).orderBy('id').execute();
    expect(poorCharges).toEqual([
      { reference: 'cycle-2026-12', status: 'paid' },
      { reference: 'cycle-2027-01', status: 'paid' },
    ]);
    const settledRow = await context.store.db.selectFrom('memberships').select('unpaid_since').where('id', '=', poor.membership_id).executeTakeFirstOrThrow();
    expect(settledRow.unpaid_since).toBeNull();
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(300n + 1200n + 400n);
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(0n);
    await expectBooksBalance();
  });

  it('deducts a large cycle in bounded batches, each its own transaction, and runs again as a no-op', async () => {
    const members = [];
    for (let index = 0; index < 5; index += 1) members.push(await join('senior-cancer'));
    for (const member of members.slice(0, 3)) await topUp(member.membership_id, 1000n);
    const charges = members.map((member) => ({ membership_id: member.membership_id, amount_minor: 250n }));
    expect(await deductShares(context, 'senior-cancer', 'big-cycle', charges, { batch_size: 2 })).toEqual({
      charged: 5,
      already_charged: 0,
      paid: 3,
      unpaid: 2,
      paid_minor: 750n,
      unpaid_minor: 500n,
    });
    const postings = await context.store.db.selectFrom('ledger_transactions').select('idempotency_key').where('kind', '=', 'share_deduction').execute();
    expect(postings).toHaveLength(2);
    expect(await deductShares(context, 'senior-cancer', 'big-cycle', charges, { batch_size: 2 })).toMatchObject({ charged: 0, already_charged: 5 });
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(750n + 500n);
    expect(await balanceOf('shares_receivable:senior-cancer')).toBe(500n);
    await expectBooksBalance();
  });

  it('warns, then lapses a prepaid membership whose share stays unpaid past the grace days, and writes the share off', async () => {
    const member = await join('senior-cancer');
    await topUp(member.membership_id, 1000n);
    await deductShares(context, 'senior-cancer', 'cycle-1', [{ membership_id: member.membership_id, amount_minor: 1500n }]);
    const start = context.clock.now().getTime();

    context.clock.set(new Date(start + 6 * 86_400_000));
    expect(await lapseUnpaidPrepaid(context)).toEqual({ warned: 0, written_off: 0, written_off_minor: 0n, lapsed: 0 });
    context.clock.set(new Date(start + 7 * 86_400_000));
    expect(await lapseUnpaidPrepaid(context)).toEqual({ warned: 0, written_off: 1, written_off_minor: 1500n, lapsed: 1 });
    expect(await lapseUnpaidPrepaid(context)).toEqual({ warned: 0, written_off: 0, written_off_minor: 0n, lapsed: 0 });

    const row = await context.store.db.selectFrom('memberships').select(['status', 'unpaid_since']).where('id', '=', member.membership_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'lapsed', unpaid_since: null });
    const charge = await context.store.db.selectFrom('share_charges').select('status').where('membership_id', '=', member.membership_id).executeTakeFirstOrThrow();
    expect(charge.status).toBe('written_off');
    // The aid is still owed in full; the operator bore the share and funded custody for it.
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(1500n);
    expect(await balanceOf('backstop:senior-cancer')).toBe(1500n);
    expect(await balanceOf('custody:CNY')).toBe(2500n);
    // The member's own money stays theirs, refundable after the lapse.
    expect(await walletBalance(context, member.membership_id)).toBe(1000n);
    expect(await notificationsOf(member.membership_id, 'membership_lapsed')).toHaveLength(1);
    const warnings = await notificationsOf(member.membership_id, 'lapse_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.created_at < new Date(start + 7 * 86_400_000).toISOString()).toBe(true);
    await requestWalletRefund(context, member.membership_id, 1000n);
    await deliver();
    expect(await walletBalance(context, member.membership_id)).toBe(0n);
    await expectBooksBalance();
  });

  it('sends the low-balance reminder once per fall below the threshold', async () => {
    const member = await join('senior-cancer');
    await topUp(member.membership_id, 1000n);
    await deductShares(context, 'senior-cancer', 'c1', [{ membership_id: member.membership_id, amount_minor: 400n }]);
    expect(await notificationsOf(member.membership_id, 'wallet_low_balance')).toHaveLength(0);
    await deductShares(context, 'senior-cancer', 'c2', [{ membership_id: member.membership_id, amount_minor: 200n }]);
    await deductShares(context, 'senior-cancer', 'c3', [{ membership_id: member.membership_id, amount_minor: 100n }]);
    await requestWalletRefund(context, member.membership_id, 100n);
    expect(await notificationsOf(member.membership_id, 'wallet_low_balance')).toHaveLength(1);
    // Back above the threshold re-arms it.
    await topUp(member.membership_id, 1000n);
    await deductShares(context, 'senior-cancer', 'c4', [{ membership_id: member.membership_id, amount_minor: 900n }]);
    expect(await notificationsOf(member.membership_id, 'wallet_low_balance')).toHaveLength(2);
    await expectBooksBalance();
  });

  it('collects post-paid receivables, retries a failed collection daily, and lapses after retry_until', async () => {
    const payer = await join('critical-illness');
    const defaulter = await join('critical-illness');
    const start = context.clock.now().getTime();
    const retry_until = new Date(start + 3 * 86_400_000).toISOString();
    expect(await codeOf(createReceivables(context, 'critical-illness', 'cycle-1', [{ membership_id: payer.membership_id, amount_minor: 10n }], '2020-01-01T00:00:00.000Z'))).toBe(
      'FUNDING_BAD_RETRY_UNTIL',
    );
    const prepaid = await join('senior-cancer');
    expect(await codeOf(createReceivables(context, 'critical-illness', 'cycle-1', [{ membership_id: prepaid.membership_id, amount_minor: 10n }], retry_until))).toBe('FUNDING_WRONG_PLAN');

    const charges = [
      { membership_id: payer.membership_id, amount_minor: 10n },
      { membership_id: defaulter.membership_id, amount_minor: 10n },
    ];
    expect(await createReceivables(context, 'critical-illness', 'cycle-1', charges, retry_until)).toEqual({ charged: 2, already_charged: 0, charged_minor: 20n });
    expect(await createReceivables(context, 'critical-illness', 'cycle-1', charges, retry_until)).toEqual({ charged: 0, already_charged: 2, charged_minor: 0n });
    expect(await balanceOf('shares_receivable:critical-illness')).toBe(20n);
    expect(await balanceOf('aid_payable:critical-illness')).toBe(20n);

    gateway.forceOutcomes('failed', 'failed');
    expect(await collectDueCharges(context)).toEqual({ requested: 2, sent: 2, unsent: 0 });
    // In flight: a second run asks for nothing.
    expect(await collectDueCharges(context)).toMatchObject({ requested: 0 });
    await deliver();
    const afterFailure = await context.store.db.selectFrom('share_charges').selectAll().orderBy('id').execute();
    expect(afterFailure.map((charge) => [charge.status, charge.attempts, charge.next_attempt_at])).toEqual([
      ['due', 1n, new Date(start + 86_400_000).toISOString()],
      ['due', 1n, new Date(start + 86_400_000).toISOString()],
    ]);
    expect(await notificationsOf(defaulter.membership_id, 'lapse_warning')).toHaveLength(1);
    expect(await collectDueCharges(context)).toMatchObject({ requested: 0 });

    context.clock.set(new Date(start + 86_400_000));
    gateway.forceOutcomes('succeeded', 'failed');
    expect(await collectDueCharges(context)).toMatchObject({ requested: 2 });
    await deliver();
    expect(await balanceOf('collection:CNY')).toBe(10n);
    expect(await balanceOf('shares_receivable:critical-illness')).toBe(10n);
    const references = await context.store.db.selectFrom('payments').select('reference').where('kind', '=', 'collection').orderBy('id').execute();
    expect(new Set(references.map((row) => row.reference)).size).toBe(4);

    context.clock.set(new Date(start + 2 * 86_400_000));
    gateway.forceOutcomes('failed');
    await collectDueCharges(context);
    await deliver();
    context.clock.set(new Date(start + 3 * 86_400_000));
    expect(await collectDueCharges(context)).toMatchObject({ requested: 0 });
    expect(await lapseUncollected(context)).toEqual({ warned: 0, written_off: 1, written_off_minor: 10n, lapsed: 1 });
    const statuses = await context.store.db.selectFrom('memberships').select(['id', 'status']).where('id', 'in', [payer.membership_id, defaulter.membership_id]).orderBy('id').execute();
    expect(statuses.map((row) => row.status)).toEqual(['waiting', 'lapsed']);
    expect(await balanceOf('shares_receivable:critical-illness')).toBe(0n);
    expect(await balanceOf('backstop:critical-illness')).toBe(10n);
    expect(await balanceOf('aid_payable:critical-illness')).toBe(20n);
    expect(await notificationsOf(defaulter.membership_id, 'membership_lapsed')).toHaveLength(1);
    await expectBooksBalance();
  });

  it('does not lapse a charge whose collection is still in flight, nor one whose member was not warned before', async () => {
    const member = await join('critical-illness');
    const start = context.clock.now().getTime();
    await createReceivables(context, 'critical-illness', 'cycle-1', [{ membership_id: member.membership_id, amount_minor: 10n }], new Date(start + 86_400_000).toISOString());
    await collectDueCharges(context);
    context.clock.set(new Date(start + 2 * 86_400_000));
    // Never warned (the attempt is still out): the final warning goes first, and the in-flight charge is kept.
    expect(await lapseUncollected(context)).toEqual({ warned: 1, written_off: 0, written_off_minor: 0n, lapsed: 0 });
    await deliver();
    const charge = await context.store.db.selectFrom('share_charges').select('status').executeTakeFirstOrThrow();
    expect(charge.status).toBe('paid');
    expect(await lapseUncollected(context)).toMatchObject({ written_off: 0, lapsed: 0 });
    await expectBooksBalance();
  });

  it('refunds the shares of a prepaid member diagnosed in the waiting period into the wallet', async () => {
    const member = await join('senior-cancer');
    const other = await join('senior-cancer');
    await topUp(member.membership_id, 1000n);
    await topUp(other.membership_id, 1000n);
    await deductShares(context, 'senior-cancer', 'c1', [
      { membership_id: member.membership_id, amount_minor: 300n },
      { membership_id: other.membership_id, amount_minor: 300n },
    ]);
    await deductShares(context, 'senior-cancer', 'c2', [{ membership_id: member.membership_id, amount_minor: 200n }]);
    await deductShares(context, 'senior-cancer', 'c3', [{ membership_id: member.membership_id, amount_minor: 900n }]);
    expect(await walletBalance(context, member.membership_id)).toBe(500n);

    expect(await diagnoseInWaitingPeriod(context, member.membership_id)).toEqual({
      membership_id: member.membership_id,
      refunded_minor: 500n,
      cancelled_minor: 900n,
      refunded_to: 'wallet',
      payout_payment_id: null,
    });
    expect(await walletBalance(context, member.membership_id)).toBe(1000n);
    expect(await balanceOf('aid_payable:senior-cancer')).toBe(300n);
    const charges = await context.store.db.selectFrom('share_charges').select('status').where('membership_id', '=', member.membership_id).execute();
    expect(charges.map((charge) => charge.status)).toEqual(['refunded', 'refunded', 'refunded']);
    expect(await codeOf(diagnoseInWaitingPeriod(context, member.membership_id))).toBe('MEMBERSHIP_BAD_TRANSITION');
    expect(await walletBalance(context, member.membership_id)).toBe(1000n);
    await requestWalletRefund(context, member.membership_id, 1000n);
    await deliver();
    expect(await walletBalance(context, member.membership_id)).toBe(0n);
    expect(await notificationsOf(member.membership_id, 'shares_refunded')).toHaveLength(1);
    await expectBooksBalance();
  });

  it('pays back the shares of a post-paid member diagnosed in the waiting period, retrying a failed payout', async () => {
    const member = await join('critical-illness');
    const start = context.clock.now().getTime();
    const retry_until = new Date(start + 10 * 86_400_000).toISOString();
    await createReceivables(context, 'critical-illness', 'c1', [{ membership_id: member.membership_id, amount_minor: 10n }], retry_until);
    await createReceivables(context, 'critical-illness', 'c2', [{ membership_id: member.membership_id, amount_minor: 7n }], retry_until);
    await collectDueCharges(context);
    await deliver();
    await createReceivables(context, 'critical-illness', 'c3', [{ membership_id: member.membership_id, amount_minor: 5n }], retry_until);
    expect(await balanceOf('collection:CNY')).toBe(17n);

    gateway.forceOutcomes('failed');
    const refund = await diagnoseInWaitingPeriod(context, member.membership_id);
    expect(refund).toMatchObject({ refunded_minor: 17n, cancelled_minor: 5n, refunded_to: 'payout' });
    expect(await balanceOf('share_refunds_in_transit:CNY')).toBe(17n);
    expect(await balanceOf('shares_receivable:critical-illness')).toBe(0n);
    expect(await balanceOf('aid_payable:critical-illness')).toBe(0n);
    await deliver();
    expect(await balanceOf('share_refunds_in_transit:CNY')).toBe(17n);
    expect(await retryFailedShareRefunds(context)).toEqual({ requested: 1, sent: 1, unsent: 0 });
    expect(await retryFailedShareRefunds(context)).toMatchObject({ requested: 0 });
    await deliver();
    expect(await balanceOf('share_refunds_in_transit:CNY')).toBe(0n);
    expect(await balanceOf('collection:CNY')).toBe(0n);
    await expectBooksBalance();
  });

  it('pays back a collection that succeeds after the member was diagnosed in the waiting period', async () => {
    const member = await join('critical-illness');
    const start = context.clock.now().getTime();
    await createReceivables(context, 'critical-illness', 'c1', [{ membership_id: member.membership_id, amount_minor: 10n }], new Date(start + 86_400_000).toISOString());
    await collectDueCharges(context);
    expect(await diagnoseInWaitingPeriod(context, member.membership_id)).toMatchObject({ refunded_minor: 0n, cancelled_minor: 10n, refunded_to: 'nothing' });
    await deliver(); // the collection succeeds: money nobody owes
    expect(await balanceOf('share_refunds_in_transit:CNY')).toBe(10n);
    await deliver(); // its refund is paid out
    expect(await balanceOf('share_refunds_in_transit:CNY')).toBe(0n);
    expect(await balanceOf('collection:CNY')).toBe(0n);
    await expectBooksBalance();
  });

  it('activated members keep paying: a lapse applies to active memberships too', async () => {
    const member = await join('senior-cancer');
    context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(context)).toBeGreaterThan(0);
    await deductShares(context, 'senior-cancer', 'c1', [{ membership_id: member.membership_id, amount_minor: 100n }]);
    expect(await codeOf(diagnoseInWaitingPeriod(context, member.membership_id))).toBe('MEMBERSHIP_BAD_TRANSITION');
    context.clock.set('2027-03-09T00:00:00.000Z');
    expect(await lapseUnpaidPrepaid(context)).toMatchObject({ written_off: 1, lapsed: 1 });
    await expectBooksBalance();
  });
});
