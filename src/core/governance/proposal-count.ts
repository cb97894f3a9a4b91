import { assert } from '../rejection.js';
import type { GovernanceSettings } from './governance-rules.js';

export interface Tally {
  readonly eligible: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export type CountResult = 'passed' | 'failed' | 'no_quorum';

export interface Count extends Tally {
  readonly voted: number;
  /** Votes needed for the quorum (0 under passes_unless_objections). */
  readonly quorum_votes: number;
  readonly result: CountResult;
}

/** The least number of voters v with v × 10,000 ≥ quorum_bps × eligible: the exact threshold meets the quorum. */
export function quorumVotesFor(quorum_bps: number, eligible: number): number {
  return Number((BigInt(quorum_bps) * BigInt(eligible) + 9_999n) / 10_000n);
}

/**
 * Decides a closed vote with integer arithmetic (bigint, so no count can overflow):
 * - approve_share: no_quorum when fewer than quorumVotesFor voted (or nobody, even at quorum 0); else passed iff
 *   yes × 10,000 > approve_bps × (yes + no). Exactly approve_bps fails (a 50/50 tie at 5000 fails);
 *   with nothing but abstentions, 0 > 0 is false: failed.
 * - passes_unless_objections: failed iff no × 10,000 > object_bps × eligible; exactly half
 *   objecting at 5000 passes. The quorum does not apply.
 */
export function countVotes(settings: Pick<GovernanceSettings, 'quorum_bps' | 'decision'>, tally: Tally): Count {
  const { eligible, yes, no, abstain } = tally;
  for (const value of [eligible, yes, no, abstain]) assert(Number.isSafeInteger(value) && value >= 0, 'counts are non-negative integers');
  const voted = yes + no + abstain;
  assert(voted <= eligible, 'no more votes than eligible members');
  const decision = settings.decision;
  if (decision.kind === 'passes_unless_objections') {
    const objected = BigInt(no) * 10_000n > BigInt(decision.object_bps) * BigInt(eligible);
    return { ...tally, voted, quorum_votes: 0, result: objected ? 'failed' : 'passed' };
  }
  const quorum_votes = quorumVotesFor(settings.quorum_bps, eligible);
  if (voted < quorum_votes || voted === 0) return { ...tally, voted, quorum_votes, result: 'no_quorum' };
  const approved = BigInt(yes) * 10_000n > BigInt(decision.approve_bps) * BigInt(yes + no);
  return { ...tally, voted, quorum_votes, result: approved ? 'passed' : 'failed' };
}
