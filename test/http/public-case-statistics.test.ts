import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/services/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';

interface Breakdown {
  period: string;
  plan_id: string;
  cases: number;
  by_illness: Array<{ code: string; name_zh: string; name_en: string; cases: number }>;
  by_age_band: Array<{ band: string; min_age_years: number; max_age_years: number | null; cases: number }>;
  by_province: Array<{ province: string; cases: number }>;
}
interface Breakdowns {
  per_cycle: Breakdown[];
  per_year: Breakdown[];
}
interface Card {
  case_number: string;
  age_at_diagnosis_years: number;
  province: string;
  illness: { code: string };
}

const allowedKeys = new Set(['per_cycle', 'per_year', 'period', 'plan_id', 'cases', 'by_illness', 'by_age_band', 'by_province', 'code', 'name_zh', 'name_en', 'band', 'min_age_years', 'max_age_years', 'province']);

/** Every key of every object in a JSON value. */
function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

function counted<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

function bandOf(age: number): string {
  if (age <= 17) return '0-17';
  if (age >= 70) return '70+';
  const decade = Math.floor(age / 10) * 10;
  return decade < 30 ? '18-29' : `${decade}-${decade + 9}`;
}

/**
 * GET /api/public/statistics/cases: the cases each cycle and year shared, counted by illness, age
 * band and province, agreeing with the cycle reports' own case cards, and nothing personal.
 */
describeEachBackend('HTTP public case statistics', (dialect) => {
  let t: TestApp;
  let secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemo(t.context, {}, { members: 150, blobStore: t.blobs });
    const persons = await t.store.db.selectFrom('persons').select(['name_enc', 'id_number_enc', 'phone_enc', 'birth_date']).where('demo', '=', 1n).execute();
    const files = await t.store.db.selectFrom('claim_evidence').select('file_name').execute();
    secrets = [
      ...persons.flatMap((person) => [t.context.cipher.decrypt(person.name_enc), t.context.cipher.decrypt(person.id_number_enc), t.context.cipher.decrypt(person.phone_enc).replace(/\D/g, '').slice(-11), person.birth_date]),
      ...files.map((file) => file.file_name),
    ];
    expect(persons.length).toBeGreaterThan(100);
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts each cycle’s shared cases by illness, age band and province, as its report’s case cards show them', async () => {
    const response = await t.app.inject('/api/public/statistics/cases');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Breakdowns;
    const statistics = (await t.app.inject('/api/public/statistics')).json() as { per_cycle: Array<{ period: string; cases: number }>; per_year: Array<{ period: string; plan_id: string; cases: number }> };
    // The same periods as the public statistics, with the same case counts.
    expect(body.per_cycle.map((entry) => [entry.period, entry.cases])).toEqual(statistics.per_cycle.map((entry) => [entry.period, entry.cases]));
    expect(body.per_year.map((entry) => [entry.plan_id, entry.period, entry.cases])).toEqual(statistics.per_year.map((entry) => [entry.plan_id, entry.period, entry.cases]));
    const withCases = body.per_cycle.filter((entry) => entry.cases > 0);
    expect(withCases.length).toBeGreaterThanOrEqual(2);
    for (const entry of body.per_cycle) {
      const report = (await t.app.inject(`/api/public/cycles/${entry.period}`)).json() as { cases: Array<{ card: Card }> };
      const cards = report.cases.map((item) => item.card);
      expect(entry.cases, entry.period).toBe(cards.length);
      expect(Object.fromEntries(entry.by_illness.map((item) => [item.code, item.cases])), entry.period).toEqual(counted(cards, (card) => card.illness.code));
      expect(Object.fromEntries(entry.by_province.map((item) => [item.province, item.cases])), entry.period).toEqual(counted(cards, (card) => card.province));
      expect(Object.fromEntries(entry.by_age_band.map((item) => [item.band, item.cases])), entry.period).toEqual(counted(cards, (card) => bandOf(card.age_at_diagnosis_years)));
    }
    // Illnesses carry the plan's own names; a year sums its cycles.
    const named = withCases[0]!.by_illness[0]!;
    expect(named.name_zh).not.toBe(named.code);
    expect(named.name_en).not.toBe(named.code);
    for (const year of body.per_year) {
      // A cycle id ends in its snapshot day (YYYYMMDD).
      const cycles = body.per_cycle.filter((entry) => entry.plan_id === year.plan_id && entry.period.slice(-8, -4) === year.period);
      expect(cycles.length).toBeGreaterThan(0);
      const sum = (pick: (entry: Breakdown) => Array<{ cases: number }>, keyOf: (item: never) => string) => {
        const totals: Record<string, number> = {};
        for (const entry of cycles) for (const item of pick(entry)) totals[keyOf(item as never)] = (totals[keyOf(item as never)] ?? 0) + item.cases;
        return totals;
      };
      expect(Object.fromEntries(year.by_illness.map((item) => [item.code, item.cases]))).toEqual(sum((entry) => entry.by_illness, (item: { code: string }) => item.code));
      expect(Object.fromEntries(year.by_province.map((item) => [item.province, item.cases]))).toEqual(sum((entry) => entry.by_province, (item: { province: string }) => item.province));
      expect(Object.fromEntries(year.by_age_band.map((item) => [item.band, item.cases]))).toEqual(sum((entry) => entry.by_age_band, (item: { band: string }) => item.band));
    }
  });

  it('answers aggregate counts only: no key beyond them and no demo person’s name, ID number, phone, birth date or file name', async () => {
    const response = await t.app.inject('/api/public/statistics/cases');
    const body = response.json() as Breakdowns;
    expect([...keysOf(body)].filter((key) => !allowedKeys.has(key))).toEqual([]);
    const text = response.body.toLowerCase();
    expect(secrets.filter((secret) => text.includes(secret.toLowerCase()))).toEqual([]);
    // Not vacuous: the cases are there, and each carries a province, which a person's row holds.
    expect(body.per_cycle.some((entry) => entry.by_province.length > 0)).toBe(true);
    // The OpenAPI document lists it as public, so the demo community's public-data scan covers it too.
    const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, { get?: { security?: unknown[] } }> };
    expect(document.paths['/api/public/statistics/cases']?.get?.security).toEqual([]);
  });

  it('keeps to one plan when asked, and answers a bad plan id with a 400 and an unknown one with nothing', async () => {
    const one = (await t.app.inject('/api/public/statistics/cases?plan_id=community-senior-cancer')).json() as Breakdowns;
    expect(one.per_cycle.length).toBeGreaterThan(0);
    expect(new Set([...one.per_cycle, ...one.per_year].map((entry) => entry.plan_id))).toEqual(new Set(['community-senior-cancer']));
    const unknown = await t.app.inject('/api/public/statistics/cases?plan_id=no-such-plan');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ per_cycle: [], per_year: [] });
    const bad = await t.app.inject(`/api/public/statistics/cases?plan_id=${'x'.repeat(65)}`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });
});
