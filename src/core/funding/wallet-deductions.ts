import { assert } from '../rejection.js';

/**
 * Which share charges a prepaid wallet can pay. Pure: balances and charges come in, the split
 * goes out. A charge is paid whole or not at all (a part-paid share would leave the member
 * neither covered nor clearly in arrears).
 */
export interface WalletCharge {
  readonly charge_id: bigint;
  readonly wallet_code: string;
  readonly amount_minor: bigint;
}

export interface DeductionSplit<Charge extends WalletCharge> {
  readonly paid: readonly Charge[];
  readonly unpaid: readonly Charge[];
  /** Wallet balances after the paid charges, for every wallet named by a charge. */
  readonly balances_after_minor: ReadonlyMap<string, bigint>;
}

/**
 * Pays charges in the order given while each wallet covers the next one; a charge its wallet
 * cannot cover stays unpaid, and so does every later charge on that wallet, so debts are
 * settled oldest first and a small new share never jumps ahead of an older, larger one.
 */
export function splitDeductions<Charge extends WalletCharge>(balances_minor: ReadonlyMap<string, bigint>, charges: readonly Charge[]): DeductionSplit<Charge> {
  const balances = new Map<string, bigint>();
  const blocked = new Set<string>();
  const paid: Charge[] = [];
  const unpaid: Charge[] = [];
  for (const charge of charges) {
    assert(charge.amount_minor > 0n, `charge ${charge.charge_id} has a positive amount`);
    const balance = balances.get(charge.wallet_code) ?? balances_minor.get(charge.wallet_code) ?? 0n;
    if (!blocked.has(charge.wallet_code) && balance >= charge.amount_minor) {
      balances.set(charge.wallet_code, balance - charge.amount_minor);
      paid.push(charge);
    } else {
      balances.set(charge.wallet_code, balance);
      blocked.add(charge.wallet_code);
      unpaid.push(charge);
    }
  }
  return { paid, unpaid, balances_after_minor: balances };
}

/** Sum of minor amounts, as bigint. */
export function totalMinor(items: ReadonlyArray<{ readonly amount_minor: bigint }>): bigint {
  return items.reduce((total, item) => total + item.amount_minor, 0n);
}
