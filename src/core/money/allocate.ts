import { assert, ok, reject, type Rejection, type Result } from '../rejection.js';
import { compareBelowSurrogates, compareUtf8, isBelowSurrogates } from './byte-order.js';
import { pickSmallestHashes } from './tie-break.js';

export { tieBreakHash } from './tie-break.js';

/** Stable codes of everything allocate rejects. */
export const ALLOCATION_REJECTION_CODES = [
  'ALLOCATION_NEGATIVE_TOTAL',
  'ALLOCATION_NO_MEMBERS',
  'ALLOCATION_BAD_WEIGHT',
  'ALLOCATION_DUPLICATE_MEMBER',
  'ALLOCATION_BAD_CAP',
  'ALLOCATION_BAD_MEMBER_CODE',
] as const;

export type AllocationRejectionCode = (typeof ALLOCATION_REJECTION_CODES)[number];

export interface AllocationMember {
  readonly member_code: string;
  /** Integer ≥ 1; 1 for everyone unless the plan weights shares. */
  readonly weight: bigint;
  /** The most this member can still pay under the caps; null when uncapped. */
  readonly cap_room_minor: bigint | null;
}

export interface AllocationInput {
  readonly total_minor: bigint;
  readonly members: ReadonlyArray<AllocationMember>;
  /** The cycle seed; only used to break ties between equal remainders. */
  readonly seed_hex: string;
}

export interface AllocationShare {
  readonly member_code: string;
  readonly weight: bigint;
  readonly cap_room_minor: bigint | null;
  /** The member's part of the total before caps: floor(T·w/W), plus one for the largest remainders. */
  readonly allocated_minor: bigint;
  /** What the member pays: min(allocated, cap_room). */
  readonly share_minor: bigint;
  /** What the caps held back: allocated − share. */
  readonly capped_minor: bigint;
}

export interface Allocation {
  /** One entry per member, in member_code UTF-8 byte order (the export order). */
  readonly shares: AllocationShare[];
  readonly share_total_minor: bigint;
  readonly capped_total_minor: bigint;
  readonly weight_total: bigint;
}

type AllocationRejection = { readonly ok: false; readonly rejection: Rejection<AllocationRejectionCode> };

// A lone surrogate has no UTF-8 encoding: two such codes could encode (and hash) the same, making
// the order and the tie-break ambiguous.
const LONE_SURROGATE = /\p{Cs}/u;

function validateMember(member: AllocationMember, index: number): AllocationRejection | null {
  const { member_code, weight, cap_room_minor } = member;
  if (
    typeof member_code !== 'string' ||
    member_code === '' ||
    (!isBelowSurrogates(member_code) && LONE_SURROGATE.test(member_code))
  ) {
    return reject('ALLOCATION_BAD_MEMBER_CODE', `Member #${index} has an empty or malformed member code.`, {
      index,
    });
  }
  if (typeof weight !== 'bigint' || weight < 1n) {
    return reject('ALLOCATION_BAD_WEIGHT', `Member ${member_code} has weight ${String(weight)}; weights are integers ≥ 1.`, {
      index,
      member_code,
      weight: String(weight),
    });
  }
  if (cap_room_minor !== null && (typeof cap_room_minor !== 'bigint' || cap_room_minor < 0n)) {
    return reject(
      'ALLOCATION_BAD_CAP',
      `Member ${member_code} has cap room ${String(cap_room_minor)}; cap room is null (uncapped) or ≥ 0.`,
      { index, member_code, cap_room_minor: String(cap_room_minor) },
    );
  }
  return null;
}

/**
 * Marks the members that get one unit more than floor(T·w/W): the `extra_count` largest
 * remainders, ties at the cut-off going to the smaller tie-break hash. Sorts the remainders once
 * to find the cut-off; hashes only the members whose remainder equals it.
 */
function markExtraUnits(
  members: ReadonlyArray<AllocationMember>,
  remainders: readonly bigint[],
  extra_count: number,
  seed_hex: string,
): Uint8Array {
  const count = remainders.length;
  const extra = new Uint8Array(count);
  if (extra_count === 0) return extra;

  const descending = remainders.slice().sort((left, right) => (left > right ? -1 : left < right ? 1 : 0));
  const cutoff = descending[extra_count - 1];
  assert(cutoff !== undefined, 'the cut-off remainder exists');

  let above_count = 0;
  const tied: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const remainder = remainders[index]!;
    if (remainder > cutoff) {
      extra[index] = 1;
      above_count += 1;
    } else if (remainder === cutoff) {
      tied.push(index);
    }
  }
  const tied_winners = extra_count - above_count;
  assert(tied_winners >= 1 && tied_winners <= tied.length, 'the cut-off falls inside the tied remainders');

  const winners = pickSmallestHashes(
    tied.map((index) => members[index]!.member_code),
    tied_winners,
    seed_hex,
  );
  for (let position = 0; position < tied.length; position += 1) {
    if (winners[position] === 1) extra[tied[position]!] = 1;
  }
  return extra;
}

