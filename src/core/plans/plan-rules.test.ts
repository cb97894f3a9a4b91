import { describe, expect, it } from 'vitest';
import { defaultMaxTopUpMinor, defaultMaxWalletBalanceMinor, parsePlanRules } from './plan-rules.js';
import { criticalIllnessPlan, seniorCancerPlan } from './sample-plans.js';

const prepaid = seniorCancerPlan.rules;

function withFunding(funding: Record<string, unknown>) {
  return { ...prepaid, funding: { ...prepaid.funding, ...funding } };
}

function issuePaths(input: unknown): string[] {
  const result = parsePlanRules(input);
  if (result.ok) return [];
  expect(result.rejection.code).toBe('PLAN_BAD_RULES');
  return (result.rejection.details!.issues as Array<{ path: string }>).map((issue) => issue.path);
}

describe('prepaid wallet bounds in plan rules', () => {
  it('ships bounds in the sample prepaid plan', () => {
    const result = parsePlanRules(prepaid);
    expect(result.ok && result.value.funding).toMatchObject({ max_top_up_minor: '200000', max_wallet_balance_minor: '500000' });
  });

  it('gives a stored version without bounds the defaults', () => {
    const { max_top_up_minor: _top_up, max_wallet_balance_minor: _wallet, ...older } = prepaid.funding;
    const result = parsePlanRules({ ...prepaid, funding: older });
    expect(result.ok && result.value.funding).toMatchObject({ max_top_up_minor: defaultMaxTopUpMinor, max_wallet_balance_minor: defaultMaxWalletBalanceMinor });
  });

  it('refuses bounds that contradict each other', () => {
    expect(issuePaths(withFunding({ max_top_up_minor: '999' }))).toEqual(['funding.max_top_up_minor']);
    expect(issuePaths(withFunding({ max_wallet_balance_minor: '199999' }))).toEqual(['funding.max_wallet_balance_minor']);
    expect(issuePaths(withFunding({ max_top_up_minor: '1000', max_wallet_balance_minor: '499' }))).toEqual(['funding.max_wallet_balance_minor', 'funding.max_wallet_balance_minor']);
    expect(issuePaths(withFunding({ max_top_up_minor: '1000', max_wallet_balance_minor: '1000' }))).toEqual([]);
  });

  it('refuses any amount above 10^15 minor units, or not a string of digits', () => {
    expect(issuePaths(withFunding({ max_wallet_balance_minor: '1000000000000001' }))).toEqual(['funding.max_wallet_balance_minor']);
    expect(issuePaths(withFunding({ max_wallet_balance_minor: '1000000000000000', max_top_up_minor: '1000000000000000' }))).toEqual([]);
    expect(issuePaths(withFunding({ max_top_up_minor: 200000 }))).toEqual(['funding.max_top_up_minor']);
    expect(issuePaths({ ...criticalIllnessPlan.rules, aid_bands: [{ max_age_years: 130, aid_minor: '9999999999999999' }] })).toEqual(['aid_bands.0.aid_minor']);
  });
});
