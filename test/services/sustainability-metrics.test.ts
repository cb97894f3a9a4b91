import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredCycleMetrics } from '../../src/core/sustainability/rolling-metrics.js';
import { runCycle } from '../../src/services/cycles/index.js';
import { planInitialCohorts } from '../../src/services/sustainability/plan-initial-cohorts.js';
import { planAlerts, planMetrics } from '../../src/services/sustainability/read-metrics.js';
import { recomputePlanMetrics } from '../../src/services/sustainability/record-metrics.js';
import { publicPlanHealth } from '../../src/services/sustainability/public-health.js';
import { communityPlanId, sustainabilityCommunity, type Community } from '../support/sustainability-community.js';
import { describeEachBackend } from '../support/test-stores.js';

/**
 * The metrics of the community of test/support/sustainability-community.ts, worked out by hand.
 * Expected incidence per 1,000 a year: 1 at ≤ 30, 5 at ≥ 50, straight between (27 → 1, 31 → 1.2,
 * 37 → 2.4, 41 → 3.2, 42 → 3.4, 47 → 4.4, 52 → 5). Incidence = cases × 365 × 100,000 ÷ member-days.
 */
describeEachBackend('sustainability metrics of a small community', (dialect) => {
  let community: Community;
  let stored: StoredCycleMetrics[];

  beforeAll(async () => {
    community = await sustainabilityCommunity(dialect);
    stored = [...(await planMetrics(community.context, communityPlanId, { cycles: 24 })).cycles];
  });
  afterAll(async () => community?.context.store.close());

  const band = (metrics: StoredCycleMetrics['cycle'], name: string) => metrics.by_age_band.find((entry) => entry.band === name)!;
  const tenure = (metrics: StoredCycleMetrics['cycle'], name: string) => metrics.by_tenure_band.find((entry) => entry.band === name)!;

  it('stores one row per completed cycle, computed when the cycle run ended', async () => {
    expect(stored.map((entry) => entry.cycle.cycle_id)).toEqual(['mutual-test-20270321', 'mutual-test-20270407', 'mutual-test-20280321']);
  });

  it('cycle 1 (2027-03-21): five covered, two cases, everyone a joiner', () => {
    const c1 = stored[0]!.cycle;
    // A first cycle's period starts on the schedule's previous notice day, 2027-03-07: 14 days.
    expect([c1.period_start_at, c1.period_days]).toEqual(['2027-03-07T00:00:00.000Z', 14]);
    // A, B, C, D, E (F withdrew on 10 March; G waits until June).
    expect(c1.members_covered).toBe(5n);
    // Everyone who joined by the snapshot: A–G; F left.
    expect([c1.joins, c1.exits, c1.exits_ever_claimed]).toEqual([7n, 1n, 0n]);
    expect(c1.cases).toBe(2n);
    // D was 41 at diagnosis: 1 of 2.
    expect([c1.cases_aged_40_plus, c1.cases_aged_40_plus_bps]).toEqual([1n, 5000]);
    // 2 × 365 × 100,000 ÷ (5 × 14) = 1,042,857.142…
    expect(c1.member_days).toBe(70n);
    expect(c1.incidence_per_100k).toBe(1_042_857.14);
    // Ages 27, 31, 37, 41, 52 → 1 + 1.2 + 2.4 + 3.2 + 5 = 12.8 per 1,000 over 5 = 256 per 100,000.
    expect(c1.expected_incidence_per_100k).toBe(256);
    // 1,042,857.142… ÷ 256 = 4,073.66×.
    expect(c1.incidence_vs_expected_bps).toBe(40_736_607);
    // Joins by age at join: C 26; A 31, B 36; D 41, G 46; E 51, F 55. F (56 at the snapshot) left.
    expect(c1.by_age_band.map((entry) => [entry.band, entry.covered, entry.joins, entry.exits])).toEqual([
      ['0-29', 1n, 1n, 0n],
      ['30-39', 2n, 2n, 0n],
      ['40-49', 1n, 2n, 0n],
      ['50-59', 1n, 2n, 1n],
      ['60+', 0n, 0n, 0n],
    ]);
    // A's case over A and B: 365 × 100,000 ÷ 28 days; D's over D alone: ÷ 14.
    expect(band(c1, '30-39')).toMatchObject({ cases: 1n, incidence_per_100k: 1_303_571.43, expected_per_100k: 180 });
    expect(band(c1, '40-49')).toMatchObject({ cases: 1n, incidence_per_100k: 2_607_142.86, expected_per_100k: 320 });
    expect(band(c1, '0-29')).toMatchObject({ cases: 0n, incidence_per_100k: 0, expected_per_100k: 100 });
    expect(band(c1, '60+')).toMatchObject({ incidence_per_100k: null, expected_per_100k: null });
    // All joined 2026-11-28: 3 whole months at 21 March. A diagnosed 27 Feb (2 months), D 1 March (3).
    expect(tenure(c1, '3-12')).toMatchObject({ covered: 5n, cases: 1n, incidence_per_100k: 521_428.57 });
    expect(tenure(c1, '0-3')).toMatchObject({ covered: 0n, cases: 1n, incidence_per_100k: null });
    // Aid 300,000 + 100,000 CNY, fee 8%; two cases × 0.10 CNY per case = 0.20 each (under the 0.30 year cap).
    expect(c1.share).toEqual({ aid_total_minor: 40_000_000n, total_minor: 43_200_000n, share_total_minor: 100n, share_per_member_minor: 20n });
    expect(c1.caps).toEqual({ members_capped: 5n, members_at_year_cap: 0n, members_at_year_cap_bps: 0, backstop_minor: 43_199_900n });
    // Cost 48,000,000 × 14 ÷ 365 = 1,841,095.89 → 1,841,095; break-even ⌈48,000,000 × 70 ÷ (3,200,000 × 365)⌉ = ⌈2.88⌉.
    expect(c1.operator).toEqual({ fee_income_minor: 3_200_000n, operating_cost_minor: 1_841_095n, margin_minor: 1_358_905n, break_even_members: 3n });
    // Joiners at join 26 … 55: 1 + 1.2 + 2.2 + 3.2 + 4.2 + 5 + 5 = 21.8 over 7 = 311.43; F leaves at 56: 500; no stayers.
    expect(c1.selection).toEqual({
      joiners: { members: 7n, expected_per_100k: 311.43 },
      leavers: { members: 1n, expected_per_100k: 500 },
      stayers: { members: 0n, expected_per_100k: null },
      joiners_index_bps: null,
      leavers_index_bps: null,
      adverse_selection_index_bps: 6229,
    });
  });

  it('cycle 2 (2027-04-07): three covered, one case, A and B left, H joined, everyone at the year cap', () => {
    const c2 = stored[1]!.cycle;
    expect([c2.period_start_at, c2.period_days]).toEqual(['2027-03-21T00:00:00.000Z', 17]);
    // C, D, E; A and B withdrew, G and H wait.
    expect(c2.members_covered).toBe(3n);
    // H joined; B left, and A left after her aid.
    expect([c2.joins, c2.exits, c2.exits_ever_claimed]).toEqual([1n, 2n, 1n]);
    expect(band(c2, '30-39')).toMatchObject({ covered: 0n, joins: 0n, exits: 2n, exits_ever_claimed: 1n });
    expect(band(c2, '0-29')).toMatchObject({ covered: 1n, joins: 1n, exits: 0n });
    // E, 52: 365 × 100,000 ÷ (3 × 17) = 715,686.27; ÷ (1 × 17) in E's band.
    expect([c2.cases, c2.cases_aged_40_plus_bps, c2.incidence_per_100k]).toEqual([1n, 10_000, 715_686.27]);
    expect(band(c2, '50-59')).toMatchObject({ cases: 1n, incidence_per_100k: 2_147_058.82, expected_per_100k: 500 });
    // 27, 41, 52 → (1 + 3.2 + 5) ÷ 3 = 3.0667 per 1,000; 715,686.27 ÷ 306.67 = 2,333.76×.
    expect([c2.expected_incidence_per_100k, c2.incidence_vs_expected_bps]).toEqual([306.67, 23_337_596]);
    // Four whole months since 2026-11-28; E diagnosed 22 March: 3.
    expect(tenure(c2, '3-12')).toMatchObject({ covered: 3n, cases: 1n, incidence_per_100k: 715_686.27 });
    // One case: 0.10 CNY per case; 0.30 a year less 0.20 paid = 0.10: each pays 0.10 and is at the cap.
    expect(c2.share).toEqual({ aid_total_minor: 10_000_000n, total_minor: 10_800_000n, share_total_minor: 30n, share_per_member_minor: 10n });
    expect(c2.caps).toEqual({ members_capped: 3n, members_at_year_cap: 3n, members_at_year_cap_bps: 10_000, backstop_minor: 10_799_970n });
    // 48,000,000 × 17 ÷ 365 = 2,235,616.44; ⌈48,000,000 × 51 ÷ (800,000 × 365)⌉ = ⌈8.38⌉.
    expect(c2.operator).toEqual({ fee_income_minor: 800_000n, operating_cost_minor: 2_235_616n, margin_minor: -1_435_616n, break_even_members: 9n });
    // Joiner H (26): 100; leavers A (31), B (37): (1.2 + 2.4) ÷ 2 = 180; stayers C, D, E: 306.67.
    expect(c2.selection).toEqual({
      joiners: { members: 1n, expected_per_100k: 100 },
      leavers: { members: 2n, expected_per_100k: 180 },
      stayers: { members: 3n, expected_per_100k: 306.67 },
      joiners_index_bps: 3261,
      leavers_index_bps: 5870,
      adverse_selection_index_bps: 5556,
    });
  });

  it('cycle 3 (2028-03-21): five covered, three cases, a new year of the cap', () => {
    const c3 = stored[2]!.cycle;
    // 2027-04-07 → 2028-03-21 (2028 is a leap year): 349 days.
    expect(c3.period_days).toBe(349);
    expect([c3.members_covered, c3.joins, c3.exits]).toEqual([5n, 0n, 0n]);
    // C 27, G 47, H 27 at diagnosis: 3 × 365 × 100,000 ÷ (5 × 349) = 62,750.72.
    expect([c3.cases, c3.cases_aged_40_plus_bps, c3.incidence_per_100k]).toEqual([3n, 3333, 62_750.72]);
    // Ages 28, 42, 53, 47, 27 → (1 + 3.4 + 5 + 4.4 + 1) ÷ 5 = 2.96 per 1,000.
    expect([c3.expected_incidence_per_100k, c3.incidence_vs_expected_bps]).toEqual([296, 2_119_957]);
    expect(band(c3, '0-29')).toMatchObject({ covered: 2n, cases: 2n, incidence_per_100k: 104_584.53, expected_per_100k: 100 });
    expect(band(c3, '40-49')).toMatchObject({ covered: 2n, cases: 1n, incidence_per_100k: 52_292.26, expected_per_100k: 390 });
    // C, D, E 15 months, G (5 March 2027) 12, H (28 March 2027) 11. At diagnosis: C 14, G 11, H 10.
    expect(tenure(c3, '3-12')).toMatchObject({ covered: 1n, cases: 2n, incidence_per_100k: 209_169.05 });
    expect(tenure(c3, '12-24')).toMatchObject({ covered: 4n, cases: 1n, incidence_per_100k: 26_146.13 });
    // Three cases × 0.10 = 0.30, the whole 2028 cap.
    expect(c3.share).toEqual({ aid_total_minor: 70_000_000n, total_minor: 75_600_000n, share_total_minor: 150n, share_per_member_minor: 30n });
    expect(c3.caps).toEqual({ members_capped: 5n, members_at_year_cap: 5n, members_at_year_cap_bps: 10_000, backstop_minor: 75_599_850n });
    // 48,000,000 × 349 ÷ 365 = 45,895,890.41; ⌈48,000,000 × 1,745 ÷ (5,600,000 × 365)⌉ = ⌈40.98⌉.
    expect(c3.operator).toEqual({ fee_income_minor: 5_600_000n, operating_cost_minor: 45_895_890n, margin_minor: -40_295_890n, break_even_members: 41n });
    expect(c3.selection).toMatchObject({ joiners: { members: 0n }, leavers: { members: 0n }, stayers: { members: 5n, expected_per_100k: 296 }, adverse_selection_index_bps: null });
  });

  it('12 months to each cycle: yearly share and its trend, members against 12 months before, exposure-weighted incidence', () => {
    const [r1, r2, r3] = stored.map((entry) => entry.rolling) as [StoredCycleMetrics['rolling'], StoredCycleMetrics['rolling'], StoredCycleMetrics['rolling']];
    expect(r1).toMatchObject({ since_at: '2026-03-21T00:00:00.000Z', cycles: 1, period_days: 14, reference_cycle_id: null, yearly_share_per_member_minor: 20n, yearly_share_change_bps: null });
    // Fee 3,200,000 × 365 ÷ 14 = 83,428,571.43 a year.
    expect(r1.operator).toMatchObject({ fee_income_per_year_minor: 83_428_571n, margin_per_year_minor: 35_428_571n, break_even_members: 3n });
    expect(r1.incidence_vs_expected_bps).toBe(40_736_607);

    // Cycles 1 and 2: 31 days; yearly share 0.20 + 0.10; no cycle 12 months before.
    expect(r2).toMatchObject({ cycles: 2, period_days: 31, yearly_share_per_member_minor: 30n, members_12m_before: null, members_change_bps: null });
    // Joined since 2026-04-07: all eight; left: F, B, A (A had claimed).
    expect([r2.joins, r2.exits, r2.exits_ever_claimed, r2.cases, r2.member_days]).toEqual([8n, 3n, 1n, 3n, 121n]);
    // 3 × 36,500,000 ÷ 121 = 904,958.68; expected (12.8 × 14 + 9.2 × 17) × 100 ÷ 121 = 277.36.
    expect([r2.incidence_per_100k, r2.expected_incidence_per_100k, r2.incidence_vs_expected_bps]).toEqual([904_958.68, 277.36, 32_628_129]);
    // 4,000,000 × 365 ÷ 31 = 47,096,774.19 a year: below the 48,000,000 cost.
    expect(r2.operator).toEqual({
      fee_income_minor: 4_000_000n,
      fee_income_per_year_minor: 47_096_774n,
      operating_cost_per_year_minor: 48_000_000n,
      margin_per_year_minor: -903_226n,
      break_even_members: 4n,
    });
    expect(r2.backstop_minor).toBe(53_999_870n);
    // Joiners at join: 21.8 + 1 (H) over 8 = 285; leavers F 56, A 31, B 37: 8.6 ÷ 3 = 286.67; no stayers since 2026-04-07.
    expect(r2.selection.adverse_selection_index_bps).toBe(9942);

    // (2027-03-21, 2028-03-21]: cycles 2 and 3 (366 days); cycle 1 is "12 months before".
    expect(r3).toMatchObject({ cycles: 2, period_days: 366, reference_cycle_id: 'mutual-test-20270321' });
    // 0.10 + 0.30 = 0.40 against cycle 1's 0.20: doubled.
    expect([r3.yearly_share_per_member_minor, r3.yearly_share_12m_before_minor, r3.yearly_share_change_bps]).toEqual([40n, 20n, 10_000]);
    expect([r3.members_covered, r3.members_12m_before, r3.members_change_bps]).toEqual([5n, 5n, 0]);
    expect([r3.joins, r3.exits, r3.exits_ever_claimed, r3.cases, r3.cases_aged_40_plus_bps, r3.member_days]).toEqual([1n, 2n, 1n, 4n, 5000, 1796n]);
    // 4 × 36,500,000 ÷ 1,796 = 81,291.76; expected (9.2 × 17 + 14.8 × 349) × 100 ÷ 1,796 = 296.30.
    expect([r3.incidence_per_100k, r3.expected_incidence_per_100k, r3.incidence_vs_expected_bps]).toEqual([81_291.76, 296.3, 2_743_536]);
    // 6,400,000 × 365 ÷ 366 = 6,382,513.66; ⌈48,000,000 × 1,796 ÷ (6,400,000 × 365)⌉ = ⌈36.9⌉.
    expect(r3.operator).toMatchObject({ fee_income_per_year_minor: 6_382_513n, margin_per_year_minor: -41_617_487n, break_even_members: 37n });
    expect(r3.by_age_band.find((entry) => entry.band === '30-39')).toMatchObject({ exits: 2n, exits_ever_claimed: 1n });
    // Joiner H 100; leavers A (32) 1.4 and B (38) 2.6 → 200; stayers C, D, E, G: (1 + 3.4 + 5 + 4.4) ÷ 4 = 345.
    expect(r3.selection).toEqual({
      joiners: { members: 1n, expected_per_100k: 100 },
      leavers: { members: 2n, expected_per_100k: 200 },
      stayers: { members: 4n, expected_per_100k: 345 },
      joiners_index_bps: 2899,
      leavers_index_bps: 5797,
      adverse_selection_index_bps: 5000,
    });
  });

  it('raises each alert once, at its threshold, and tells both operators (not the auditor)', async () => {
    const alerts = await planAlerts(community.context, communityPlanId, { public_only: false });
    expect(alerts.map((alert) => [alert.cycle_id, alert.kind, alert.value, alert.threshold, alert.public]).sort()).toEqual(
      [
        // Cycle 1: 40,736,607 ≥ 40,000,000.
        ['mutual-test-20270321', 'incidence_over_expected', 40_736_607n, 40_000_000n, true],
        // Cycle 2: below the cost by 12 months' fee; all three at the cap (32,628,129 stays under the incidence threshold).
        ['mutual-test-20270407', 'fee_below_cost', 47_096_774n, 48_000_000n, true],
        ['mutual-test-20270407', 'members_at_cap', 10_000n, 5_000n, true],
        // Cycle 3: the yearly share doubled, exactly the threshold.
        ['mutual-test-20280321', 'fee_below_cost', 6_382_513n, 48_000_000n, true],
        ['mutual-test-20280321', 'members_at_cap', 10_000n, 5_000n, true],
        ['mutual-test-20280321', 'yearly_share_rise', 10_000n, 10_000n, true],
      ].sort(),
    );
    expect(alerts.find((alert) => alert.kind === 'yearly_share_rise')!.body_en).toBe(
      'Over the last 12 months each member paid 2.0 times as much as in the 12 months before (up 100%).',
    );
    const messages = await community.context.store.db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('kind', '=', 'sustainability_alert').execute();
    expect(messages).toHaveLength(12);
    expect(new Set(messages.map((message) => message.user_id))).toEqual(new Set(community.operators));
  });

  it('recomputing gives the same rows and raises nothing twice; a lost row is put back by the next run', async () => {
    const db = community.context.store.db;
    const before = await db.selectFrom('plan_cycle_metrics').select(['cycle_id', 'metrics_json']).orderBy('sequence').execute();
    expect(await recomputePlanMetrics(community.context, communityPlanId)).toBe(3);
    expect(await db.selectFrom('plan_cycle_metrics').select(['cycle_id', 'metrics_json']).orderBy('sequence').execute()).toEqual(before);
    const alerts = async () => Number((await db.selectFrom('sustainability_alerts').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow()).n);
    const messages = async () =>
      Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll<bigint>().as('n')).where('kind', '=', 'sustainability_alert').executeTakeFirstOrThrow()).n);
    expect([await alerts(), await messages()]).toEqual([6, 12]);
    await recomputePlanMetrics(community.context, communityPlanId);
    expect([await alerts(), await messages()]).toEqual([6, 12]);

    // A crash after the cycle completed and before its metrics: the next run of the same day adds them.
    await db.deleteFrom('plan_cycle_metrics').where('cycle_id', '=', before[2]!.cycle_id).execute();
    const again = await runCycle(community.context, communityPlanId);
    expect(again.already_completed).toBe(true);
    expect(await db.selectFrom('plan_cycle_metrics').select(['cycle_id', 'metrics_json']).orderBy('sequence').execute()).toEqual(before);
  });

  it('the public health: trends, age mix and public alerts, no personal data', async () => {
    const health = await publicPlanHealth(community.context, communityPlanId);
    expect(health.share_trend.map((entry) => [entry.share_per_member_minor, entry.yearly_share_minor])).toEqual([
      [20n, 20n],
      [10n, 30n],
      [30n, 40n],
    ]);
    expect(health.membership_trend.map((entry) => entry.members_covered)).toEqual([5n, 3n, 5n]);
    expect([health.yearly_share_change_bps, health.members_change_bps]).toEqual([10_000, 0]);
    // C 28, H 27; D 42, G 47; E 53.
    expect(health.age_mix.map((entry) => [entry.band, entry.members, entry.share_bps])).toEqual([
      ['0-29', 2n, 4000],
      ['30-39', 0n, 0],
      ['40-49', 2n, 4000],
      ['50-59', 1n, 2000],
      ['60+', 0n, 0],
    ]);
    expect(health.alerts).toHaveLength(6);
  });

  it('the initial cohorts for the simulator: live members now by age, sex and tenure (months × 365 / 12 days)', async () => {
    // The clock is at the third cycle's run, 2028-03-21T01:00. Sex alternates with the ID sequence (even: female).
    const as_of = community.context.clock.now().toISOString();
    const cohorts = await planInitialCohorts(community.context.store.db, communityPlanId, as_of, {
      risk_mix: [{ risk_class: 'standard', weight: 1 }],
      max_tenure_days: 10_000,
    });
    expect(cohorts).toEqual([
      { age_years: 27, sex: 'female', risk_class: 'standard', tenure_days: 334, members: 1 },
      { age_years: 28, sex: 'male', risk_class: 'standard', tenure_days: 456, members: 1 },
      { age_years: 42, sex: 'female', risk_class: 'standard', tenure_days: 456, members: 1 },
      { age_years: 47, sex: 'male', risk_class: 'standard', tenure_days: 365, members: 1 },
      { age_years: 53, sex: 'male', risk_class: 'standard', tenure_days: 456, members: 1 },
    ]);
  });
});
