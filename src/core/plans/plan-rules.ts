import { z } from 'zod';
import { DEFAULT_MAX_MINOR } from '../money/parse-money.js';
import { ok, reject, type Result } from '../rejection.js';
import { sustainabilitySchema } from '../sustainability/sustainability-settings.js';
import { governanceSchema } from '../governance/governance-rules.js';

/**
 * The rules a member accepts on joining. Stored as JSON with money as strings of digits (minor
 * units); parsed here into bigint. Every value is configurable per plan version (DESIGN.md gives
 * the reference defaults, see sample-plans.ts).
 */
const minor = z
  .string()
  .regex(/^\d{1,16}$/, 'minor units as a string of digits')
  .refine((value) => BigInt(value) <= DEFAULT_MAX_MINOR, `at most ${DEFAULT_MAX_MINOR} minor units`);

/**
 * Bounds of a prepaid wallet for plan versions stored before they existed (and rules sent
 * without them): 2,000 and 5,000 in major units (CNY), as in the sample senior plan, many
 * years of shares under its annual cap yet small enough that no member can move custody far.
 */
export const defaultMaxTopUpMinor = '200000';
export const defaultMaxWalletBalanceMinor = '500000';
const ageYears = z.number().int().min(0).max(130);

const illness = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/),
  name_zh: z.string().min(1).max(100),
  name_en: z.string().min(1).max(200),
});

const healthQuestion = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/),
  text_zh: z.string().min(1).max(500),
  text_en: z.string().min(1).max(1000),
});

const funding = z.discriminatedUnion('model', [
  z.object({
    model: z.literal('post_paid'),
    /** A failed collection is retried until this many days before the next share date, then the membership lapses. */
    retry_until_days_before_next: z.number().int().min(0).max(14),
  }),
  z.object({
    model: z.literal('prepaid'),
    min_top_up_minor: minor,
    /** The largest single top-up; a larger one is refused before any payment is asked for. */
    max_top_up_minor: minor.default(defaultMaxTopUpMinor).describe(`The largest single top-up, in minor units (at most 10^15; default ${defaultMaxTopUpMinor})`),
    /** The most a wallet may hold with its pending top-ups; a top-up that would pass it is refused. */
    max_wallet_balance_minor: minor
      .default(defaultMaxWalletBalanceMinor)
      .describe(`The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default ${defaultMaxWalletBalanceMinor})`),
    low_balance_minor: minor,
    /** Days a deduction may stay unmet before the membership lapses. */
    grace_days: z.number().int().min(0).max(60),
  }),
]);

