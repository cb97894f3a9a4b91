import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compileModel } from './cell-model.js';
import { scenarioOrThrow, type ScenarioInput } from './scenario-schema.js';
import { METRIC_COUNT, metricIndex, simulatePath, type PeriodRecord } from './simulate-path.js';

/** A small random scenario: 1–3 age bands, 1–2 risk classes, a waiting period or none, a cap or none. */
const smallScenario = fc
  .record({
    bands: fc.integer({ min: 1, max: 3 }),
    risks: fc.integer({ min: 1, max: 2 }),
    waiting: fc.boolean(),
    cap_minor: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
    scale: fc.double({ min: 0, max: 400, noNaN: true }),
    churn: fc.double({ min: 0, max: 3, noNaN: true }),
    elasticity: fc.double({ min: 0, max: 5, noNaN: true }),
    mortality: fc.boolean(),
    fee_bps: fc.integer({ min: 0, max: 10_000 }),
    joins: fc.integer({ min: 0, max: 5_000 }),
    initial: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 6 }),
    reduced_share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((draw): ScenarioInput => {
    const bands = [18, 40, 50].slice(0, draw.bands);
    const risks = [
      { name: 'low', incidence_factor: 0.5, churn_factor: 1.5 },
      { name: 'high', incidence_factor: 2, churn_factor: 0.5 },
    ].slice(0, draw.risks);
    return {
      name: 'random',
      description: 'fast-check',
      start_date: '2026-01-01',
      periods_per_year: 12,
      currency: 'CNY',
      age_bands_years: bands,
      max_age_years: 59,
      sex_incidence_factors: { female: 1, male: 1.2 },
      risk_classes: risks,
      tenure_slots_periods: draw.waiting ? [1, 1, 1, 12] : [2, 12],
      incidence: { per_1000_by_age: [{ age_years: 20, per_1000: 0.3 }, { age_years: 59, per_1000: 16 }], scale: draw.scale, selection: { initial_factor: 0.3, wear_off_days: 200 } },
      ...(draw.mortality ? { mortality_per_1000_by_age: [{ age_years: 18, per_1000: 1 }, { age_years: 59, per_1000: 40 }] } : {}),
      churn: { base_per_year: draw.churn, elasticity: draw.elasticity, reference_share_per_year_minor: '18800' },
      joiner_mix: { age_weights: bands.map((_, index) => index + 1), female_share: 0.4, risk_weights: risks.map(() => 1) },
      joins: [{ from_period: 2, to_period: 20, members_per_period: draw.joins }],
      rules: {
        aid_bands: bands.length > 1 ? [{ max_age_years: 39, aid_minor: '30000000' }, { max_age_years: 59, aid_minor: '10000000' }] : [{ max_age_years: 59, aid_minor: '10000000' }],
        waiting_days: draw.waiting ? 90 : 0,
        fee_bps: draw.fee_bps,
        cap_per_year_minor: draw.cap_minor === null ? null : String(draw.cap_minor),
        reduced_aid: [{ name: 'mild', from_date: '2026-06-01', share_of_cases: draw.reduced_share, aid_minor: '5000000' }],
      },
      operating_cost: { per_period_minor: '1000', per_member_per_year_minor: '100' },
      member_threshold: 100,
      initial_cohorts: draw.initial.map((members, index) => ({
        age_years: [20, 45, 58][index % 3]!,
        sex: index % 2 === 0 ? ('female' as const) : ('male' as const),
        risk_class: risks[index % risks.length]!.name,
        tenure_days: [0, 45, 400][index % 3]!,
        members,
      })),
    };
  });

it('conserves members and money in every period of every path (shares + backstop = aid + fee; start + joins − exits − claims − deaths = end)', () => {
  fc.assert(
    fc.property(smallScenario, fc.integer({ min: 0, max: 2 ** 31 }), (input, seed) => {
      const scenario = scenarioOrThrow(input);
      const model = compileModel(scenario, 30);
      const records: PeriodRecord[] = [];
      simulatePath(model, seed, 0, (record) => records.push(record));
      expect(records).toHaveLength(30);
      const initial = scenario.initial_cohorts.reduce((sum, cohort) => sum + cohort.members, 0);
      let expected_start = initial;
      for (const record of records) {
        expect(record.members_start).toBe(expected_start);
        expect(record.members_start + record.joins - record.exits - record.ended_by_claim - record.deaths).toBe(record.members_end);
        expect(record.members_end).toBeGreaterThanOrEqual(0);
        expect(record.shares_minor + record.backstop_minor).toBe(record.aid_minor + record.fee_minor);
        expect(record.backstop_minor >= 0n && record.shares_minor >= 0n).toBe(true);
        expect(record.fee_minor).toBe((record.aid_minor * BigInt(scenario.rules.fee_bps)) / 10_000n);
        if (scenario.rules.cap_per_year_minor === null) expect(record.backstop_minor).toBe(0n);
        // The whole pool never shares more than every payer's cap room.
        else expect(record.shares_minor <= BigInt(record.payers) * scenario.rules.cap_per_year_minor).toBe(true);
        expect(record.operator_margin_minor).toBe(record.fee_minor - record.backstop_minor - record.operating_cost_minor);
        expected_start = record.members_end;
      }
    }),
    { numRuns: 150 },
  );
});

it('caps a member’s year: the share stops at the cap, the operator pays the rest, and the cap room comes back each year', () => {
  fc.assert(
    fc.property(smallScenario, (scenario_input) => {
      const scenario = scenarioOrThrow({ ...scenario_input, incidence: { ...scenario_input.incidence, scale: 300 }, rules: { ...scenario_input.rules, cap_per_year_minor: '2000' } });
      const model = compileModel(scenario, 30);
      const records: PeriodRecord[] = [];
      simulatePath(model, 1, 0, (record) => records.push(record));
      const byYear = new Map<number, bigint>();
      records.forEach((record, period) => {
        const year = model.year_of_period[period]!;
        byYear.set(year, (byYear.get(year) ?? 0n) + record.share_per_member_ceil_minor);
      });
      for (const paid of byYear.values()) expect(paid <= 2000n).toBe(true);
    }),
    { numRuns: 30 },
  );
});

it('ends membership in the waiting period without aid, and pays no aid before the waiting period is over', () => {
  const base = fc.sample(smallScenario, { numRuns: 1, seed: 5 })[0]!;
  const scenario = scenarioOrThrow({
    ...base,
    initial_cohorts: [],
    joins: [{ from_period: 0, to_period: 0, members_per_period: 1_000_000 }],
    tenure_slots_periods: [1, 1, 1, 12],
    incidence: { ...base.incidence, scale: 50 },
    rules: { ...base.rules, waiting_days: 90 },
  });
  const records: PeriodRecord[] = [];
  const { metrics } = simulatePath(compileModel(scenario, 8), 3, 0, (record) => records.push(record));
  // Joined in period 0; at risk from period 1; in waiting for periods 1–3 (90 days at 12 a year).
  for (const period of [0, 1, 2, 3]) expect(records[period]!.aid_minor).toBe(0n);
  for (const period of [1, 2, 3]) {
    expect(records[period]!.ended_by_claim).toBe(0);
    expect(metrics[period * METRIC_COUNT + metricIndex.waiting_diagnoses]).toBeGreaterThan(0);
  }
  expect(metrics[4 * METRIC_COUNT + metricIndex.waiting_diagnoses]).toBe(0);
  expect(records[4]!.aid_minor).toBeGreaterThan(0n);
});
