import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears, fromDayNumber } from '../members/age.js';
import { criticalIllnessPlan } from '../plans/sample-plans.js';
import { parsePlanRules } from '../plans/plan-rules.js';
import { completedMonths, monthsBefore } from './calendar-months.js';
import { cycleMetrics, type CycleMetrics } from './cycle-metrics.js';
import { expectedPer1000At } from './expected-incidence.js';
import { ageBandOf, tenureBandOf } from './metric-bands.js';
import { ceilQuotient, changeBps, incidencePer100k, ratioBps } from './ratios.js';
import type { RollingMetrics } from './rolling-metrics.js';
import { alertTexts, evaluateAlerts } from './sustainability-alerts.js';
import { defaultAlertThresholds, defaultSustainability, sustainabilitySettingsOf, type AlertThresholds } from './sustainability-settings.js';

const day = fc.integer({ min: 0, max: 60_000 }).map(fromDayNumber);

describe('sustainability settings in plan rules', () => {
  it('keeps stored rules without the section valid and unchanged, and gives them the defaults', () => {
    const parsed = parsePlanRules(criticalIllnessPlan.rules);
    expect(parsed.ok && 'sustainability' in parsed.value).toBe(false);
    expect(parsed.ok && sustainabilitySettingsOf(parsed.value)).toEqual(defaultSustainability);
  });

  it('refuses a table whose ages do not ascend, a negative rate or a rate above 1,000 per 1,000, naming the field', () => {
    const withSection = (section: unknown) => parsePlanRules({ ...criticalIllnessPlan.rules, sustainability: section });
    const paths = (result: ReturnType<typeof withSection>) => (result.ok ? [] : (result.rejection.details!.issues as Array<{ path: string }>).map((issue) => issue.path));
    expect(withSection(defaultSustainability).ok).toBe(true);
    const table = (points: unknown) => ({ ...defaultSustainability, expected_incidence_per_1000: points });
    expect(paths(withSection(table([{ age_years: 40, per_1000: 1 }, { age_years: 30, per_1000: 2 }])))).toEqual(['sustainability.expected_incidence_per_1000']);
    expect(paths(withSection(table([{ age_years: 40, per_1000: -1 }])))).toEqual(['sustainability.expected_incidence_per_1000.0.per_1000']);
    expect(paths(withSection(table([{ age_years: 40, per_1000: 1001 }])))).toEqual(['sustainability.expected_incidence_per_1000.0.per_1000']);
    expect(paths(withSection({ ...defaultSustainability, operating_cost_per_year_minor: '-5' }))).toEqual(['sustainability.operating_cost_per_year_minor']);
    expect(paths(withSection({ ...defaultSustainability, alerts: { ...defaultAlertThresholds, members_drop_bps: 0 } }))).toEqual(['sustainability.alerts.members_drop_bps']);
  });
});

describe('calendar months and bands', () => {
  it('counts whole months as ages count whole years', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a.year * 400 + a.month * 31 + a.day <= b.year * 400 + b.month * 31 + b.day ? [a, b] : [b, a];
        expect(Math.floor(completedMonths(from, to) / 12)).toBe(ageInYears(from, to));
      }),
    );
  });

  it('a date k months before is k whole months back', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 480 }), (date, months) => {
        expect(completedMonths(monthsBefore(date, months), date)).toBe(months);
      }),
    );
    expect(monthsBefore({ year: 2028, month: 2, day: 29 }, 12)).toEqual({ year: 2027, month: 2, day: 28 });
  });

  it('puts each age and tenure in its band, boundaries included', () => {
    expect([29, 30, 39, 40, 59, 60, 99].map(ageBandOf)).toEqual(['0-29', '30-39', '30-39', '40-49', '50-59', '60+', '60+']);
    expect([0, 2, 3, 11, 12, 23, 24, 300].map(tenureBandOf)).toEqual(['0-3', '0-3', '3-12', '3-12', '12-24', '12-24', '24+', '24+']);
  });
});

describe('ratios and the expected incidence', () => {
  it('rounds half up, exactly', () => {
    expect(ratioBps(1n, 3n)).toBe(3333);
    expect(ratioBps(2n, 3n)).toBe(6667);
    expect(ratioBps(1n, 20_000n)).toBe(1);
    expect(ratioBps(1n, 0n)).toBeNull();
    expect(changeBps(40n, 20n)).toBe(10_000);
    expect(changeBps(15n, 20n)).toBe(-2500);
    expect(changeBps(5n, 0n)).toBeNull();
    expect(incidencePer100k(2n, 70n, 365)).toBe(1_042_857.14);
    expect(ceilQuotient(7n, 7n)).toBe(1n);
    expect(ceilQuotient(8n, 7n)).toBe(2n);
  });

  it('ratioBps is within half a basis point of the real ratio', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (numerator, denominator) => {
        const bps = BigInt(ratioBps(numerator, denominator)!);
        // |bps·d − 10⁴·n| ≤ d/2
        const error = bps * denominator - numerator * 10_000n;
        expect(2n * (error < 0n ? -error : error) <= denominator).toBe(true);
      }),
    );
  });

  it('interpolates the table between its points and is flat beyond them', () => {
    const table = defaultSustainability.expected_incidence_per_1000;
    expect(expectedPer1000At(table, 10)).toBe(0.34);
    expect(expectedPer1000At(table, 40)).toBe(2.15);
    expect(expectedPer1000At(table, 42)).toBeCloseTo(2.15 + (2 * (4 - 2.15)) / 5, 10);
    expect(expectedPer1000At(table, 80)).toBe(16.09);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 130 }), (a, b) => {
        // The default table rises with age, so its interpolation does too.
        if (a <= b) expect(expectedPer1000At(table, a)).toBeLessThanOrEqual(expectedPer1000At(table, b));
      }),
    );
  });
});

