import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import fc from 'fast-check';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RejectionError } from '../../src/core/rejection.js';
import { enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { composeSimulation } from '../../src/services/sustainability/compose-simulation.js';
import { planInitialCohorts, spreadOverRiskMix } from '../../src/services/sustainability/plan-initial-cohorts.js';
import { publicForecast } from '../../src/services/sustainability/public-forecast.js';
import { maxQueuedRuns, SIM_INTERRUPTED, SimulationJobs, type SimulationEvent } from '../../src/services/sustainability/simulation-jobs.js';
import { runSimulation } from '../../src/sim/run-simulation.js';
import { scenarioCatalog } from '../../src/sim/scenario-catalog.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

// The runs use worker threads, which load the build in dist/ (npx tsc -p tsconfig.build.json first).

type Json = Record<string, unknown>;

/** The shipped scenario, to be edited as a what-if would. */
function small(): { rules: Json; churn: Json } & Json {
  return structuredClone(scenarioCatalog['small-community']) as { rules: Json; churn: Json } & Json;
}

async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; parameter: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RejectionError) return { code: error.rejection.code, parameter: error.rejection.details?.parameter };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function runCount(context: TestContext): Promise<number> {
  const row = await context.store.db.selectFrom('simulation_runs').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Events of one run, in the order heard. */
function recorder(jobs: SimulationJobs) {
  const events: SimulationEvent[] = [];
  jobs.subscribe((event) => events.push(event));
  return {
    statuses: (id: string) => events.filter((event) => event.id === id && event.kind === 'status').map((event) => (event.kind === 'status' ? event.status : '')),
    progress: (id: string) => events.filter((event) => event.id === id && event.kind === 'progress').map((event) => (event.kind === 'progress' ? event.paths_done : 0)),
    order: () => events.filter((event) => event.kind === 'status').map((event) => `${event.id}:${event.kind === 'status' ? event.status : ''}`),
  };
}

describe('spreading a plan’s members over the scenario’s risk classes', () => {
  it('keeps every member, gives each class its floor or one more, and prefers the larger remainder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }), (members, weights) => {
        fc.pre(weights.some((weight) => weight > 0));
        const mix = weights.map((weight, index) => ({ risk_class: `r${index}`, weight }));
        const spread = spreadOverRiskMix(members, mix);
        expect(spread.reduce((sum, entry) => sum + entry.members, 0)).toBe(members);
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        for (const entry of spread) {
          const exact = (members * mix.find((item) => item.risk_class === entry.risk_class)!.weight) / total;
          expect(entry.members).toBeGreaterThan(0);
          expect(Math.abs(entry.members - exact)).toBeLessThan(1);
        }
      }),
    );
    expect(spreadOverRiskMix(1, [{ risk_class: 'a', weight: 0.4 }, { risk_class: 'b', weight: 0.6 }])).toEqual([{ risk_class: 'b', members: 1 }]);
    expect(spreadOverRiskMix(10, [{ risk_class: 'a', weight: 0.6 }, { risk_class: 'b', weight: 0.4 }])).toEqual([
      { risk_class: 'a', members: 6 },
      { risk_class: 'b', members: 4 },
    ]);
  });
});

