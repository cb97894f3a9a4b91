import type { Kysely } from 'kysely';
import type { AccountDefinition } from '../../ledger/account.js';
import { openAccountsIn, type Trx } from '../../ledger/ledger.js';
import type { Database } from '../../store/schema.js';
import { balancesIn } from '../../ledger/ledger-reads.js';
import { accountCodes, ensurePlanAccountsIn } from '../plan-accounts.js';
import { findPlanIn, type Plan } from '../plans.js';
import { payoutRejection, type PayoutRejectionCode } from './payout-rejections.js';

/**
 * Aid on its way to a patient: taken out of the plan's aid payable when the payout is sent, so the
 * same money cannot be sent twice or spent by anything else, and still in the plan's bank account
 * until the provider confirms. One per plan, so each bank account's reconciliation stays exact.
 */
export const payoutAccountCodes = {
  aidInTransit: (plan_id: string) => `aid_payouts_in_transit:${plan_id}`,
} as const;

export function payoutAccounts(plan_id: string, currency: string): AccountDefinition[] {
  return [{ code: payoutAccountCodes.aidInTransit(plan_id), name: `Aid payouts in transit: ${plan_id}`, type: 'liability', currency, guard: 'non_negative' }];
}

/** Every account payouts and advances touch, opened on first use (plans created before 0007 lack some). */
export async function openPayoutAccountsIn(trx: Trx, plan_id: string, currency: string, at: string): Promise<void> {
  await ensurePlanAccountsIn(trx, plan_id, currency, at);
  await openAccountsIn(trx, payoutAccounts(plan_id, currency), at);
}

export interface PlanFunding {
  readonly plan: Plan;
  readonly model: 'post_paid' | 'prepaid';
  /** The bank account the plan's money sits in: collection for post-paid plans, custody for prepaid ones. */
  readonly cash_account: string;
}

/** A plan keeps its funding model for life (plans.ts); a plan whose versions mix them has no single cash account. */
export async function planFundingIn(db: Kysely<Database>, plan_id: string, unknown_code: PayoutRejectionCode = 'PAYOUT_UNKNOWN_PLAN'): Promise<PlanFunding> {
  const plan = await findPlanIn(db, plan_id);
  if (plan === undefined) payoutRejection(unknown_code, `No plan ${plan_id}.`, { plan_id });
  const models = new Set(plan.versions.map((version) => version.rules.funding.model));
  const model = plan.versions[0]?.rules.funding.model;
  if (model === undefined || models.size !== 1) payoutRejection('PAYOUT_MIXED_FUNDING', `Plan ${plan_id} has no single funding model.`, { plan_id });
  return { plan, model, cash_account: model === 'prepaid' ? accountCodes.custody(plan.currency) : accountCodes.collection(plan.currency) };
}

export interface PlanCash {
  /** Aid payable: charged to members (collected or not), owed as aid and not yet sent. */
  readonly aid_payable_minor: bigint;
  readonly shares_receivable_minor: bigint;
  readonly operator_advances_minor: bigint;
  /**
   * What the plan can pay aid with now: aid payable − shares not yet collected + operator advances.
   * Payouts in flight are already out of aid payable (into aid payouts in transit).
   */
  readonly available_minor: bigint;
}

/** The plan's cash position; read after lockLedgerIn, it cannot change before the transaction ends. */
export async function planCashIn(db: Kysely<Database>, plan_id: string): Promise<PlanCash> {
  const codes = { aid: accountCodes.aidPayable(plan_id), receivable: accountCodes.sharesReceivable(plan_id), advances: accountCodes.operatorAdvances(plan_id) };
  const balances = await balancesIn(db, Object.values(codes));
  const aid_payable_minor = balances.get(codes.aid) ?? 0n;
  const shares_receivable_minor = balances.get(codes.receivable) ?? 0n;
  const operator_advances_minor = balances.get(codes.advances) ?? 0n;
  return { aid_payable_minor, shares_receivable_minor, operator_advances_minor, available_minor: aid_payable_minor - shares_receivable_minor + operator_advances_minor };
}
