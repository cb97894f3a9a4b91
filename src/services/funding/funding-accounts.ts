import type { AccountDefinition } from '../../ledger/account.js';
import { openAccountsIn, type Trx } from '../../ledger/ledger.js';

/**
 * Accounts that only funding needs, next to those of plan-accounts.ts. Money being paid out sits
 * in an in-transit liability until the provider confirms it, one per source bank account, so
 * each bank account's reconciliation (custody-reconciliation.ts) stays exact while a payout is open.
 */
export const fundingAccountCodes = {
  /** Wallet refunds asked for and not yet confirmed; still in custody, no longer in the wallet. */
  walletRefundsInTransit: (currency: string) => `wallet_refunds_in_transit:${currency}`,
  /** Share refunds (waiting-period diagnosis, late collections) not yet confirmed; still in the collection account. */
  shareRefundsInTransit: (currency: string) => `share_refunds_in_transit:${currency}`,
} as const;

export function inTransitAccounts(currency: string): AccountDefinition[] {
  return [
    { code: fundingAccountCodes.walletRefundsInTransit(currency), name: `Wallet refunds in transit (${currency})`, type: 'liability', currency, guard: 'non_negative' },
    { code: fundingAccountCodes.shareRefundsInTransit(currency), name: `Share refunds in transit (${currency})`, type: 'liability', currency, guard: 'non_negative' },
  ];
}

/** Opened on first use (there is no per-currency setup step of our own); an existing account is kept. */
export async function openInTransitAccountsIn(trx: Trx, currency: string, at: string): Promise<void> {
  await openAccountsIn(trx, inTransitAccounts(currency), at);
}
