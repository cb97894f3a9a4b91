/**
 * What the next cycle will ask of each member, estimated before it runs: the aid of the cases it
 * is expected to share plus the plan's fee, over the weight of the members the last cycle
 * covered (the next snapshot's count is not known yet), then limited by the per-case cap. All in
 * bigint minor units, rounded down as the cycle rounds.
 */
export interface ShareEstimate {
  readonly aid_total_minor: bigint;
  readonly fee_minor: bigint;
  readonly total_minor: bigint;
  /** Before the caps, for a member of weight 1. */
  readonly allocated_minor: bigint;
  /** After the per-case cap (the annual cap depends on each member and is left out). */
  readonly share_minor: bigint;
  readonly capped: boolean;
}

export function estimateShare(input: {
  aid_minor: readonly string[];
  fee_bps: number;
  weight_total: string | null;
  member_count: number | null;
  per_case_cap_minor: string | null;
}): ShareEstimate | undefined {
  const weight = input.weight_total !== null ? BigInt(input.weight_total) : input.member_count !== null ? BigInt(input.member_count) : 0n;
  if (weight <= 0n) return undefined;
  const aid_total_minor = input.aid_minor.reduce((sum, aid) => sum + BigInt(aid), 0n);
  const fee_minor = (aid_total_minor * BigInt(input.fee_bps)) / 10_000n;
  const total_minor = aid_total_minor + fee_minor;
  const allocated_minor = total_minor / weight;
  const cap = input.per_case_cap_minor === null ? undefined : BigInt(input.per_case_cap_minor) * BigInt(input.aid_minor.length);
  const capped = cap !== undefined && allocated_minor > cap;
  return { aid_total_minor, fee_minor, total_minor, allocated_minor, share_minor: capped ? cap : allocated_minor, capped };
}
