import { countOfPrefix } from '../../ledger/ledger-reads.js';
import type { Store } from '../../store/store.js';
import { accountCodes } from '../plan-accounts.js';
import { reconcileFundingAccounts } from './funding-reconciliation.js';

export interface CustodySummary {
  readonly currency: string;
  /** The segregated custody account: `custody:<currency>` (plan-accounts.ts). */
  readonly custody_account_code: string;
  readonly custody_minor: bigint;
  /** Σ of every prepaid wallet (`wallet:<member_code>`) in the currency. */
  readonly wallets_minor: bigint;
  readonly wallet_count: bigint;
  /** Shares deducted from prepaid wallets that could not pay them: still owed, already owed onward as aid. */
  readonly prepaid_receivable_minor: bigint;
  /** What the prepaid plans owe out of custody besides the wallets: aid and fee payable, operator advances, aid in transit. */
  readonly prepaid_payables_minor: bigint;
  readonly wallet_refunds_in_transit_minor: bigint;
  /** (custody + receivable) − (wallets + payables + refunds in transit): zero when custody holds exactly what it owes. */
  readonly difference_minor: bigint;
  readonly ok: boolean;
}

/**
 * Custody against the wallets, per currency, from the funding reconciliation's set-based sums
 * (custody-reconciliation.ts). Custody holds more than the wallets as soon as shares are deducted
 * and not yet paid out (that money is owed as aid, no longer a member's), so the figures show
 * each term of the identity, and the difference is the identity's, not custody − wallets.
 */
export async function custodySummaries(store: Store): Promise<CustodySummary[]> {
  const reports = await reconcileFundingAccounts(store);
  const summaries: CustodySummary[] = [];
  for (const report of reports) {
    const balances = report.balances;
    summaries.push({
      currency: report.currency,
      custody_account_code: accountCodes.custody(report.currency),
      custody_minor: balances.custody_minor,
      wallets_minor: balances.wallets_minor,
      wallet_count: await countOfPrefix(store.db, 'wallet:', report.currency),
      prepaid_receivable_minor: balances.prepaid_receivable_minor,
      prepaid_payables_minor:
        balances.prepaid_aid_payable_minor +
        balances.prepaid_fee_payable_minor +
        balances.prepaid_operator_advances_minor +
        balances.prepaid_aid_in_transit_minor,
      wallet_refunds_in_transit_minor: balances.wallet_refunds_in_transit_minor,
      difference_minor: report.custody_difference_minor,
      ok: report.custody_difference_minor === 0n,
    });
  }
  return summaries;
}
