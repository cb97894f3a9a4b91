import type { AccountDefinition } from '../ledger/account.js';

/**
 * Ledger accounts the plans and members use. Prepaid money sits in the segregated custody
 * account (an asset) against the members' wallets (liabilities); post-paid shares are
 * receivables until collected into the collection account.
 */
export const accountCodes = {
  /** Segregated custody bank account holding prepaid wallet money and what was deducted from it. */
  custody: (currency: string) => `custody:${currency}`,
  /** Bank account receiving post-paid collections. */
  collection: (currency: string) => `collection:${currency}`,
  /** The operator's own money (advances, backstop funding). */
  operatorEquity: (currency: string) => `operator_equity:${currency}`,
  /** A member's prepaid wallet. */
  wallet: (member_code: string) => `wallet:${member_code}`,
  /** Shares owed by post-paid members and not yet collected. */
  sharesReceivable: (plan_id: string) => `shares_receivable:${plan_id}`,
  /** Shares charged to members and owed onward as aid (and fee): "unallocated cash" until paid out. */
  aidPayable: (plan_id: string) => `aid_payable:${plan_id}`,
  /** What the operator bears: caps held back, shares that could not be collected. */
  backstop: (plan_id: string) => `backstop:${plan_id}`,
} as const;

export function currencyAccounts(currency: string): AccountDefinition[] {
  return [
    { code: accountCodes.custody(currency), name: `Custody account (${currency})`, type: 'asset', currency, guard: 'non_negative' },
    { code: accountCodes.collection(currency), name: `Collection account (${currency})`, type: 'asset', currency, guard: 'non_negative' },
    { code: accountCodes.operatorEquity(currency), name: `Operator equity (${currency})`, type: 'equity', currency, guard: 'none' },
  ];
}

export function planAccounts(plan_id: string, currency: string): AccountDefinition[] {
  return [
    { code: accountCodes.sharesReceivable(plan_id), name: `Shares receivable: ${plan_id}`, type: 'asset', currency, guard: 'non_negative' },
    { code: accountCodes.aidPayable(plan_id), name: `Aid payable: ${plan_id}`, type: 'liability', currency, guard: 'non_negative' },
    { code: accountCodes.backstop(plan_id), name: `Operator backstop: ${plan_id}`, type: 'expense', currency, guard: 'none' },
  ];
}

export function walletAccount(member_code: string, currency: string): AccountDefinition {
  return { code: accountCodes.wallet(member_code), name: `Wallet ${member_code}`, type: 'liability', currency, guard: 'non_negative' };
}
