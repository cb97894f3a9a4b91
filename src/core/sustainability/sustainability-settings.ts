import { z } from 'zod';
import { DEFAULT_MAX_MINOR } from '../money/parse-money.js';

/**
 * The optional `sustainability` section of a plan version's rules: the incidence the plan expects,
 * what the operator's work costs a year, and when the metrics raise an alert. Stored rules written
 * before it existed have no section; sustainabilitySettingsOf gives them the defaults, so parsing
 * old rules returns exactly what was stored.
 */
const ageYears = z.number().int().min(0).max(130);

/** A ratio in basis points (10,000 = 1×, or 100%); null switches the alert off. */
const thresholdBps = z.number().int().min(1).max(1_000_000_000).nullable();

const incidencePoint = z.object({ age_years: ageYears, per_1000: z.number().min(0).max(1000) });

export const alertThresholdsSchema = z.object({
  /** The yearly share per member (12-month sum) rose by at least this much against 12 months before (10,000: doubled). */
  yearly_share_rise_bps: thresholdBps,
  /** The 12-month incidence is at least this multiple of the expected (15,000: 1.5×). */
  incidence_over_expected_bps: thresholdBps,
  /** Covered members fell by at least this share in 12 months (2,000: 20%). */
  members_drop_bps: thresholdBps,
  /** Joiners' mean expected incidence over leavers' over 12 months is at least this (12,000: joiners 20% riskier). */
  adverse_selection_bps: thresholdBps,
  /** The 12-month fee income is below the operating cost. */
  fee_below_cost: z.boolean(),
  /** At least this share of covered members has paid the yearly cap (5,000: half). */
  members_at_cap_bps: thresholdBps,
});

export const sustainabilitySchema = z.object({
  /**
   * Expected incidence of the covered illnesses per 1,000 members a year by age: points joined by
   * straight lines, flat before the first and after the last. Ages ascend strictly.
   */
  expected_incidence_per_1000: z
    .array(incidencePoint)
    .min(1)
    .max(131)
    .refine((points) => points.every((point, index) => index === 0 || point.age_years > points[index - 1]!.age_years), 'ages must ascend strictly'),
  /** What running the plan costs the operator a year, in minor units (0: not configured). */
  operating_cost_per_year_minor: z
    .string()
    .regex(/^\d{1,16}$/, 'minor units as a string of digits')
    .refine((value) => BigInt(value) <= DEFAULT_MAX_MINOR, `at most ${DEFAULT_MAX_MINOR} minor units`),
  alerts: alertThresholdsSchema,
});

export type SustainabilitySettings = z.infer<typeof sustainabilitySchema>;
export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;

/**
 * China's critical illness table CI1 (2006–2010, insured men, six core illnesses), per 1,000 a
 * year, as quoted in issue 13. A plan's own pool (health declaration, waiting period) runs lower.
 */
export const defaultExpectedIncidencePer1000: SustainabilitySettings['expected_incidence_per_1000'] = [
  { age_years: 20, per_1000: 0.34 },
  { age_years: 25, per_1000: 0.51 },
  { age_years: 35, per_1000: 1.22 },
  { age_years: 40, per_1000: 2.15 },
  { age_years: 45, per_1000: 4.0 },
  { age_years: 50, per_1000: 7.16 },
  { age_years: 55, per_1000: 11.68 },
  { age_years: 59, per_1000: 16.09 },
];

export const defaultAlertThresholds: AlertThresholds = {
  yearly_share_rise_bps: 10_000,
  incidence_over_expected_bps: 15_000,
  members_drop_bps: 2_000,
  adverse_selection_bps: 12_000,
  fee_below_cost: true,
  members_at_cap_bps: 5_000,
};

export const defaultSustainability: SustainabilitySettings = {
  expected_incidence_per_1000: defaultExpectedIncidencePer1000,
  operating_cost_per_year_minor: '0',
  alerts: defaultAlertThresholds,
};

/** The settings a plan version's rules say, or the defaults for rules without the section. */
export function sustainabilitySettingsOf(rules: { readonly sustainability?: SustainabilitySettings | undefined }): SustainabilitySettings {
  return rules.sustainability ?? defaultSustainability;
}
