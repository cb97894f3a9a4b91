import { totalMinor } from '../../core/funding/wallet-deductions.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import type { TransferInput } from '../../ledger/transfer.js';
import type { ServiceContext } from '../context.js';
import { applyMembershipEventIn } from '../membership-status.js';
import { queueNotifications, type NotificationInput } from '../notifications/outbox.js';
import { accountCodes } from '../plan-accounts.js';
import { finalLapseWarning, lapsedNotice } from './funding-notifications.js';
import { addDays } from './funding-time.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { clearUnpaidIfSettled } from './membership-flags.js';
import { batchKey } from './share-charge-input.js';

export interface LapseSummary {
  /** Charges whose member got the final warning in this run. */
  readonly warned: number;
  readonly written_off: number;
  readonly written_off_minor: bigint;
  /** Memberships lapsed in this run. */
  readonly lapsed: number;
}

/** The final warning goes out this many days before a charge's deadline (or at once, if later). */
export const finalWarningDays = 1;
const batchSize = 200;

/**
 * Prepaid: memberships with a share still unpaid `grace_days` after its deduction (the charge's
 * retry_until) lapse, and those shares are written off. See writeOffTransfers for the postings.
 */
export async function lapseUnpaidPrepaid(context: ServiceContext, options: { max_charges?: number } = {}): Promise<LapseSummary> {
  return lapseOverdue(context, 'prepaid', options.max_charges ?? 10_000);
}

/** Post-paid: memberships with a share still uncollected at its retry_until lapse, and the share is written off. */
export async function lapseUncollected(context: ServiceContext, options: { max_charges?: number } = {}): Promise<LapseSummary> {
  return lapseOverdue(context, 'post_paid', options.max_charges ?? 10_000);
}

/**
 * In bounded batches, each its own transaction: first warns members of due charges whose
 * deadline is within a day and who were not warned yet; then writes off the due charges past
 * their deadline whose member was warned before this run (never lapse anyone without a warning
 * first), skipping post-paid charges whose collection is still in flight, and lapses the live
 * memberships they belong to.
 */
async function lapseOverdue(context: ServiceContext, funding_model: 'prepaid' | 'post_paid', max_charges: number): Promise<LapseSummary> {
  const now = context.clock.now().toISOString();
  let summary: LapseSummary = { warned: 0, written_off: 0, written_off_minor: 0n, lapsed: 0 };
  // Each batch handles at least one charge or ends the loop, so this bounds the work.
  for (let handled = 0; handled < max_charges; ) {
    const result = await context.store.db.transaction().execute((trx) => lapseBatch(trx, funding_model, now));
    summary = {
      warned: summary.warned + result.warned,
      written_off: summary.written_off + result.written_off,
      written_off_minor: summary.written_off_minor + result.written_off_minor,
      lapsed: summary.lapsed + result.lapsed,
    };
    handled += result.warned + result.written_off;
    if (result.warned < batchSize && result.written_off < batchSize) break;
  }
  return summary;
}

