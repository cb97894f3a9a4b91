import { createHash } from 'node:crypto';
import { compareUtf8 } from '../money/byte-order.js';

/**
 * Jury selection anyone can recompute: eligible juror codes ranked by
 * SHA-256(seed + "|" + juror_code) (lower-case hex, compared as strings), the first
 * `panel_size` form the panel. The seed is published with the case.
 */
export function jurorRank(seed: string, juror_code: string): string {
  return createHash('sha256').update(`${seed}|${juror_code}`, 'utf8').digest('hex');
}

export function drawPanel(seed: string, eligible_juror_codes: readonly string[], panel_size: number): string[] {
  const unique = [...new Set(eligible_juror_codes)];
  return unique
    .map((juror_code) => ({ juror_code, rank: jurorRank(seed, juror_code) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : compareUtf8(a.juror_code, b.juror_code)))
    .slice(0, Math.max(0, panel_size))
    .map((entry) => entry.juror_code);
}

export interface JurorStanding {
  readonly age_years: number;
  readonly tenure_days: number;
  readonly paying: boolean;
  readonly passed_quiz: boolean;
  readonly fraud_record: boolean;
}

/** DESIGN.md: paying adult members of 30+ days' tenure who passed the quiz and have no fraud record. */
export function isEligibleJuror(standing: JurorStanding): boolean {
  return standing.age_years >= 18 && standing.tenure_days >= 30 && standing.paying && standing.passed_quiz && !standing.fraud_record;
}

export interface JuryRules {
  readonly quorum_votes: number;
  readonly quorum_share_bps: number;
  readonly majority_bps: number;
  readonly on_tie: 'approve' | 'reject';
  readonly on_missed_quorum: 'approve' | 'reject' | 'operator_decides';
}

export type Verdict =
  | { readonly outcome: 'approve' | 'reject'; readonly reason: 'majority' | 'no_majority_rule' | 'missed_quorum_rule'; readonly quorum: number }
  | { readonly outcome: 'operator_decides'; readonly reason: 'missed_quorum_rule'; readonly quorum: number };

/** For small plans the quorum is a share of the eligible jurors, never more than quorum_votes and at least 1. */
export function quorumFor(rules: JuryRules, eligible_jurors: number): number {
  const share = Math.ceil((eligible_jurors * rules.quorum_share_bps) / 10_000);
  return Math.max(1, Math.min(rules.quorum_votes, share));
}

export function decideVerdict(rules: JuryRules, eligible_jurors: number, votes: { approve: number; reject: number }): Verdict {
  const quorum = quorumFor(rules, eligible_jurors);
  const cast = votes.approve + votes.reject;
  if (cast < quorum) return { outcome: rules.on_missed_quorum, reason: 'missed_quorum_rule', quorum } as Verdict;
  // Integer arithmetic: "more than majority_bps of the votes cast".
  if (votes.approve * 10_000 > cast * rules.majority_bps) return { outcome: 'approve', reason: 'majority', quorum };
  if (votes.reject * 10_000 > cast * rules.majority_bps) return { outcome: 'reject', reason: 'majority', quorum };
  // No side has more than the majority share (at 5000 bps, a tie): the plan's rule decides.
  return { outcome: rules.on_tie, reason: 'no_majority_rule', quorum };
}
