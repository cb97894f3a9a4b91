import { afterEach, beforeEach, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { addPlanVersion, ensureSamplePlans, getPlan, versionAt } from '../../src/services/plans.js';
import { codeOf } from '../support/rejection-code.js';
import { testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('plan versions', (dialect) => {
  let context: TestContext;
  beforeEach(async () => {
    context = await testContext(dialect);
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  it('adds a future version, keeps the history and applies it from its date', async () => {
    const rules = { ...criticalIllnessPlan.rules, fee_bps: 600 };
    const plan = await addPlanVersion(context, 'critical-illness', { rules, effective_at: '2027-01-01T00:00:00.000Z', note: 'Lower fee' }, null);
    expect(plan.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(versionAt(plan, '2026-12-31T23:59:59.999Z').rules.fee_bps).toBe(800);
    expect(versionAt(plan, '2027-01-01T00:00:00.000Z').rules.fee_bps).toBe(600);
  });

  it('refuses a past date, a version before the latest, and a change of funding model, writing nothing', async () => {
    const rules = criticalIllnessPlan.rules;
    expect(await codeOf(addPlanVersion(context, 'critical-illness', { rules, effective_at: '2026-11-01T00:00:00.000Z', note: 'Too late' }, null))).toBe('PLAN_VERSION_IN_PAST');
    const prepaid = { ...rules, funding: { model: 'prepaid' as const, min_top_up_minor: '1000', low_balance_minor: '500', grace_days: 7 } };
    expect(await codeOf(addPlanVersion(context, 'critical-illness', { rules: prepaid, effective_at: '2027-01-01T00:00:00.000Z', note: 'Switch' }, null))).toBe('PLAN_BAD_RULES');
    expect(await codeOf(addPlanVersion(context, 'nope', { rules, effective_at: '2027-01-01T00:00:00.000Z', note: 'x' }, null))).toBe('PLAN_NOT_FOUND');
    expect((await getPlan(context, 'critical-illness')).versions).toHaveLength(1);
  });
});