/**
 * Allocates total_minor over members in proportion to their weights (DESIGN.md, Allocation):
 * q_i = floor(T·w_i / W), r_i = (T·w_i) mod W; the T − Σq_i members with the largest r_i get one
 * unit more, ties to the smaller SHA-256(seed_hex + "|" + member_code); then each share is limited
 * by the member's cap room and what the cap holds back is recorded as capped_minor.
 *
 * Largest remainders keep every member within one unit of the exact pro-rata amount while the
 * parts sum exactly to T; the seeded hash makes the leftover units fair yet reproducible by anyone
 * from the public export. The result does not depend on the order of the members.
 */
export function allocate(input: AllocationInput): Result<Allocation, AllocationRejectionCode> {
  const { total_minor, members, seed_hex } = input;
  if (typeof total_minor !== 'bigint' || total_minor < 0n) {
    return reject('ALLOCATION_NEGATIVE_TOTAL', `The total to allocate is ${String(total_minor)}; it must be ≥ 0.`, {
      total_minor: String(total_minor),
    });
  }
  const count = members.length;
  if (count === 0) {
    if (total_minor > 0n) {
      return reject('ALLOCATION_NO_MEMBERS', `There are no members to allocate ${total_minor} minor units to.`, {
        total_minor: total_minor.toString(),
      });
    }
    return ok({ shares: [], share_total_minor: 0n, capped_total_minor: 0n, weight_total: 0n });
  }

  let weight_total = 0n;
  let all_below_surrogates = true;
  for (let index = 0; index < count; index += 1) {
    const member = members[index]!;
    const rejection = validateMember(member, index);
    if (rejection !== null) return rejection;
    weight_total += member.weight;
    if (all_below_surrogates && !isBelowSurrogates(member.member_code)) all_below_surrogates = false;
  }

  // Everything below works in export order. Sorting first also finds duplicates as neighbours, and
  // is linear when the store already returns members by member_code (TimSort on sorted input).
  const compareCodes = all_below_surrogates ? compareBelowSurrogates : compareUtf8;
  const sorted = members.slice().sort((left, right) => compareCodes(left.member_code, right.member_code));
  for (let position = 1; position < count; position += 1) {
    const member_code = sorted[position]!.member_code;
    if (member_code === sorted[position - 1]!.member_code) {
      return reject('ALLOCATION_DUPLICATE_MEMBER', `Member ${member_code} appears more than once.`, { member_code });
    }
  }

  // Floor division: every member first gets the whole units of their exact part. Members of equal
  // weight (all of them, in an unweighted plan) share one quotient and remainder.
  const quotients = new Array<bigint>(count);
  const remainders = new Array<bigint>(count);
  let quotient_total = 0n;
  let previous_weight = -1n;
  let quotient = 0n;
  let remainder = 0n;
  for (let position = 0; position < count; position += 1) {
    const weight = sorted[position]!.weight;
    if (weight !== previous_weight) {
      const product = total_minor * weight;
      quotient = product / weight_total;
      remainder = product % weight_total;
      previous_weight = weight;
    }
    quotients[position] = quotient;
    remainders[position] = remainder;
    quotient_total += quotient;
  }
  // Σr_i = W·(T − Σq_i) and each r_i < W, so fewer units are left over than there are members.
  const leftover = total_minor - quotient_total;
  assert(leftover >= 0n && leftover < BigInt(count), 'leftover units are fewer than the members');
  const extra = markExtraUnits(sorted, remainders, Number(leftover), seed_hex);

  const shares = new Array<AllocationShare>(count);
  let allocated_total = 0n;
  let share_total_minor = 0n;
  let capped_total_minor = 0n;
  for (let position = 0; position < count; position += 1) {
    const { member_code, weight, cap_room_minor } = sorted[position]!;
    const allocated_minor = extra[position] === 1 ? quotients[position]! + 1n : quotients[position]!;
    let share_minor = allocated_minor;
    let capped_minor = 0n;
    if (cap_room_minor !== null && cap_room_minor < allocated_minor) {
      // The cap holds back the rest; who bears it (backstop or reduced aid) is the plan's policy.
      share_minor = cap_room_minor;
      capped_minor = allocated_minor - cap_room_minor;
      capped_total_minor += capped_minor;
      assert(share_minor >= 0n && capped_minor > 0n, 'a capped share is split into two non-negative parts');
    }
    shares[position] = { member_code, weight, cap_room_minor, allocated_minor, share_minor, capped_minor };
    allocated_total += allocated_minor;
    share_total_minor += share_minor;
  }
  assert(allocated_total === total_minor, 'allocated parts sum to the total');
  assert(share_total_minor + capped_total_minor === total_minor, 'share total + capped total = total');

  return ok({ shares, share_total_minor, capped_total_minor, weight_total });
}