export const planRulesSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    join_age: z.object({ min_days: z.number().int().min(0).max(365 * 130), min_years: ageYears, max_years: ageYears }),
    /** Aid by age at diagnosis, bands in ascending order of max_age_years. */
    aid_bands: z.array(z.object({ max_age_years: ageYears, aid_minor: minor })).min(1).max(20),
    illnesses: z.array(illness).min(1).max(500),
    health_questions: z.array(healthQuestion).max(50),
    waiting_days: z.number().int().min(0).max(730),
    fee_bps: z.number().int().min(0).max(5000),
    caps: z.object({
      per_case_minor: minor.nullable(),
      per_year_minor: minor.nullable(),
      policy: z.enum(['backstop', 'reduce_aid']),
    }),
    schedule: z.object({
      notice_days_of_month: z.array(z.number().int().min(1).max(28)).min(1).max(4),
      collection_days_of_month: z.array(z.number().int().min(1).max(28)).min(1).max(4),
    }),
    funding,
    claim_window_days: z.number().int().min(1).max(3650),
    notice_days: z.number().int().min(1).max(60),
    jury: z.object({
      quorum_votes: z.number().int().min(1).max(1_000_000),
      /** For small plans: the quorum is at most this share of eligible jurors. */
      quorum_share_bps: z.number().int().min(1).max(10_000),
      /** A verdict needs strictly more than this share of the votes cast (5000: more than 50%). */
      majority_bps: z.number().int().min(5000).max(9999),
      on_tie: z.enum(['approve', 'reject']),
      on_missed_quorum: z.enum(['approve', 'reject', 'operator_decides']),
    }),
    /** Optional age-band share weights (risk-weighted shares); null means equal shares. */
    share_weights: z.array(z.object({ max_age_years: ageYears, weight: z.number().int().min(1).max(1000) })).min(1).max(20).nullable(),
    max_aids_per_member: z.number().int().min(1).max(10),
    family_enrollment: z.boolean(),
    /** Expected incidence, operating cost and alert thresholds (issue 13); absent in older rules, see sustainabilitySettingsOf. */
    sustainability: sustainabilitySchema.optional(),
    /** How members vote on a change of these rules (issue 14); absent in older rules, see governanceSettingsOf. */
    governance: governanceSchema.optional(),
  })
  .superRefine((rules, context) => {
    const ascending = (bands: ReadonlyArray<{ max_age_years: number }>) => Array.isArray(bands) && bands.every((band, index) => index === 0 || band.max_age_years > bands[index - 1]!.max_age_years);
    if (!ascending(rules.aid_bands)) context.addIssue({ code: 'custom', path: ['aid_bands'], message: 'bands must ascend by max_age_years' });
    // Refinements also run on input that failed a base check (e.g. an empty band list), so nothing here may assume it.
    const last_band = rules.aid_bands.at(-1);
    if (last_band !== undefined && last_band.max_age_years < rules.join_age.max_years) {
      context.addIssue({ code: 'custom', path: ['aid_bands'], message: 'the last aid band must cover the oldest joining age' });
    }
    if (rules.share_weights !== null && !ascending(rules.share_weights)) {
      context.addIssue({ code: 'custom', path: ['share_weights'], message: 'bands must ascend by max_age_years' });
    }
    const funding = rules.funding;
    if (funding?.model === 'prepaid' && [funding.min_top_up_minor, funding.max_top_up_minor, funding.max_wallet_balance_minor, funding.low_balance_minor].every((value) => /^\d+$/.test(value ?? ''))) {
      const [min_top_up, max_top_up, max_wallet] = [BigInt(funding.min_top_up_minor), BigInt(funding.max_top_up_minor), BigInt(funding.max_wallet_balance_minor)];
      if (max_top_up < min_top_up) context.addIssue({ code: 'custom', path: ['funding', 'max_top_up_minor'], message: 'the largest top-up must be at least the smallest' });
      if (max_wallet < max_top_up) {
        context.addIssue({ code: 'custom', path: ['funding', 'max_wallet_balance_minor'], message: 'the wallet must be able to hold the largest top-up' });
      }
      if (max_wallet < BigInt(funding.low_balance_minor)) {
        context.addIssue({ code: 'custom', path: ['funding', 'max_wallet_balance_minor'], message: 'the wallet must be able to hold more than the low-balance reminder' });
      }
    }
    const codes = Array.isArray(rules.illnesses) ? rules.illnesses.map((entry) => entry?.code) : [];
    if (new Set(codes).size !== codes.length) context.addIssue({ code: 'custom', path: ['illnesses'], message: 'illness codes must be unique' });
  });

/** Rules as stored and used: bounds that were left out are filled in with their defaults. */
export type PlanRulesJson = z.infer<typeof planRulesSchema>;

export type PlanRulesRejectionCode = 'PLAN_BAD_RULES';

/** Validates rules given as JSON (from the API, a file or the store). */
export function parsePlanRules(input: unknown): Result<PlanRulesJson, PlanRulesRejectionCode> {
  const parsed = planRulesSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return reject('PLAN_BAD_RULES', `Invalid plan rules: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(), { issues });
}

/** The aid for a diagnosis at this age, or undefined when no band covers it. */
export function aidForAge(rules: PlanRulesJson, age_years: number): bigint | undefined {
  const band = rules.aid_bands.find((entry) => age_years <= entry.max_age_years);
  return band === undefined ? undefined : BigInt(band.aid_minor);
}

/** The share weight for a member of this age: 1 under equal shares. */
export function shareWeightForAge(rules: PlanRulesJson, age_years: number): bigint {
  if (rules.share_weights === null) return 1n;
  const band = rules.share_weights.find((entry) => age_years <= entry.max_age_years) ?? rules.share_weights[rules.share_weights.length - 1];
  return BigInt(band?.weight ?? 1);
}
