import type { AccountDefinition } from '../ledger/account.js';
import { openAccountsIn, type Trx } from '../ledger/ledger.js';

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
  /**
   * Shares owed by members and not yet paid: post-paid shares until collected, and prepaid shares
   * a wallet could not pay when they were deducted, until a top-up pays them or the lapse writes
   * them off. Either way the share is owed onward as aid from the moment it is charged.
   */
  sharesReceivable: (plan_id: string) => `shares_receivable:${plan_id}`,
  /** Shares charged to members and owed onward as aid (and fee): "unallocated cash" until paid out. */
  aidPayable: (plan_id: string) => `aid_payable:${plan_id}`,
  /** What the operator bears: caps held back, shares that could not be collected. */
  backstop: (plan_id: string) => `backstop:${plan_id}`,
  /** The management fee owed to the operator, still in the plan's cash account. */
  feePayable: (plan_id: string) => `fee_payable:${plan_id}`,
  /** Cash the operator advanced to pay aid before collection caught up; repaid from later collections. */
  operatorAdvances: (plan_id: string) => `operator_advances:${plan_id}`,
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
    { code: accountCodes.feePayable(plan_id), name: `Management fee payable: ${plan_id}`, type: 'liability', currency, guard: 'non_negative' },
    { code: accountCodes.operatorAdvances(plan_id), name: `Operator advances: ${plan_id}`, type: 'liability', currency, guard: 'non_negative' },
  ];
}

/**
 * Opens the currency's and the plan's accounts in the caller's transaction; those that exist are
 * kept. Plans created before an account was added to planAccounts() get it here, on first use.
 */
export async function ensurePlanAccountsIn(trx: Trx, plan_id: string, currency: string, at: string): Promise<void> {
  await openAccountsIn(trx, [...currencyAccounts(currency), ...planAccounts(plan_id, currency)], at);
}

export function walletAccount(member_code: string, currency: string): AccountDefinition {
  return { code: accountCodes.wallet(member_code), name: `Wallet ${member_code}`, type: 'liability', currency, guard: 'non_negative' };
}
