import { reconcileFunding, type FundingBalances, type FundingReconciliation } from '../../core/funding/custody-reconciliation.js';
import type { Store } from '../../store/store.js';
import { accountCodes } from '../plan-accounts.js';
import { payoutAccountCodes } from '../payouts/payout-accounts.js';
import { fundingAccountCodes } from './funding-accounts.js';
import { getPlanIn } from './plan-in.js';
import { balancesIn, netDebitOfPrefix } from '../../ledger/ledger-reads.js';

export interface FundingReport extends FundingReconciliation {
  readonly balances: FundingBalances;
  /** Plans whose versions use both funding models: their aid payable cannot be split by bank account. */
  readonly mixed_funding_plans: readonly string[];
}

/** A plan's accounts that are owed out of its bank account (a missing account reads as 0). */
function owedOutOfCash(plan_id: string): string[] {
  return [accountCodes.aidPayable(plan_id), accountCodes.feePayable(plan_id), accountCodes.operatorAdvances(plan_id), payoutAccountCodes.aidInTransit(plan_id)];
}

/**
 * Reads the balances behind custody-reconciliation.ts for every currency in use, with set-based
 * sums (the wallets are summed in SQL, never loaded one by one), and checks them.
 */
export async function reconcileFundingAccounts(store: Store): Promise<FundingReport[]> {
  const plans = await Promise.all((await store.db.selectFrom('plans').select('id').orderBy('id').execute()).map((row) => getPlanIn(store.db, row.id)));
  const currencies = [...new Set(plans.map((plan) => plan.currency))].sort();
  const reports: FundingReport[] = [];
  for (const currency of currencies) {
    const inCurrency = plans.filter((plan) => plan.currency === currency);
    const mixed_funding_plans = inCurrency.filter((plan) => new Set(plan.versions.map((version) => version.rules.funding.model)).size > 1).map((plan) => plan.id);
    const prepaid = inCurrency.filter((plan) => plan.versions[0]?.rules.funding.model === 'prepaid').map((plan) => plan.id);
    const postPaid = inCurrency.filter((plan) => plan.versions[0]?.rules.funding.model === 'post_paid').map((plan) => plan.id);
    const codes = [
      accountCodes.custody(currency),
      accountCodes.collection(currency),
      fundingAccountCodes.walletRefundsInTransit(currency),
      fundingAccountCodes.shareRefundsInTransit(currency),
      ...[...prepaid, ...postPaid].flatMap((id) => owedOutOfCash(id)),
      ...[...prepaid, ...postPaid].map((id) => accountCodes.sharesReceivable(id)),
    ];
    const balances = await balancesIn(store.db, codes);
    const sum = (list: readonly string[]) => list.reduce((total, code) => total + (balances.get(code) ?? 0n), 0n);
    // Wallets are liabilities: their balance is credits − debits.
    const wallets_net_debit_minor = await netDebitOfPrefix(store.db, 'wallet:', currency);
    const figures: FundingBalances = {
      currency,
      custody_minor: balances.get(accountCodes.custody(currency)) ?? 0n,
      prepaid_receivable_minor: sum(prepaid.map((id) => accountCodes.sharesReceivable(id))),
      wallets_minor: -wallets_net_debit_minor,
      prepaid_aid_payable_minor: sum(prepaid.map((id) => accountCodes.aidPayable(id))),
      prepaid_fee_payable_minor: sum(prepaid.map((id) => accountCodes.feePayable(id))),
      prepaid_operator_advances_minor: sum(prepaid.map((id) => accountCodes.operatorAdvances(id))),
      prepaid_aid_in_transit_minor: sum(prepaid.map((id) => payoutAccountCodes.aidInTransit(id))),
      wallet_refunds_in_transit_minor: balances.get(fundingAccountCodes.walletRefundsInTransit(currency)) ?? 0n,
      collection_minor: balances.get(accountCodes.collection(currency)) ?? 0n,
      post_paid_receivable_minor: sum(postPaid.map((id) => accountCodes.sharesReceivable(id))),
      post_paid_aid_payable_minor: sum(postPaid.map((id) => accountCodes.aidPayable(id))),
      post_paid_fee_payable_minor: sum(postPaid.map((id) => accountCodes.feePayable(id))),
      post_paid_operator_advances_minor: sum(postPaid.map((id) => accountCodes.operatorAdvances(id))),
      post_paid_aid_in_transit_minor: sum(postPaid.map((id) => payoutAccountCodes.aidInTransit(id))),
      share_refunds_in_transit_minor: balances.get(fundingAccountCodes.shareRefundsInTransit(currency)) ?? 0n,
    };
    const reconciliation = reconcileFunding(figures);
    reports.push({ ...reconciliation, ok: reconciliation.ok && mixed_funding_plans.length === 0, balances: figures, mixed_funding_plans });
  }
  return reports;
}
