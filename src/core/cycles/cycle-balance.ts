/**
 * How a sharing cycle balances once its shares are charged (issue 10, item 7). Pure: the figures
 * come in, the checked balance goes out, and every identity money relies on is asserted here,
 * where the charge step produces the figures.
 */
import { assert } from '../rejection.js';
import type { CapPolicy } from './cycle-export.js';

/** Who bears what the caps held back, by the plan's cap policy. */
export interface CapBearing {
  /** Paid in by the operator's backstop ("backstop"). */
  readonly backstop_minor: bigint;
  /** Taken off the cases' aid pro rata ("reduce_aid"), at most all of the aid. */
  readonly aid_reduction_minor: bigint;
  /** What is left when the caps held back more than all the aid: it comes off the fee. */
  readonly fee_reduction_minor: bigint;
}

export function capBearing(cap_policy: CapPolicy, capped_total_minor: bigint, aid_total_minor: bigint): CapBearing {
  assert(capped_total_minor >= 0n && aid_total_minor >= 0n, 'the capped total and the aid are ≥ 0');
  switch (cap_policy) {
    case 'backstop':
      return { backstop_minor: capped_total_minor, aid_reduction_minor: 0n, fee_reduction_minor: 0n };
    case 'reduce_aid': {
      const aid_reduction_minor = capped_total_minor < aid_total_minor ? capped_total_minor : aid_total_minor;
      return { backstop_minor: 0n, aid_reduction_minor, fee_reduction_minor: capped_total_minor - aid_reduction_minor };
    }
  }
}

export interface CycleBalanceInput {
  readonly cap_policy: CapPolicy;
  readonly aid_total_minor: bigint;
  readonly fee_minor: bigint;
  readonly surplus_in_minor: bigint;
  readonly total_minor: bigint;
  readonly surplus_out_minor: bigint;
  readonly share_total_minor: bigint;
  readonly capped_total_minor: bigint;
  /** Σ of the cases' payable aid as the allocation step left it (aid minus a "reduce_aid" cut). */
  readonly aid_payable_minor: bigint;
  /** Shares the charge step could not collect at once: prepaid wallets that could not pay them. */
  readonly shortfall_minor: bigint;
  /** What the operator paid of the total in a closing cycle (closing-cycle.ts, operatorPaidOf); 0 otherwise. */
  readonly operator_paid_minor: bigint;
}

/** The figures a cycle records after its charge step; see cycleBalance for how they add up. */
export interface CycleBalance {
  /** Receivables (post-paid) and wallet deductions actually made (prepaid). */
  readonly charged_minor: bigint;
  /** Prepaid shares the wallets could not pay: still owed by the members, booked as receivables. */
  readonly shortfall_minor: bigint;
  readonly backstop_minor: bigint;
  readonly aid_payable_minor: bigint;
  /** The management fee moved to fee payable: the fee less any part a "reduce_aid" cut took. */
  readonly fee_payable_minor: bigint;
}

/**
 * Checks and returns how the cycle balances:
 *   share_total + capped_total + operator_paid = total     (the allocation; operator_paid is 0 but
 *                                                           in a closing cycle, which has no member),
 *   charged + shortfall = share_total                      (every share is paid or owed),
 *   charged + shortfall + backstop + operator_paid + surplus_in = aid payable + fee payable + surplus_out.
 * The last holds because total = aid + fee + surplus_out − surplus_in (cycleTotals: the surplus
 * covers the need first, and only what it does not cover is shared) and the caps' hold-back is
 * borne either by the backstop or by the aid and then the fee (capBearing). Nothing is clamped:
 * a shortfall is a figure here and a receivable in the ledger.
 */
export function cycleBalance(input: CycleBalanceInput): CycleBalance {
  const { aid_total_minor, fee_minor, surplus_in_minor, total_minor, surplus_out_minor, share_total_minor, capped_total_minor, shortfall_minor, operator_paid_minor } = input;
  assert(share_total_minor >= 0n && capped_total_minor >= 0n && operator_paid_minor >= 0n, 'shares, the capped total and what the operator paid are ≥ 0');
  assert(share_total_minor + capped_total_minor + operator_paid_minor === total_minor, 'shares and capped amounts (and what the operator paid) add up to the total');
  assert(operator_paid_minor === 0n || (share_total_minor === 0n && capped_total_minor === 0n), 'the operator pays only a cycle no member shares');
  assert(aid_total_minor + fee_minor + surplus_out_minor === total_minor + surplus_in_minor, 'the total is aid + fee − surplus in, with the rest of the surplus carried out');
  assert(shortfall_minor >= 0n && shortfall_minor <= share_total_minor, 'the shortfall is part of the shares');
  const bearing = capBearing(input.cap_policy, capped_total_minor, aid_total_minor);
  assert(input.aid_payable_minor === aid_total_minor - bearing.aid_reduction_minor, 'the cases are payable their aid less the cap reduction');
  const balance: CycleBalance = {
    charged_minor: share_total_minor - shortfall_minor,
    shortfall_minor,
    backstop_minor: bearing.backstop_minor,
    aid_payable_minor: input.aid_payable_minor,
    fee_payable_minor: fee_minor - bearing.fee_reduction_minor,
  };
  assert(balance.fee_payable_minor >= 0n, 'a fee reduction never exceeds the fee');
  assert(
    balance.charged_minor + balance.shortfall_minor + balance.backstop_minor + operator_paid_minor + surplus_in_minor ===
      balance.aid_payable_minor + balance.fee_payable_minor + surplus_out_minor,
    'what was charged, owed, backstopped and paid by the operator, with the surplus in, pays the aid, the fee and the surplus out',
  );
  return balance;
}