describeEachBackend('Simulation runs as background jobs', (dialect) => {
  let context: TestContext;
  const planId = 'critical-illness';
  const asOf = '2027-06-15T10:00:00.000Z';

  beforeAll(async () => {
    context = await testContext(dialect, { now: '2026-11-28T10:00:00.000Z' });
    await ensureSamplePlans(context);
    const enrol = async (birth: string, sequence: number) => {
      const [result] = await enrolMembers(context, [{ plan_id: planId, payer_user_id: null, person: personBornOn(birth, sequence), answers: noToAll }]);
      if (!result?.ok) throw new Error(`enrolment failed: ${JSON.stringify(result)}`);
      return result.value.membership_id;
    };
    // Sex follows the ID sequence (even: female). Four join on 2026-11-28, one leaves, one joins on 2027-06-15.
    await enrol('1990-05-17', 1);
    await enrol('1995-01-01', 2);
    const leaver = await enrol('1980-07-07', 3);
    await enrol('1970-03-03', 4);
    context.clock.set('2027-03-01T00:00:00.000Z');
    await changeMembershipStatus(context, leaver, 'member_withdrew', 'Moved away', 'member');
    context.clock.set(asOf);
    await enrol('1992-02-02', 5);
  });
  afterAll(async () => context?.store.close());

  it('reads the plan’s live membership as initial cohorts: age, sex and tenure on the day, one GROUP BY', async () => {
    const risk_mix = [
      { risk_class: 'healthier', weight: 0.6 },
      { risk_class: 'average', weight: 0.4 },
    ];
    // Tenure 2026-11-28 → 2027-06-15: 6 whole months, 182 days; the joiner of the day: 0. The leaver is not there.
    expect(await planInitialCohorts(context.store.db, planId, asOf, { risk_mix, max_tenure_days: 1096 })).toEqual([
      { age_years: 32, sex: 'female', risk_class: 'healthier', tenure_days: 182, members: 1 },
      { age_years: 35, sex: 'male', risk_class: 'healthier', tenure_days: 0, members: 1 },
      { age_years: 37, sex: 'male', risk_class: 'healthier', tenure_days: 182, members: 1 },
      { age_years: 57, sex: 'female', risk_class: 'healthier', tenure_days: 182, members: 1 },
    ]);
    // Tenure past the scenario's last slot is cut there; a day before the last join, that member is not there yet.
    const cut = await planInitialCohorts(context.store.db, planId, '2027-06-14T00:00:00.000Z', { risk_mix, max_tenure_days: 100 });
    expect(cut.map((cohort) => [cohort.age_years, cohort.tenure_days])).toEqual([
      [32, 100],
      [37, 100],
      [57, 100],
    ]);
  });

  it('runs queued → running → done, one run at a time, counting progress; the summary is runSimulation’s for the same input', async () => {
    // Counts the updates of the run rows: the progress is written every 10 paths or more, not at every batch.
    let updates = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'UpdateQueryNode') updates += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const jobs = new SimulationJobs({ ...context, store: { ...context.store, db: context.store.db.withPlugin(counting) } }, { threads: 2, progress_every_paths: 10 });
    const heard = recorder(jobs);
    const options = { paths: 40, periods: 24, seed: 7 };
    const first = await jobs.request({ scenario: 'small-community', overrides: { fee_bps: 600, churn_elasticity: 2 }, options }, 'user:1');
    const second = await jobs.request({ scenario: 'small-community', options: { paths: 5, periods: 6 } }, 'user:1');
    expect([first.status, first.paths_done, first.paths_total, first.request.overrides]).toEqual(['queued', 0, 40, { fee_bps: 600, churn_elasticity: 2 }]);
    expect(second.status).toBe('queued');

    const done = await jobs.finished(first.id);
    const other = await jobs.finished(second.id);
    expect([done.status, done.paths_done, done.error, done.finished_at]).toEqual(['done', 40, null, asOf]);
    expect(other.status).toBe('done');
    expect(heard.statuses(first.id)).toEqual(['queued', 'running', 'done']);
    // The second waits for the first to end.
    const order = heard.order();
    const at = (event: string) => order.indexOf(event);
    expect(order).toHaveLength(6);
    expect(at(`${first.id}:done`)).toBeLessThan(at(`${second.id}:running`));
    expect(at(`${second.id}:queued`)).toBeLessThan(at(`${second.id}:running`));
    expect(at(`${second.id}:running`)).toBeLessThan(at(`${second.id}:done`));
    // Progress: one event per batch of paths, rising to the total.
    const progress = heard.progress(first.id);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(40);
    expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
    // Per run: running, done, and a progress write each time 10 more paths are done (40 and 5 paths: at most 4 + 1).
    const progress_writes = updates - 4;
    expect(progress_writes).toBeGreaterThanOrEqual(4);
    expect(progress_writes).toBeLessThanOrEqual(5);
    expect(progress_writes).toBeLessThan(progress.length + heard.progress(second.id).length);

    const scenario = small();
    scenario.rules.fee_bps = 600;
    scenario.churn.elasticity = 2;
    const expected = await runSimulation(scenario, { ...options, threads: 0 });
    expect(done.summary).toEqual(expected.summary);
    // Another fee is another forecast (the override reached the run).
    expect((await runSimulation(small(), { ...options, threads: 0 })).summary).not.toEqual(done.summary);
    expect((await jobs.list({ limit: 10 })).map((run) => run.id)).toEqual([second.id, first.id]);
  });

  it('refuses a bad request before a row is written, naming the parameter', async () => {
    const jobs = new SimulationJobs(context, { threads: 0 });
    const before = await runCount(context);
    const options = { paths: 10, periods: 12 };
    const cases: Array<[unknown, string, string]> = [
      [{ scenario: 'no-such-scenario', options }, 'SIM_BAD_SCENARIO', 'scenario'],
      [{ scenario: 'constructor', options }, 'SIM_BAD_SCENARIO', 'scenario'],
      [{ scenario: 'small-community', options, overrides: { premium: 1 } }, 'SIM_BAD_SCENARIO', 'overrides.premium'],
      [{ scenario: 'small-community', options, overrides: { fee_bps: -1 } }, 'SIM_BAD_SCENARIO', 'overrides.fee_bps'],
      [{ scenario: 'small-community', options, overrides: { churn_elasticity: Number.NaN } }, 'SIM_BAD_SCENARIO', 'overrides.churn_elasticity'],
      [{ scenario: 'small-community', options, overrides: { selection: { initial_factor: 1.5, wear_off_days: 90 } } }, 'SIM_BAD_SCENARIO', 'overrides.selection.initial_factor'],
      [{ scenario: 'small-community', options, overrides: { cap_per_year_minor: '-5' } }, 'SIM_BAD_SCENARIO', 'overrides.cap_per_year_minor'],
      [{ scenario: 'small-community', options, overrides: { age_weights: [1, 2] } }, 'SIM_BAD_SCENARIO', 'overrides.age_weights'],
      [{ scenario: 'small-community', options, overrides: { risk_weights: [0, 0] } }, 'SIM_BAD_SCENARIO', 'overrides.risk_weights'],
      [
        { scenario: 'small-community', options, overrides: { aid_bands: [{ max_age_years: 35, aid_minor: '100' }, { max_age_years: 59, aid_minor: '50' }] } },
        'SIM_BAD_SCENARIO',
        'overrides.aid_bands.0.max_age_years',
      ],
      // 200 days at 12 periods a year: 7 periods, where no tenure slot of the scenario ends.
      [{ scenario: 'small-community', options, overrides: { waiting_days: 200 } }, 'SIM_BAD_SCENARIO', 'overrides.waiting_days'],
      [{ scenario: 'small-community', options: { paths: 2_001, periods: 12 } }, 'SIM_BAD_OPTIONS', 'options.paths'],
      [{ scenario: 'small-community', options: { paths: 10, periods: 241 } }, 'SIM_BAD_OPTIONS', 'options.periods'],
      [{ scenario: 'small-community', options: { paths: 10, periods: 0 } }, 'SIM_BAD_OPTIONS', 'options.periods'],
      [{ scenario: 'small-community', options: { paths: 10, periods: 12, threads: 8 } }, 'SIM_BAD_OPTIONS', 'options.threads'],
      [{ scenario: 'small-community', options: { paths: 10, periods: 12, seed: -1 } }, 'SIM_BAD_OPTIONS', 'options.seed'],
      [{ scenario: 'small-community' }, 'SIM_BAD_OPTIONS', 'options'],
      [{ scenario: 'small-community', options, colour: 'red' }, 'SIM_BAD_OPTIONS', 'colour'],
      [{ scenario: 'small-community', options, publish: true }, 'SIM_BAD_OPTIONS', 'publish'],
      [{ scenario: 'small-community', options: { paths: 10, periods: 6 }, plan_id: planId, publish: true }, 'SIM_BAD_OPTIONS', 'options.periods'],
      [null, 'SIM_BAD_OPTIONS', '(request)'],
    ];
    for (const [input, code, parameter] of cases) {
      expect(await refusalOf(jobs.request(input, 'user:1')), JSON.stringify(input)).toEqual({ code, parameter });
    }
    expect(await refusalOf(jobs.request({ scenario: 'small-community', options, plan_id: 'no-such-plan' }, 'user:1'))).toEqual({ code: 'PLAN_NOT_FOUND', parameter: undefined });
    expect(await runCount(context)).toBe(before);
  });

  it('takes any fee within the bounds and refuses any other, naming overrides.fee_bps (composition alone, nothing written)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.double()), async (fee_bps) => {
        const input = { scenario: 'small-community', overrides: { fee_bps }, options: { paths: 1, periods: 1 } };
        const valid = Number.isInteger(fee_bps) && fee_bps >= 0 && fee_bps <= 5_000;
        if (valid) expect(((await composeSimulation(context, input)).scenario_input.rules as Json).fee_bps).toBe(fee_bps);
        else expect(await refusalOf(composeSimulation(context, input))).toEqual({ code: 'SIM_BAD_SCENARIO', parameter: 'overrides.fee_bps' });
      }),
      { numRuns: 60 },
    );
  });

  it('a run from a plan starts from its membership and its rules; published, it is the plan’s public forecast', async () => {
    const jobs = new SimulationJobs(context, { threads: 1 });
    expect((await publicForecast(context, planId)).forecast).toBeNull();
    const asked = await jobs.request({ scenario: 'small-community', plan_id: planId, options: { paths: 8, periods: 24, seed: 3 }, publish: true }, 'user:2');
    expect(asked.public).toBe(true);
    expect(asked.request).toMatchObject({
      plan_id: planId,
      start_date: '2027-06-15',
      plan_rules: { version: 1, fee_bps: 800, cap_per_year_minor: '18800', waiting_days: 90, aid_bands: [{ max_age_years: 39, aid_minor: '30000000' }, { max_age_years: 59, aid_minor: '10000000' }] },
      initial_members: 4,
      members_outside_ages: 0,
      // Monthly periods from 2027-06-15: 2028 is the first whole year.
      forecast_year: 2028,
    });
    const done = await jobs.finished(asked.id);
    expect(done.status).toBe('done');
    const composed = await composeSimulation(context, { scenario: 'small-community', plan_id: planId, options: { paths: 8, periods: 24, seed: 3 } });
    expect((composed.scenario_input.initial_cohorts as unknown[]).length).toBe(4);
    expect(done.summary).toEqual((await runSimulation(composed.scenario_input, { paths: 8, periods: 24, seed: 3 })).summary);

    const forecast = await publicForecast(context, planId);
    const year = done.summary!.years.find((entry) => entry.year === 2028)!;
    expect(forecast).toEqual({
      plan_id: planId,
      currency: 'CNY',
      forecast: {
        year: 2028,
        share_per_member_minor: { p5: String(Math.round(year.cost_per_member_minor.p5)), p50: String(Math.round(year.cost_per_member_minor.p50)), p95: String(Math.round(year.cost_per_member_minor.p95)) },
        paths: 8,
        as_of: asOf,
        finished_at: asOf,
      },
    });
    // Taken back, the plan has no public forecast again; a run without a plan cannot be published.
    await jobs.setPublic(asked.id, false);
    expect((await publicForecast(context, planId)).forecast).toBeNull();
    const free = await jobs.request({ scenario: 'small-community', options: { paths: 2, periods: 24 } }, 'user:2');
    expect(await refusalOf(jobs.setPublic(free.id, true))).toMatchObject({ code: 'SIM_NOT_A_PLAN_RUN' });
    await jobs.settled();
  });

  it('refuses a request past the queue’s bound (SIM_QUEUE_FULL), even when all are asked at once', async () => {
    const jobs = new SimulationJobs(context, { threads: 0 });
    const before = await runCount(context);
    const asked = await Promise.allSettled(Array.from({ length: maxQueuedRuns + 1 }, () => jobs.request({ scenario: 'small-community', options: { paths: 1, periods: 1 } }, 'user:1')));
    const refused = asked.flatMap((outcome, index) => (outcome.status === 'rejected' ? [[index, (outcome.reason as RejectionError).rejection.code]] : []));
    expect(refused).toEqual([[maxQueuedRuns, 'SIM_QUEUE_FULL']]);
    await jobs.settled();
    expect(await runCount(context)).toBe(before + maxQueuedRuns);
  });

  it('stores a failure of the run with its code', async () => {
    // More threads than the simulator allows: refused by runSimulation itself, after the row is written.
    const jobs = new SimulationJobs(context, { threads: 65 });
    const heard = recorder(jobs);
    const asked = await jobs.request({ scenario: 'small-community', options: { paths: 2, periods: 2 } }, 'user:1');
    const failed = await jobs.finished(asked.id);
    expect([failed.status, failed.error?.code, failed.summary, failed.finished_at]).toEqual(['failed', 'SIM_BAD_OPTIONS', null, asOf]);
    expect(heard.statuses(asked.id)).toEqual(['queued', 'running', 'failed']);
  });

  it('marks runs left unfinished by a dead process failed (SIM_INTERRUPTED) on restart, and leaves a live server’s runs alone', async () => {
    const dead_pid = spawnSync(process.execPath, ['-e', '']).pid;
    const insert = (status: 'queued' | 'running', owner: string, lease_until: string) =>
      context.store.db
        .insertInto('simulation_runs')
        .values({
          plan_id: null,
          scenario_name: 'small-community',
          request_json: JSON.stringify({ scenario: 'small-community', forecast_year: null }),
          status,
          paths_done: status === 'running' ? 10n : 0n,
          paths_total: 100n,
          error_code: null,
          error_message: null,
          summary_json: null,
          requested_by: 'user:1',
          owner,
          lease_until,
          created_at: asOf,
          updated_at: asOf,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const crashed = await insert('running', `${hostname()}:${dead_pid}:abc`, '2027-06-15T11:00:00.000Z');
    const expired = await insert('queued', 'elsewhere:1:def', '2027-06-15T09:00:00.000Z');
    const alive = await insert('running', 'elsewhere:1:ghi', '2027-06-15T11:00:00.000Z');

    const restarted = new SimulationJobs(context, { threads: 0 });
    expect(await restarted.recoverInterrupted()).toBe(2);
    for (const { id } of [crashed, expired]) {
      const run = await restarted.get(id.toString());
      expect([run.status, run.error?.code, run.finished_at]).toEqual(['failed', SIM_INTERRUPTED, asOf]);
    }
    expect((await restarted.get(alive.id.toString())).status).toBe('running');
    expect(await restarted.recoverInterrupted()).toBe(0);
    // Once its lease has run out, a read marks it too.
    context.clock.set('2027-06-15T12:00:00.000Z');
    expect((await restarted.get(alive.id.toString())).error?.code).toBe(SIM_INTERRUPTED);
    context.clock.set(asOf);
  });
});
