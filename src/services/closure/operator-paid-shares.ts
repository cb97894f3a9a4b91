import { stepIndex } from '../../core/closure/closure-rules.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import type { Db } from '../../store/schema.js';
import { accountCodes } from '../plan-accounts.js';

/**
 * Whether the operator, not the members, pays the shares of a cycle of this plan now: the
 * closure was announced with `last_cycles_paid_by: operator` (as Xiang Hu Bao paid the last
 * cases itself) and the memberships have not ended yet.
 */
export async function operatorPaysLastCycles(db: Db | Trx, plan_id: string): Promise<boolean> {
  const closure = await db.selectFrom('plan_closures').select(['last_cycles_paid_by', 'step']).where('plan_id', '=', plan_id).executeTakeFirst();
  return closure !== undefined && closure.last_cycles_paid_by === 'operator' && stepIndex(closure.step) < stepIndex('finalised');
}

/**
 * The cycle's shares paid from the operator's own account instead of charging the members: the
 * operator puts `amount_minor` (the shares' total, or all of a closing cycle's total, which has no
 * member: core/cycles/closing-cycle.ts) into the plan's bank account, where it is owed onward as
 * aid, and books it as its expense, in one balanced transfer (debit cash, credit aid payable; debit
 * backstop, credit operator equity). No member is charged, so there is no receivable and no
 * deduction. Keyed by the cycle: the charge step run again posts nothing new.
 */
export async function chargeSharesToOperatorIn(
  trx: Trx,
  cycle: { readonly cycle_code: string; readonly plan_id: string; readonly currency: string },
  amount_minor: bigint,
  cash_account_code: string,
  now: string,
): Promise<void> {
  if (amount_minor === 0n) return;
  await postTransfersIn(
    trx,
    [
      {
        idempotency_key: `cycle:${cycle.cycle_code}:operator_shares`,
        kind: 'closure_operator_shares',
        description: `Shares of cycle ${cycle.cycle_code} paid by the operator (plan closing)`,
        currency: cycle.currency,
        metadata: { plan_id: cycle.plan_id, cycle_id: cycle.cycle_code },
        legs: [
          { account_code: cash_account_code, side: 'debit', amount_minor },
          { account_code: accountCodes.aidPayable(cycle.plan_id), side: 'credit', amount_minor },
          { account_code: accountCodes.backstop(cycle.plan_id), side: 'debit', amount_minor },
          { account_code: accountCodes.operatorEquity(cycle.currency), side: 'credit', amount_minor },
        ],
      },
    ],
    now,
  );
}
