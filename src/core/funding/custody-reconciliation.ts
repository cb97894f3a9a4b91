/**
 * The invariants that make prepaid money safe to hold and post-paid money traceable, checked over
 * ledger balances (each on its account's normal side). Pure: the caller reads the balances.
 *
 * Custody (the segregated bank account) with the shares prepaid members still owe (deducted
 * shares their wallets could not pay, owed as aid all the same) holds exactly what is owed out of it:
 *   custody + Σ shares_receivable of prepaid plans = Σ wallets + Σ over prepaid plans (aid payable +
 *             fee payable + operator advances + aid payouts in transit) + wallet refunds in transit.
 * Collection (the post-paid bank account) with what members still owe covers what is owed out of it:
 *   collection + Σ shares_receivable of post-paid plans = Σ over post-paid plans (aid payable + fee
 *             payable + operator advances + aid payouts in transit) + share refunds in transit.
 * Aid paid out leaves both sides at once (the bank account and the aid in transit), and an
 * operator advance enters both (the bank account and the advance owed back), so neither moves
 * the difference.
 */
export interface FundingBalances {
  readonly currency: string;
  readonly custody_minor: bigint;
  readonly prepaid_receivable_minor: bigint;
  readonly wallets_minor: bigint;
  readonly prepaid_aid_payable_minor: bigint;
  readonly prepaid_fee_payable_minor: bigint;
  readonly prepaid_operator_advances_minor: bigint;
  readonly prepaid_aid_in_transit_minor: bigint;
  readonly wallet_refunds_in_transit_minor: bigint;
  readonly collection_minor: bigint;
  readonly post_paid_receivable_minor: bigint;
  readonly post_paid_aid_payable_minor: bigint;
  readonly post_paid_fee_payable_minor: bigint;
  readonly post_paid_operator_advances_minor: bigint;
  readonly post_paid_aid_in_transit_minor: bigint;
  readonly share_refunds_in_transit_minor: bigint;
}

export interface FundingReconciliation {
  readonly currency: string;
  readonly ok: boolean;
  /** (custody + prepaid receivables) − (wallets + prepaid plans' payables, advances and aid in transit + wallet refunds in transit); zero when reconciled. */
  readonly custody_difference_minor: bigint;
  /** (collection + receivables) − (post-paid plans' payables, advances and aid in transit + share refunds in transit); zero when reconciled. */
  readonly collection_difference_minor: bigint;
}

export function reconcileFunding(balances: FundingBalances): FundingReconciliation {
  const custody_difference_minor =
    balances.custody_minor +
    balances.prepaid_receivable_minor -
    (balances.wallets_minor +
      balances.prepaid_aid_payable_minor +
      balances.prepaid_fee_payable_minor +
      balances.prepaid_operator_advances_minor +
      balances.prepaid_aid_in_transit_minor +
      balances.wallet_refunds_in_transit_minor);
  const collection_difference_minor =
    balances.collection_minor +
    balances.post_paid_receivable_minor -
    (balances.post_paid_aid_payable_minor +
      balances.post_paid_fee_payable_minor +
      balances.post_paid_operator_advances_minor +
      balances.post_paid_aid_in_transit_minor +
      balances.share_refunds_in_transit_minor);
  return {
    currency: balances.currency,
    ok: custody_difference_minor === 0n && collection_difference_minor === 0n,
    custody_difference_minor,
    collection_difference_minor,
  };
}