async function lapseBatch(trx: Trx, funding_model: 'prepaid' | 'post_paid', now: string): Promise<LapseSummary> {
  await lockLedgerIn(trx);
  const notifications: NotificationInput[] = [];

  const toWarn = await trx
    .selectFrom('share_charges as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .select(['c.id', 'c.amount_minor', 'c.retry_until', 'p.currency', 'm.id as membership_id', 'm.payer_user_id', 'm.member_code'])
    .where('c.status', '=', 'due')
    .where('m.funding_model', '=', funding_model)
    .where('c.warned_at', 'is', null)
    .where('c.retry_until', '<=', addDays(now, finalWarningDays))
    .orderBy('c.id')
    .limit(batchSize)
    .execute();
  if (toWarn.length > 0) {
    await trx.updateTable('share_charges').set({ warned_at: now }).where('id', 'in', toWarn.map((charge) => charge.id)).execute();
    for (const charge of toWarn) {
      notifications.push(finalLapseWarning({ id: charge.membership_id, payer_user_id: charge.payer_user_id, member_code: charge.member_code }, charge.id, charge.amount_minor, charge.currency, charge.retry_until));
    }
  }

  const overdue = await trx
    .selectFrom('share_charges as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .select(['c.id', 'c.membership_id', 'c.plan_id', 'c.amount_minor', 'p.currency'])
    .where('c.status', '=', 'due')
    .where('m.funding_model', '=', funding_model)
    .where('c.retry_until', '<=', now)
    .where('c.warned_at', '<', now)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payments').select('payments.id').whereRef('payments.share_charge_id', '=', 'c.id').where('payments.status', '=', 'pending'))),
    )
    .orderBy('c.id')
    .limit(batchSize)
    .execute();
  let lapsed = 0;
  if (overdue.length > 0) {
    await trx.updateTable('share_charges').set({ status: 'written_off' }).where('id', 'in', overdue.map((charge) => charge.id)).execute();
    const byPlan = new Map<string, typeof overdue>();
    for (const charge of overdue) byPlan.set(charge.plan_id, [...(byPlan.get(charge.plan_id) ?? []), charge]);
    await postTransfersIn(trx, [...byPlan.values()].flatMap((charges) => writeOffTransfers(funding_model, charges)), now);

    const membership_ids = [...new Set(overdue.map((charge) => charge.membership_id))];
    // Locks the rows and reads their current status, so a membership that changed meanwhile is not transitioned twice.
    const memberships = await trx
      .updateTable('memberships')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('id', 'in', membership_ids)
      .returning(['id', 'status', 'payer_user_id', 'member_code'])
      .execute();
    for (const membership of memberships.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (membership.status !== 'waiting' && membership.status !== 'active') continue;
      await applyMembershipEventIn(trx, membership.id, 'payment_lapsed', 'A share was not paid by its deadline', 'system', now);
      notifications.push(lapsedNotice(membership));
      lapsed += 1;
    }
    await clearUnpaidIfSettled(trx, membership_ids);
  }
  await queueNotifications(trx, notifications, now);
  return { warned: toWarn.length, written_off: overdue.length, written_off_minor: totalMinor(overdue), lapsed };
}

/**
 * A share the member did not pay is borne by the operator, and the aid it was for is still owed
 * in full. So the write-off books the operator's expense against what the share stood for:
 *  - aid payable holds the share already, against the receivable (post-paid shares are booked so
 *    when charged, prepaid ones when the wallet could not pay them), so debit backstop, credit
 *    shares receivable (the member no longer owes it; the aid is still owed whole).
 *  - and the operator funds it at once from its own money into the bank account the aid is paid
 *    from: debit custody (prepaid) or collection (post-paid), credit operator equity. The bank
 *    transfer is the operator's to make the same day; reconciling the account against its
 *    statement shows it if it is missing. This keeps custody = wallets + prepaid aid payable +
 *    refunds in transit exact, with no unfunded aid hidden in it.
 */
function writeOffTransfers(
  funding_model: 'prepaid' | 'post_paid',
  charges: ReadonlyArray<{ id: bigint; plan_id: string; amount_minor: bigint; currency: string }>,
): TransferInput[] {
  const first = charges[0]!;
  const { plan_id, currency } = first;
  const amount_minor = totalMinor(charges);
  const ids = charges.map((charge) => charge.id);
  const metadata = { plan_id, charges: String(charges.length) };
  return [
    {
      idempotency_key: batchKey(`write_off:${plan_id}`, ids),
      kind: 'share_written_off',
      description: `${charges.length} unpaid shares borne by the operator`,
      currency,
      metadata,
      legs: [
        { account_code: accountCodes.backstop(plan_id), side: 'debit', amount_minor },
        { account_code: accountCodes.sharesReceivable(plan_id), side: 'credit', amount_minor },
      ],
    },
    {
      idempotency_key: batchKey(`backstop_funding:${plan_id}`, ids),
      kind: 'backstop_funding',
      description: `Operator funds ${charges.length} unpaid shares`,
      currency,
      metadata,
      legs: [
        { account_code: funding_model === 'prepaid' ? accountCodes.custody(currency) : accountCodes.collection(currency), side: 'debit', amount_minor },
        { account_code: accountCodes.operatorEquity(currency), side: 'credit', amount_minor },
      ],
    },
  ];
}
