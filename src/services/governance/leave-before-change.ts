import { createHash } from 'node:crypto';
import { leaveWindowOpen } from '../../core/governance/proposal-lifecycle.js';
import { liveStates } from '../../core/members/membership-lifecycle.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ServiceContext } from '../context.js';
import { requestWalletRefund } from '../funding/wallet-refunds.js';
import { walletBalance } from '../funding/wallet-balances.js';
import { applyMembershipEventIn } from '../membership-status.js';
import { keyedPaymentReference } from '../payments/payment-references.js';
import { governanceRejection } from './governance-rejections.js';
import { getProposalRowIn } from './proposal-rows.js';

export interface Leave {
  readonly proposal_id: bigint;
  readonly membership_id: bigint;
  readonly left_at: string;
  /** The whole wallet at leaving, paid back through the refund path (0 for post-paid or an empty wallet). */
  readonly refund_minor: bigint;
  readonly refund_reference: string | null;
}

/** The refund's request key: one per proposal and membership, so a repeated leave asks for no second payment. */
function leaveRefundKey(proposal_id: bigint, membership_id: bigint): string {
  return createHash('sha256').update(`governance_leave|${proposal_id}|${membership_id}`, 'utf8').digest('hex');
}

/**
 * A member who does not accept a passed change leaves before it takes effect: the membership is
 * withdrawn (no exit fee: Huzhu has none) and the whole wallet goes back through the ordinary
 * refund path. Idempotent: a repeated leave returns the first (and asks for the refund if a crash
 * came between the withdrawal and the request). After the change took effect the right is gone;
 * while a top-up of the wallet is still with the provider the leave waits (GOV_LEAVE_PAYMENTS_PENDING).
 */
export async function leaveBeforeChange(context: ServiceContext, proposal_id: bigint, user_id: bigint, options: { membership_id?: bigint } = {}): Promise<Leave> {
  const proposal = await getProposalRowIn(context.store.db, proposal_id);
  const at = context.clock.now().toISOString();
  const mine = await context.store.db
    .selectFrom('memberships')
    .leftJoin('proposal_leaves', (join) => join.onRef('proposal_leaves.membership_id', '=', 'memberships.id').on('proposal_leaves.proposal_id', '=', proposal_id))
    .select(['memberships.id', 'memberships.status', 'memberships.funding_model', 'proposal_leaves.left_at'])
    .where('memberships.payer_user_id', '=', user_id)
    .where('memberships.plan_id', '=', proposal.plan_id)
    .$if(options.membership_id !== undefined, (query) => query.where('memberships.id', '=', options.membership_id!))
    .execute();
  const already = mine.find((row) => row.left_at !== null);
  if (already !== undefined) return ensureLeaveRefund(context, proposal_id, already.id, already.funding_model);
  if (proposal.status === 'draft') governanceRejection('GOV_NOT_FOUND', `No proposal ${proposal_id} open to members.`);
  if (!leaveWindowOpen(proposal.status, proposal.effective_at, at)) {
    if (proposal.status === 'passed' || proposal.status === 'in_effect') {
      governanceRejection('GOV_LEAVE_WINDOW_CLOSED', `The change took effect at ${proposal.effective_at}; leaving with a full refund was possible until then.`, { effective_at: proposal.effective_at });
    }
    governanceRejection('GOV_LEAVE_NOT_OPEN', 'Members may leave with a full refund only once a change has passed, until it takes effect.', { status: proposal.status });
  }
  const live = mine.filter((row) => (liveStates as readonly string[]).includes(row.status));
  const chosen = live[0];
  if (chosen === undefined) governanceRejection('GOV_NOT_A_MEMBER', 'You pay for no live membership of this plan.');
  if (live.length > 1) governanceRejection('GOV_MEMBERSHIP_REQUIRED', 'membership_id: you pay for more than one member of this plan; say which one leaves.', { field: 'membership_id' });
  try {
    await context.store.db.transaction().execute(async (trx) => {
      // A top-up still at the provider would reach the wallet after the refund of "all of it" was
      // asked for. Under the ledger lock, as top-ups are requested, so none starts beside this check.
      await lockLedgerIn(trx);
      const pending = await trx
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll<string | number | bigint>().as('pending_count'))
        .where('membership_id', '=', chosen.id)
        .where('kind', '=', 'top_up')
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (Number(pending.pending_count) > 0) {
        governanceRejection('GOV_LEAVE_PAYMENTS_PENDING', 'A top-up of this wallet is still with the payment provider; leave once its outcome has arrived, so the whole wallet is refunded.', {
          membership_id: chosen.id.toString(),
          pending_top_ups: Number(pending.pending_count),
        });
      }
      await trx.insertInto('proposal_leaves').values({ proposal_id, membership_id: chosen.id, left_at: at, refund_reference: null, refund_minor: 0n }).execute();
      await applyMembershipEventIn(trx, chosen.id, 'member_withdrew', `Left before the change of proposal ${proposal_id} took effect`, 'member', at);
    });
  } catch (error) {
    // A second leave racing the first: the first's row stands.
    if (!isUniqueViolation(error)) throw error;
  }
  return ensureLeaveRefund(context, proposal_id, chosen.id, chosen.funding_model);
}

async function ensureLeaveRefund(context: ServiceContext, proposal_id: bigint, membership_id: bigint, funding_model: 'post_paid' | 'prepaid'): Promise<Leave> {
  const db = context.store.db;
  const row = await db.selectFrom('proposal_leaves').selectAll().where('proposal_id', '=', proposal_id).where('membership_id', '=', membership_id).executeTakeFirstOrThrow();
  if (funding_model !== 'prepaid' || row.refund_reference !== null) return row;
  const key = leaveRefundKey(proposal_id, membership_id);
  const reference = keyedPaymentReference('wallet_refund', membership_id, key);
  const asked = await db.selectFrom('payments').select('amount_minor').where('reference', '=', reference).executeTakeFirst();
  let refund_minor = asked?.amount_minor ?? 0n;
  if (asked === undefined) {
    // The membership is withdrawn, so no deduction can take from the wallet any more: this is all of it.
    refund_minor = await walletBalance(context, membership_id);
    if (refund_minor === 0n) return row;
    await requestWalletRefund(context, membership_id, refund_minor, { request_key_hex: key });
  }
  return db
    .updateTable('proposal_leaves')
    .set({ refund_reference: reference, refund_minor })
    .where('proposal_id', '=', proposal_id)
    .where('membership_id', '=', membership_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
