import type { Plan } from '../plans.js';
import { fundingRejection } from './funding-rejections.js';

export interface PrepaidRules {
  readonly min_top_up_minor: bigint;
  readonly max_top_up_minor: bigint;
  /** The most the wallet may hold, counting the top-ups still pending. */
  readonly max_wallet_balance_minor: bigint;
  readonly low_balance_minor: bigint;
  readonly grace_days: number;
}

/**
 * The prepaid rules in force at a time: of the versions already in force, the latest that is
 * prepaid. A membership keeps the funding model it joined under, so if a later version were
 * post-paid its prepaid members would still follow the last prepaid rules.
 */
export function prepaidRulesAt(plan: Plan, at: string): PrepaidRules {
  let found: PrepaidRules | undefined;
  for (const version of plan.versions) {
    const funding = version.rules.funding;
    if (funding.model !== 'prepaid') continue;
    if (found !== undefined && version.effective_at > at) break;
    found = {
      min_top_up_minor: BigInt(funding.min_top_up_minor),
      max_top_up_minor: BigInt(funding.max_top_up_minor),
      max_wallet_balance_minor: BigInt(funding.max_wallet_balance_minor),
      low_balance_minor: BigInt(funding.low_balance_minor),
      grace_days: funding.grace_days,
    };
  }
  return found ?? fundingRejection('FUNDING_NOT_PREPAID', `Plan ${plan.id} has no prepaid rules.`, { plan_id: plan.id });
}
