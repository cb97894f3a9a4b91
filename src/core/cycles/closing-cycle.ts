/**
 * Closing cycles (issue 14: claims approved after a plan closed). Once a plan's closure has ended
 * every membership (step `closed` or later), a claim diagnosed before the closure date can still be
 * approved within the claim window, and no member is left to share it. As Xiang Hu Bao paid such
 * cases itself, the cycle that shares it is then paid wholly by the operator from its own account:
 * it has no member lines, its export says who paid (`operator_paid_minor`, format huzhu-cycle/2),
 * and the operator charges itself no management fee (fee_bps 0). Pure: the closure's step and the
 * cycle's figures come in as arguments.
 */
import { stepIndex, type ClosureStep } from '../closure/closure-rules.js';
import { assert } from '../rejection.js';

/** The fee rate of a closing cycle: the operator pays the whole cycle, so it takes no fee from itself. */
export const CLOSING_CYCLE_FEE_BPS = 0;

/**
 * Whether a cycle with something to share and no covered member is a closing cycle, paid by the
 * operator, rather than refused (CYCLE_NO_MEMBERS): only once the plan's memberships have ended
 * by its closure. A plan that is not closing, or only announced, still refuses it: its cases wait
 * for members.
 */
export function closingCycleAllowed(closure_step: ClosureStep | null): boolean {
  return closure_step !== null && stepIndex(closure_step) >= stepIndex('closed');
}

export interface AllocatedCycleFigures {
  readonly total_minor: bigint;
  readonly member_count: bigint;
  readonly share_total_minor: bigint;
  readonly capped_total_minor: bigint;
}

/**
 * What the operator paid of the cycle's total as a closing cycle: the total less what the
 * allocation gave the members (shares and capped amounts). 0 for every cycle shared by members;
 * the whole total for a closing cycle, which has no member.
 */
export function operatorPaidOf(figures: AllocatedCycleFigures): bigint {
  const operator_paid_minor = figures.total_minor - figures.share_total_minor - figures.capped_total_minor;
  assert(operator_paid_minor >= 0n, 'the allocation never gives the members more than the total');
  assert(operator_paid_minor === 0n || (figures.member_count === 0n && operator_paid_minor === figures.total_minor), 'only a cycle without members is paid by the operator, and then wholly');
  return operator_paid_minor;
}

/** The total the allocation spreads over the members: all of it, or nothing in a closing cycle. */
export function sharedTotalOf(total_minor: bigint, closing: boolean): bigint {
  return closing ? 0n : total_minor;
}
