/**
 * The figures of a sharing cycle that anyone can recompute from its export header (DESIGN.md,
 * "Cycle seed" and "Cycle export"): the seed, the fee and the total, and how a cap shortfall
 * reduces aid under the "reduce_aid" policy.
 */
import { createHash } from 'node:crypto';
import { allocate, type AllocationRejectionCode } from '../money/allocate.js';
import { assert, ok, reject, type Result } from '../rejection.js';
import type { CycleCase } from './cycle-export.js';

/** The "previous root" of a plan's first cycle: 64 zeros. */
export const GENESIS_ROOT_HEX = '0'.repeat(64);

/**
 * SHA-256(previous_root_hex + "|" + cycle_id) as lower-case hex. Chaining the previous root means
 * nobody can pick the tie-breaks of a cycle before the previous one is published.
 */
export function cycleSeedHex(previous_root_hex: string, cycle_id: string): string {
  return createHash('sha256').update(`${previous_root_hex}|${cycle_id}`, 'utf8').digest('hex');
}

export interface CycleTotalsInput {
  readonly aid_total_minor: bigint;
  readonly fee_bps: number;
  readonly surplus_in_minor: bigint;
}

export interface CycleTotals {
  readonly fee_minor: bigint;
  readonly total_minor: bigint;
  readonly surplus_out_minor: bigint;
}

/**
 * fee = floor(aid × fee_bps / 10000) (rounded down: the operator never takes more than its rate);
 * total = aid + fee − surplus carried in, never below 0; what the surplus does not use is carried out.
 */
export function cycleTotals(input: CycleTotalsInput): CycleTotals {
  const { aid_total_minor, fee_bps, surplus_in_minor } = input;
  assert(aid_total_minor >= 0n && surplus_in_minor >= 0n, 'aid and surplus are ≥ 0');
  assert(Number.isSafeInteger(fee_bps) && fee_bps >= 0, 'fee_bps is an integer ≥ 0');
  const fee_minor = (aid_total_minor * BigInt(fee_bps)) / 10_000n;
  const needed_minor = aid_total_minor + fee_minor;
  const total_minor = needed_minor > surplus_in_minor ? needed_minor - surplus_in_minor : 0n;
  const surplus_out_minor = surplus_in_minor > needed_minor ? surplus_in_minor - needed_minor : 0n;
  return { fee_minor, total_minor, surplus_out_minor };
}

export interface CaseReduction {
  readonly case_id: string;
  readonly aid_minor: bigint;
  readonly reduction_minor: bigint;
  /** aid − reduction: what the case is paid under "reduce_aid". */
  readonly payable_minor: bigint;
}

export interface AidReduction {
  readonly cases: CaseReduction[];
  /** The part of the capped total larger than all the aid: it comes off the fee instead. */
  readonly fee_reduction_minor: bigint;
}

/**
 * Under the "reduce_aid" cap policy, what the caps held back is taken off the cases' aid pro rata
 * to their aid, by the same largest-remainder allocation as the shares (weights = aid, codes = case
 * ids, ties broken with `seed_hex`, the cycle seed). A case's reduction never exceeds its aid:
 * floor(C·a/A) ≤ a when C ≤ A, and the extra unit only goes to a non-zero remainder, where
 * C·a/A < a. Returned in the order of `cases`.
 */
export function capReductionOfAid(
  cases: ReadonlyArray<CycleCase>,
  capped_total_minor: bigint,
  seed_hex: string = GENESIS_ROOT_HEX,
): Result<AidReduction, AllocationRejectionCode> {
  assert(capped_total_minor >= 0n, 'the capped total is ≥ 0');
  let aid_total_minor = 0n;
  const seen = new Set<string>();
  for (const entry of cases) {
    // Checked here too: allocate only sees the cases with aid, and a reduction is looked up by id.
    if (seen.has(entry.case_id)) {
      return reject('ALLOCATION_DUPLICATE_MEMBER', `Case ${entry.case_id} appears more than once.`, { case_id: entry.case_id });
    }
    seen.add(entry.case_id);
    aid_total_minor += entry.aid_minor;
  }
  const reducible_minor = capped_total_minor < aid_total_minor ? capped_total_minor : aid_total_minor;

  // A case without aid has no weight (allocate needs weights ≥ 1) and nothing to reduce.
  const weighted = cases.filter((entry) => entry.aid_minor > 0n);
  const allocation = allocate({
    total_minor: reducible_minor,
    members: weighted.map((entry) => ({ member_code: entry.case_id, weight: entry.aid_minor, cap_room_minor: null })),
    seed_hex,
  });
  if (!allocation.ok) return allocation;
  const reductions = new Map(allocation.value.shares.map((share) => [share.member_code, share.allocated_minor]));

  const result = cases.map((entry) => {
    const reduction_minor = reductions.get(entry.case_id) ?? 0n;
    assert(reduction_minor <= entry.aid_minor, 'a reduction never exceeds the aid');
    return { case_id: entry.case_id, aid_minor: entry.aid_minor, reduction_minor, payable_minor: entry.aid_minor - reduction_minor };
  });
  return ok({ cases: result, fee_reduction_minor: capped_total_minor - reducible_minor });
}
