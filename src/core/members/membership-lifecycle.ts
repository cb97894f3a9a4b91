import { ok, reject, type Result } from '../rejection.js';

/**
 * waiting → active → lapsed / withdrawn / terminated (fraud) / ended (plan closed).
 * A diagnosis inside the waiting period withdraws the membership and refunds the shares paid.
 * Lapsed, withdrawn, terminated and ended are final: rejoining makes a new membership with a new
 * waiting period.
 */
export const membershipStates = ['waiting', 'active', 'lapsed', 'withdrawn', 'terminated', 'ended'] as const;
export type MembershipState = (typeof membershipStates)[number];

export const membershipEvents = [
  'waiting_period_passed',
  'diagnosed_in_waiting_period',
  'payment_lapsed',
  'member_withdrew',
  'fraud_found',
  'plan_closed',
] as const;
export type MembershipEvent = (typeof membershipEvents)[number];

const transitions: Readonly<Record<MembershipEvent, { readonly from: readonly MembershipState[]; readonly to: MembershipState; readonly refund_shares: boolean }>> = {
  waiting_period_passed: { from: ['waiting'], to: 'active', refund_shares: false },
  diagnosed_in_waiting_period: { from: ['waiting'], to: 'withdrawn', refund_shares: true },
  payment_lapsed: { from: ['waiting', 'active'], to: 'lapsed', refund_shares: false },
  member_withdrew: { from: ['waiting', 'active'], to: 'withdrawn', refund_shares: false },
  fraud_found: { from: ['waiting', 'active', 'lapsed'], to: 'terminated', refund_shares: false },
  plan_closed: { from: ['waiting', 'active', 'lapsed'], to: 'ended', refund_shares: false },
};

export const finalStates: readonly MembershipState[] = ['lapsed', 'withdrawn', 'terminated', 'ended'];
/** States in which a person holds the plan's one membership (so cannot join again). */
export const liveStates: readonly MembershipState[] = ['waiting', 'active'];

export interface TransitionOutcome {
  readonly from: MembershipState;
  readonly to: MembershipState;
  readonly event: MembershipEvent;
  /** The shares paid so far go back to the member (waiting-period diagnosis). */
  readonly refund_shares: boolean;
}

export function transitionMembership(from: MembershipState, event: MembershipEvent): Result<TransitionOutcome, 'MEMBERSHIP_BAD_TRANSITION'> {
  const rule = transitions[event];
  if (!rule.from.includes(from)) {
    return reject('MEMBERSHIP_BAD_TRANSITION', `A ${from} membership cannot take “${event}”.`, { from, event, allowed_from: rule.from });
  }
  return ok({ from, to: rule.to, event, refund_shares: rule.refund_shares });
}

/** Only active members are covered: they share in cases and may claim. */
export function isCovered(state: MembershipState): boolean {
  return state === 'active';
}
