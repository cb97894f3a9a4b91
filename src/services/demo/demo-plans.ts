import type { PlanRulesJson } from '../../core/plans/plan-rules.js';
import { criticalIllnessPlan, seniorCancerPlan } from '../../core/plans/sample-plans.js';
import { defaultSustainability } from '../../core/sustainability/sustainability-settings.js';
import type { ServiceContext } from '../context.js';
import { createPlan, findPlan } from '../plans.js';

/**
 * The demo community's own plans, sized for a community of a few thousand, as a trade union's
 * plans would be. The sample plans of DESIGN.md are sized for a national platform: aid of
 * 300,000 CNY at a per-case cap of 0.10 CNY per member needs three million members, so with the
 * demo's 3,000 the backstop paid 99.9% of every case. These pay aid of tens of thousands of CNY,
 * with caps per member that the members covered can carry (about 1,300 working-age members in
 * the post-paid plan, 330 retired ones in the prepaid plan, as the demo seeds them), so the
 * members' shares pay the aid and the fee and the backstop little or nothing. Same illnesses,
 * health questions, waiting period, 8% fee, schedule and jury rules as the sample plans.
 *
 * Every demo person joins one of these (the post-paid people the first, the prepaid people the
 * second); the sample plans are still created, open and empty, for real members.
 */

/**
 * Post-paid, 30 days to 59 years: 30,000 CNY up to 39, 20,000 CNY from 40. A case of 30,000 CNY
 * with the fee is 32,400 CNY: at the per-case cap of 30 CNY per member, 1,080 covered members pay
 * it all. The yearly cap of 360 CNY is about a dozen such cases a year.
 */
export const communityCriticalIllnessPlan = {
  id: 'community-critical-illness',
  name_zh: '社区大病互助计划（演示）',
  name_en: 'Community critical illness plan (demo)',
  rules: {
    ...criticalIllnessPlan.rules,
    aid_bands: [
      { max_age_years: 39, aid_minor: '3000000' },
      { max_age_years: 130, aid_minor: '2000000' },
    ],
    caps: { per_case_minor: '3000', per_year_minor: '36000', policy: 'backstop' },
    // A part-time administrator and the payment provider's fees: 36,000 CNY a year, more than an
    // 8% fee on a few cases a month brings in, so the metrics pages show the break-even and its alert.
    sustainability: { ...defaultSustainability, operating_cost_per_year_minor: '3600000' },
  },
} as const satisfies { id: string; name_zh: string; name_en: string; rules: PlanRulesJson };

/**
 * Prepaid, 60 to 70, cancer only: 20,000 CNY. A case with the fee is 21,600 CNY, shared with
 * weights 1 (up to 64) and 2 (65 and over): about 40 and 80 CNY for 330 covered members, under
 * the per-case cap of 100 CNY. The yearly cap is 600 CNY. Wallets take top-ups of 50 to 2,000 CNY
 * and remind below 100 CNY, about one case's share.
 */
export const communitySeniorCancerPlan = {
  id: 'community-senior-cancer',
  name_zh: '社区老年防癌互助计划（演示）',
  name_en: 'Community senior cancer plan (demo)',
  rules: {
    ...seniorCancerPlan.rules,
    aid_bands: [{ max_age_years: 130, aid_minor: '2000000' }],
    caps: { per_case_minor: '10000', per_year_minor: '60000', policy: 'backstop' },
    funding: { model: 'prepaid', min_top_up_minor: '5000', max_top_up_minor: '200000', max_wallet_balance_minor: '500000', low_balance_minor: '10000', grace_days: 7 },
    sustainability: { ...defaultSustainability, operating_cost_per_year_minor: '1200000' },
  },
} as const satisfies { id: string; name_zh: string; name_en: string; rules: PlanRulesJson };

export const communityPlans = [communityCriticalIllnessPlan, communitySeniorCancerPlan] as const;

/** Creates the community plans through the plan service (dated by the demo's clock); an existing plan of that id is kept as it is. */
export async function ensureCommunityPlans(context: ServiceContext): Promise<void> {
  for (const plan of communityPlans) {
    if ((await findPlan(context, plan.id)) === undefined) await createPlan(context, plan, null);
  }
}
