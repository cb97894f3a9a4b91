import { ok, reject, type Result } from '../rejection.js';

/**
 * submitted → in_review → investigating → in_review → approved_for_notice or rejected →
 * in_notice → (objected → in_review or in_jury) → approved → scheduled (in a cycle) → paid;
 * rejected → appealed → in_jury → approved or rejected_final.
 */
export const claimStates = [
  'submitted',
  'in_review',
  'investigating',
  'approved_for_notice',
  'in_notice',
  'objected',
  'in_jury',
  'approved',
  'scheduled',
  'paid',
  'rejected',
  'appealed',
  'rejected_final',
] as const;
export type ClaimState = (typeof claimStates)[number];

const transitions = {
  start_review: { from: ['submitted'], to: 'in_review' },
  request_investigation: { from: ['in_review'], to: 'investigating' },
  record_findings: { from: ['investigating'], to: 'in_review' },
  approve_for_notice: { from: ['in_review'], to: 'approved_for_notice' },
  reject: { from: ['submitted', 'in_review', 'investigating'], to: 'rejected' },
  publish_notice: { from: ['approved_for_notice'], to: 'in_notice' },
  object: { from: ['in_notice'], to: 'objected' },
  dismiss_objection: { from: ['objected'], to: 'in_notice' },
  uphold_objection: { from: ['objected'], to: 'in_review' },
  refer_to_jury: { from: ['objected', 'appealed'], to: 'in_jury' },
  end_notice: { from: ['in_notice'], to: 'approved' },
  jury_approves: { from: ['in_jury'], to: 'approved' },
  jury_rejects: { from: ['in_jury'], to: 'rejected_final' },
  appeal: { from: ['rejected'], to: 'appealed' },
  close_rejection: { from: ['rejected', 'appealed'], to: 'rejected_final' },
  schedule: { from: ['approved'], to: 'scheduled' },
  pay: { from: ['scheduled'], to: 'paid' },
  // Fraud found at any point before payment ends the claim for good.
  reject_for_fraud: { from: ['submitted', 'in_review', 'investigating', 'approved_for_notice', 'in_notice', 'objected', 'in_jury', 'approved', 'appealed'], to: 'rejected_final' },
} as const satisfies Record<string, { from: readonly ClaimState[]; to: ClaimState }>;

export type ClaimEvent = keyof typeof transitions;
export const claimEvents = Object.keys(transitions) as ClaimEvent[];

export function transitionClaim(from: ClaimState, event: ClaimEvent): Result<{ from: ClaimState; to: ClaimState; event: ClaimEvent }, 'CLAIM_BAD_TRANSITION'> {
  const rule = transitions[event];
  if (!(rule.from as readonly ClaimState[]).includes(from)) {
    return reject('CLAIM_BAD_TRANSITION', `A claim that is ${from} cannot take “${event}”.`, { from, event, allowed_from: rule.from });
  }
  return ok({ from, to: rule.to, event });
}

export function isFinalClaimState(state: ClaimState): boolean {
  return state === 'paid' || state === 'rejected_final';
}