describe('cycle metrics', () => {
  const facts = {
    cycle_id: 'p-20270321',
    sequence: 1,
    snapshot_at: '2027-03-21T00:00:00.000Z',
    period_start_at: '2027-03-07T00:00:00.000Z',
    period_days: 14,
    share_total_minor: 0n,
    aid_total_minor: 0n,
    total_minor: 0n,
    fee_income_minor: 0n,
    backstop_minor: 0n,
  };

  it('conserves members and cases over the bands, for any histogram', () => {
    const group = fc.record({ age_years: fc.integer({ min: 0, max: 100 }), tenure_band: fc.constantFrom('0-3', '3-12', '12-24', '24+' as const), members: fc.bigInt({ min: 1n, max: 1000n }) });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 20 }), fc.array(fc.record({ age_years: fc.integer({ min: 0, max: 100 }), tenure_months: fc.integer({ min: 0, max: 400 }) }), { maxLength: 20 }), (covered, cases) => {
        const member_count = covered.reduce((total, entry) => total + entry.members, 0n);
        const metrics = cycleMetrics({
          facts: { ...facts, member_count },
          settings: defaultSustainability,
          covered,
          cases,
          flows: { joiners: [], leavers: [], stayers: [] },
          members_capped: 0n,
          members_at_year_cap: null,
        });
        expect(metrics.by_age_band.reduce((total, entry) => total + entry.covered, 0n)).toBe(member_count);
        expect(metrics.by_tenure_band.reduce((total, entry) => total + entry.cases, 0n)).toBe(BigInt(cases.length));
        expect(metrics.member_days).toBe(member_count * 14n);
      }),
    );
  });

  it('refuses covered groups that do not add up to the cycle’s members (an invariant, not input)', () => {
    expect(() =>
      cycleMetrics({
        facts: { ...facts, member_count: 2n },
        settings: defaultSustainability,
        covered: [{ age_years: 30, tenure_band: '0-3', members: 1n }],
        cases: [],
        flows: { joiners: [], leavers: [], stayers: [] },
        members_capped: 0n,
        members_at_year_cap: null,
      }),
    ).toThrow(/invariant/);
  });
});

describe('alerts', () => {
  const cycle = { caps: { members_at_year_cap_bps: 5000 } } as unknown as CycleMetrics;
  const rolling = {
    yearly_share_change_bps: 10_000,
    incidence_vs_expected_bps: 15_000,
    members_change_bps: -2_000,
    selection: { adverse_selection_index_bps: 12_000 },
    operator: { fee_income_per_year_minor: 999n, operating_cost_per_year_minor: 1000n },
  } as unknown as RollingMetrics;
  const kinds = (thresholds: AlertThresholds, c = cycle, r = rolling) => evaluateAlerts(c, r, thresholds).map((alert) => alert.kind);

  it('fires every alert at its threshold', () => {
    expect(kinds(defaultAlertThresholds)).toEqual(['yearly_share_rise', 'incidence_over_expected', 'members_drop', 'adverse_selection', 'fee_below_cost', 'members_at_cap']);
  });

  it('fires none just below the thresholds, or switched off', () => {
    const above = { yearly_share_rise_bps: 10_001, incidence_over_expected_bps: 15_001, members_drop_bps: 2_001, adverse_selection_bps: 12_001, fee_below_cost: true, members_at_cap_bps: 5_001 };
    const equalFee = { ...rolling, operator: { fee_income_per_year_minor: 1000n, operating_cost_per_year_minor: 1000n } } as unknown as RollingMetrics;
    expect(kinds(above, cycle, equalFee)).toEqual([]);
    const off = { yearly_share_rise_bps: null, incidence_over_expected_bps: null, members_drop_bps: null, adverse_selection_bps: null, fee_below_cost: false, members_at_cap_bps: null };
    expect(kinds(off)).toEqual([]);
    // No operating cost configured: no fee alert, whatever the fee.
    const noCost = { ...rolling, operator: { fee_income_per_year_minor: 0n, operating_cost_per_year_minor: 0n } } as unknown as RollingMetrics;
    expect(kinds(defaultAlertThresholds, cycle, noCost)).not.toContain('fee_below_cost');
  });

  it('marks the selection index for operators only, the rest public, and says each in both languages', () => {
    const alerts = evaluateAlerts(cycle, rolling, defaultAlertThresholds);
    expect(alerts.filter((alert) => !alert.public).map((alert) => alert.kind)).toEqual(['adverse_selection']);
    for (const alert of alerts) {
      const texts = alertTexts(alert, { name_zh: '计划', name_en: 'Plan' });
      expect(texts.title_zh).toMatch(/^计划：/);
      expect(texts.body_en.length).toBeGreaterThan(20);
    }
    expect(alertTexts(alerts[2]!, { name_zh: '计划', name_en: 'Plan' }).body_zh).toBe('参与分摊的成员比 12 个月前减少了 20%。');
  });
});
