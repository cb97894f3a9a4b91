import { ok, reject, type Result } from '../rejection.js';
import type { CountResult } from './proposal-count.js';

/**
 * A rule-change proposal: draft (written by staff) → voting (opened: eligible members snapshotted
 * and told) → passed | failed | no_quorum (counted at the deadline) → in_effect (a passed
 * proposal's new version took effect, notice_days after the count). Failed and no_quorum are final.
 */
export const proposalStates = ['draft', 'voting', 'passed', 'failed', 'no_quorum', 'in_effect'] as const;
export type ProposalState = (typeof proposalStates)[number];

export type ProposalEvent = 'open' | 'count' | 'take_effect';

export const voteChoices = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export function isVoteChoice(value: unknown): value is VoteChoice {
  return typeof value === 'string' && (voteChoices as readonly string[]).includes(value);
}

export function nextProposalState(from: ProposalState, event: ProposalEvent, result?: CountResult): Result<ProposalState, 'GOV_BAD_TRANSITION'> {
  if (event === 'open' && from === 'draft') return ok('voting');
  if (event === 'count' && from === 'voting' && result !== undefined) return ok(result);
  if (event === 'take_effect' && from === 'passed') return ok('in_effect');
  return reject('GOV_BAD_TRANSITION', `A ${from} proposal cannot take “${event}”.`, { from, event });
}

const dayMs = 86_400_000;

/** The deadline of a vote opened at opened_at_ms (epoch milliseconds): whole days later, to the millisecond. */
export function voteClosesAtMs(opened_at_ms: number, vote_days: number): number {
  return opened_at_ms + vote_days * dayMs;
}

/**
 * When an accepted change takes effect: notice_days after the count (not after the deadline),
 * so members get the whole notice period even when the count runs late.
 */
export function changeEffectiveAtMs(counted_at_ms: number, notice_days: number): number {
  return counted_at_ms + notice_days * dayMs;
}

/** Members may leave with a full refund from the count until the change takes effect (exclusive). */
export function leaveWindowOpen(state: ProposalState, effective_at: string | null, now: string): boolean {
  return state === 'passed' && effective_at !== null && now < effective_at;
}
