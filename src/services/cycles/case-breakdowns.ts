import type { ServiceContext } from '../context.js';
import { listPlans } from '../plans.js';

/**
 * The cases each completed cycle shared, counted by illness, by age band at diagnosis and by
 * province, per cycle and per calendar year of snapshots: aggregate counts only, for the public
 * cycle reports' charts. Nothing here names a case, let alone a person: the groups are counted by
 * the database (three grouped queries, whatever the number of cases) and only the counts leave.
 */
export interface CaseBreakdown {
  /** A cycle id, or a year (YYYY) for the yearly totals. */
  readonly period: string;
  readonly plan_id: string;
  readonly cases: number;
  readonly by_illness: ReadonlyArray<{ readonly code: string; readonly name_zh: string; readonly name_en: string; readonly cases: number }>;
  readonly by_age_band: ReadonlyArray<{ readonly band: string; readonly min_age_years: number; readonly max_age_years: number | null; readonly cases: number }>;
  readonly by_province: ReadonlyArray<{ readonly province: string; readonly cases: number }>;
}

/** Age bands at diagnosis, by decade from 18; the last is open-ended (max null). */
export const caseAgeBands: ReadonlyArray<{ readonly band: string; readonly min_age_years: number; readonly max_age_years: number | null }> = [
  { band: '0-17', min_age_years: 0, max_age_years: 17 },
  { band: '18-29', min_age_years: 18, max_age_years: 29 },
  { band: '30-39', min_age_years: 30, max_age_years: 39 },
  { band: '40-49', min_age_years: 40, max_age_years: 49 },
  { band: '50-59', min_age_years: 50, max_age_years: 59 },
  { band: '60-69', min_age_years: 60, max_age_years: 69 },
  { band: '70+', min_age_years: 70, max_age_years: null },
];

function bandOf(age_years: number): string {
  const band = caseAgeBands.find((entry) => entry.max_age_years === null || age_years <= entry.max_age_years);
  return band?.band ?? '70+';
}

/** Counts by a key (an illness code, an age band, a province). */
class Tally {
  readonly #counts = new Map<string, number>();
  add(key: string, count: number): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }
  entries(): Array<[string, number]> {
    return [...this.#counts.entries()].filter(([, count]) => count > 0);
  }
}

interface Period {
  readonly period: string;
  readonly plan_id: string;
  readonly illness: Tally;
  readonly age: Tally;
  readonly province: Tally;
}

function newPeriod(period: string, plan_id: string): Period {
  return { period, plan_id, illness: new Tally(), age: new Tally(), province: new Tally() };
}

/** Most cases first, then by key, so two runs over the same rows answer byte for byte alike. */
function byCountThenKey(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export async function caseBreakdowns(context: ServiceContext, filter: { plan_id?: string } = {}): Promise<{ per_cycle: CaseBreakdown[]; per_year: CaseBreakdown[] }> {
  const db = context.store.db;
  let cyclesQuery = db.selectFrom('cycles').select(['id', 'cycle_code', 'plan_id', 'snapshot_at']).where('status', '=', 'completed').orderBy('plan_id').orderBy('sequence');
  if (filter.plan_id !== undefined) cyclesQuery = cyclesQuery.where('plan_id', '=', filter.plan_id);
  const cycles = await cyclesQuery.execute();
  if (cycles.length === 0) return { per_cycle: [], per_year: [] };

  const shared = () => {
    let query = db
      .selectFrom('cycle_cases as cc')
      .innerJoin('cycles as c', 'c.id', 'cc.cycle_id')
      .innerJoin('claims as cl', 'cl.id', 'cc.claim_id')
      .where('c.status', '=', 'completed');
    if (filter.plan_id !== undefined) query = query.where('c.plan_id', '=', filter.plan_id);
    return query;
  };
  const [illnesses, ages, provinces] = await Promise.all([
    shared()
      .select(['cc.cycle_id', 'cl.illness_code as key', (eb) => eb.fn.countAll<bigint>().as('cases')])
      .groupBy(['cc.cycle_id', 'cl.illness_code'])
      .execute(),
    // Grouped by the age in years (at most 131 groups a cycle); the decades are summed below.
    shared()
      .select(['cc.cycle_id', 'cl.age_at_diagnosis_years as key', (eb) => eb.fn.countAll<bigint>().as('cases')])
      .groupBy(['cc.cycle_id', 'cl.age_at_diagnosis_years'])
      .execute(),
    shared()
      .innerJoin('persons as p', 'p.id', 'cl.person_id')
      .select(['cc.cycle_id', 'p.province as key', (eb) => eb.fn.countAll<bigint>().as('cases')])
      .groupBy(['cc.cycle_id', 'p.province'])
      .execute(),
  ]);

  const perCycle = new Map<bigint, Period>(cycles.map((cycle) => [cycle.id, newPeriod(cycle.cycle_code, cycle.plan_id)]));
  const perYear = new Map<string, Period>();
  const yearOf = new Map<bigint, Period>();
  for (const cycle of cycles) {
    const year = cycle.snapshot_at.slice(0, 4);
    const key = `${cycle.plan_id}|${year}`;
    const period = perYear.get(key) ?? newPeriod(year, cycle.plan_id);
    perYear.set(key, period);
    yearOf.set(cycle.id, period);
  }
  const add = (cycle_id: bigint, pick: (period: Period) => Tally, key: string, cases: bigint) => {
    const cycle = perCycle.get(cycle_id);
    const year = yearOf.get(cycle_id);
    if (cycle === undefined || year === undefined) throw new Error(`cycle ${cycle_id} shares cases but was not listed`);
    pick(cycle).add(key, Number(cases));
    pick(year).add(key, Number(cases));
  };
  for (const row of illnesses) add(row.cycle_id, (period) => period.illness, row.key, row.cases);
  for (const row of ages) add(row.cycle_id, (period) => period.age, bandOf(Number(row.key)), row.cases);
  for (const row of provinces) add(row.cycle_id, (period) => period.province, row.key, row.cases);

  // Illness names as the plans publish them (the newest version naming the code wins).
  const names = new Map<string, { name_zh: string; name_en: string }>();
  for (const plan of await listPlans(context)) {
    for (const version of plan.versions) for (const illness of version.rules.illnesses) names.set(`${plan.id}|${illness.code}`, { name_zh: illness.name_zh, name_en: illness.name_en });
  }
  const bandOrder = new Map(caseAgeBands.map((band, index) => [band.band, index]));
  const breakdownOf = (period: Period): CaseBreakdown => {
    const by_illness = period.illness
      .entries()
      .sort(byCountThenKey)
      .map(([code, cases]) => ({ code, ...(names.get(`${period.plan_id}|${code}`) ?? { name_zh: code, name_en: code }), cases }));
    const ageCounts = new Map(period.age.entries());
    const by_age_band = caseAgeBands.filter((band) => ageCounts.has(band.band)).map((band) => ({ ...band, cases: ageCounts.get(band.band) ?? 0 }));
    by_age_band.sort((a, b) => (bandOrder.get(a.band) ?? 0) - (bandOrder.get(b.band) ?? 0));
    const by_province = period.province
      .entries()
      .sort(byCountThenKey)
      .map(([province, cases]) => ({ province, cases }));
    const cases = by_illness.reduce((sum, entry) => sum + entry.cases, 0);
    return { period: period.period, plan_id: period.plan_id, cases, by_illness, by_age_band, by_province };
  };
  return { per_cycle: [...perCycle.values()].map(breakdownOf), per_year: [...perYear.values()].map(breakdownOf) };
}
