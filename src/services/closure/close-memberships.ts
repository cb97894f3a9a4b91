import { sql } from 'kysely';
import { closureIsDue, stepIndex } from '../../core/closure/closure-rules.js';
import { calendarDateOf } from '../../core/members/age.js';
import type { Trx } from '../../ledger/ledger.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import type { ServiceContext } from '../context.js';
import { closureRejection, lockClosureIn, type ClosureRow } from './closure-rows.js';

/** The plan's memberships' top-ups and wallet refunds still waiting for the provider's outcome. */
async function pendingWalletPaymentsIn(trx: Trx, plan_id: string): Promise<number> {
  const row = await trx
    .selectFrom('payments as p')
    .innerJoin('memberships as m', 'm.id', 'p.membership_id')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('pending_count'))
    .where('p.status', '=', 'pending')
    .where('p.kind', 'in', ['top_up', 'wallet_refund'])
    .where('m.plan_id', '=', plan_id)
    .executeTakeFirstOrThrow();
  return Number(row.pending_count);
}

/**
 * The closure date's step: the wallet balance of every membership of the plan is recorded as its
 * wallet at closure (live memberships, and ended ones whose wallet still holds money: the wallet
 * is the member's money), the live memberships end ("plan_closed", no share refund) and the plan
 * stops taking anyone. Refused (CLOSURE_PAYMENTS_PENDING) while a top-up or wallet refund of the
 * plan's memberships is still with the provider. Three set-based statements under the ledger lock, so no posting moves a
 * wallet between the snapshot and the end of cover. Run again, it does nothing.
 */
export async function closeMemberships(context: ServiceContext, plan_id: string): Promise<ClosureRow> {
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    const closure = await lockClosureIn(trx, plan_id);
    if (stepIndex(closure.step) > stepIndex('announced')) return closure;
    if (!closureIsDue(closure.closure_date, calendarDateOf(now))) {
      closureRejection('CLOSURE_NOT_DUE', `The plan closes on ${closure.closure_date}; its memberships end then, not before.`, { plan_id, closure_date: closure.closure_date });
    }
    // A top-up or wallet refund still with the provider would settle after the snapshot: money in
    // a wallet with no line of the report, or a refund's failure returning it there. The close
    // waits for their outcome; new top-ups are refused from the closure date on (top-ups.ts), and
    // both take the ledger lock held here, so none starts between this count and the snapshot.
    const pending_payments = await pendingWalletPaymentsIn(trx, plan_id);
    if (pending_payments > 0) {
      closureRejection(
        'CLOSURE_PAYMENTS_PENDING',
        `${pending_payments} top-ups or wallet refunds of the plan are still with the payment provider; the wallets are recorded once their outcome is in.`,
        { plan_id, pending_payments },
      );
    }
    // A wallet is a liability: its balance is minus its net debit.
    await sql`
      insert into plan_closure_members (plan_id, membership_id, member_code, wallet_at_closure_minor, refunded_minor, unclaimed_minor, refund_attempts, refund_state)
      select m.plan_id, m.id, m.member_code, coalesce(0 - a.net_debit_minor, 0), 0, 0, 0,
        case when coalesce(0 - a.net_debit_minor, 0) > 0 then 'due' else 'none' end
      from memberships m
      left join ledger_accounts a on a.code = 'wallet:' || m.member_code
      where m.plan_id = ${plan_id} and (m.status in ('waiting', 'active') or coalesce(0 - a.net_debit_minor, 0) > 0)
      order by m.id
      on conflict (membership_id) do nothing`.execute(trx);
    await sql`
      insert into membership_events (membership_id, event, from_status, to_status, reason, actor, at)
      select m.id, 'plan_closed', m.status, 'ended', cast(${`The plan closed on ${closure.closure_date}`} as text), 'system', cast(${now} as text)
      from memberships m
      where m.plan_id = ${plan_id} and m.status in ('waiting', 'active')
      order by m.id`.execute(trx);
    await trx
      .updateTable('memberships')
      .set({ status: 'ended', status_changed_at: now })
      .where('plan_id', '=', plan_id)
      .where('status', 'in', ['waiting', 'active'])
      .execute();
    await trx.updateTable('plans').set({ status: 'closed' }).where('id', '=', plan_id).execute();
    return trx.updateTable('plan_closures').set({ step: 'closed', closed_at: now }).where('plan_id', '=', plan_id).returningAll().executeTakeFirstOrThrow();
  });
}
