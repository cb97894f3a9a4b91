import { hostname } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { enrol, enrolBody } from './member-fixtures.js';

describeEachBackend('cycle API', (dialect) => {
  let t: TestApp;
  let payer: string;
  let stranger: string;
  let operator: string;
  let own: { membership_id: string };

  // A run waits after its first step while this is set: how a test sees a job running without racing it.
  let hold: Promise<void> | undefined;
  /** Told when a held run has reached the hold. */
  let reached: (() => void) | undefined;
  /** While set, a run fails after its snapshot: a cycle left running by a failed job. */
  let crash = false;
  /** Where a held run waits. */
  let holdAt = 'snapshot:after';

  beforeAll(async () => {
    t = await startTestApp(dialect, {
      samplePlans: true,
      cycleJobHooks: {
        failPoint: async (name) => {
          if (name === 'snapshot:after' && crash) throw new Error('the run stopped here (test)');
          if (name === holdAt && hold !== undefined) {
            reached?.();
            await hold;
          }
        },
      },
    });
    payer = await t.userWithRoles('payer', ['member']);
    stranger = await t.userWithRoles('stranger', ['member']);
    own = await enrol(t, payer, enrolBody('1990-03-03', 601));
    await enrol(t, stranger, enrolBody('1985-04-04', 602));
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-07T02:00:00.000Z');
    operator = await t.login('olivia', 'operator-password');
    // Sessions expire over the months the clock moved: log in again.
    payer = await t.login('payer', 'payer-password');
    stranger = await t.login('stranger', 'stranger-password');
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie === undefined ? {} : { headers: { cookie } }) });

  const post = (plan_id: string, payload: Record<string, unknown> = {}, cookie = operator) =>
    t.app.inject({ method: 'POST', url: `/api/plans/${plan_id}/cycles/run`, headers: { cookie }, payload });
  /**
   * The job once it has ended. The long-poll answers when the in-process run ends; should a machine
   * be slower than its bound, the next one waits on, so no speed is assumed (the test timeout bounds it).
   */
  const ended = async (url: string) => {
    for (;;) {
      const response = await get(`${url}?wait_seconds=60`, operator);
      expect(response.statusCode, response.body).toBe(200);
      if (response.json().status !== 'running') return response.json();
    }
  };

  it('lets the operator run a cycle as a job and everyone read, export and verify it', async () => {
    expect((await post('critical-illness', {}, stranger)).statusCode).toBe(403);
    const run = await post('critical-illness');
    expect(run.statusCode, run.body).toBe(202);
    const { job, url, joined } = run.json();
    expect([url, run.headers.location, joined]).toEqual([`/api/cycle-jobs/${job.job_id}`, url, false]);
    expect(job).toMatchObject({ plan_id: 'critical-illness', status: 'running', steps_total: 7, error: null, result: null });
    const done = await ended(url);
    expect(done).toMatchObject({ status: 'succeeded', cycle_id: 'critical-illness-20270307', step: 'payout', steps_done: 7, step_statements: null, error: null });
    expect(done.result).toMatchObject({
      cycle_id: 'critical-illness-20270307',
      resumed: false,
      already_completed: false,
      steps_run: ['snapshot', 'allocate', 'publish', 'charge', 'schedule', 'collect', 'payout'],
      cycle: { status: 'completed', member_count: 2, total_minor: '0' },
    });
    // Running it again is safe: a job that succeeds at once with the completed cycle's figures.
    const again = await ended((await post('critical-illness')).json().url);
    expect(again).toMatchObject({ status: 'succeeded', result: { already_completed: true, steps_run: [], cycle: done.result.cycle } });
    const unknown = await post('no-such-plan');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CYCLE_UNKNOWN_PLAN']);
    const future = await post('critical-illness', { at: '2099-01-01T00:00:00Z' });
    expect([future.statusCode, future.json().error.code]).toEqual([422, 'CYCLE_AT_IN_FUTURE']);

    const list = await get('/api/public/cycles');
    expect(list.json().cycles).toHaveLength(1);
    expect(list.json().cycles[0]).toMatchObject({ charged_minor: '0', shortfall_minor: '0', backstop_minor: '0', aid_payable_minor: '0', fee_payable_minor: '0' });
    const report = await get('/api/public/cycles/critical-illness-20270307');
    expect(report.statusCode).toBe(200);
    expect(report.json().header_json).toContain('"format":"huzhu-cycle/1"');
    const key = (await get('/api/public/operator-key')).json();
    expect(key.public_key_hex).toMatch(/^[0-9a-f]{64}$/);

    const exported = await get('/api/public/cycles/critical-illness-20270307/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/jsonl');
    const verified = verifyCycleExport(exported.body, { public_key_hex: key.public_key_hex });
    expect(verified.differences).toEqual([]);
    expect(verified.ok).toBe(true);
    expect((await get('/api/public/cycles/critical-illness-20991231/export')).statusCode).toBe(404);

    const proof = await get(`/api/memberships/${own.membership_id}/cycles/critical-illness-20270307/proof`, payer);
    expect(proof.statusCode, proof.body).toBe(200);
    expect(proof.json()).toMatchObject({ format: 'huzhu-proof/1', tree_size: 2, share_minor: '0' });
    const withProof = verifyCycleExport(exported.body, { member: { member_code: proof.json().member_code, proof: proof.json() } });
    expect(withProof.ok).toBe(true);
    // Someone else's membership looks like a missing one.
    expect((await get(`/api/memberships/${own.membership_id}/cycles/critical-illness-20270307/proof`, stranger)).statusCode).toBe(404);

    const stats = (await get('/api/public/statistics')).json();
    expect(stats.per_cycle[0]).toMatchObject({
      plan_id: 'critical-illness',
      members_covered: 2,
      cases: 0,
      paid_share_per_member_minor: '0',
      allocated_share_per_member_minor: '0',
      capped_total_minor: '0',
      backstop_minor: '0',
      shortfall_minor: '0',
    });
    expect(stats.per_cycle[0]).not.toHaveProperty('share_per_member_minor');
    expect(stats.per_year[0]).toMatchObject({ period: '2027', cycles: 1 });
  });

  it('shows a job that failed with the code of its refusal', async () => {
    // The notice day of this time is before the last cycle's snapshot (2027-03-07).
    const run = await post('critical-illness', { at: '2027-02-22T00:00:00Z' });
    expect(run.statusCode, run.body).toBe(202);
    const failed = await ended(run.json().url);
    expect(failed).toMatchObject({ status: 'failed', result: null, error: { code: 'CYCLE_NOT_DUE' } });
    expect(failed.finished_at).not.toBeNull();
  });

  it('joins a second run asked for while the first runs, and shows the job running to an auditor', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    hold = held;
    const at_hold = new Promise<void>((resolve) => (reached = resolve));
    const first = await post('senior-cancer');
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json().joined).toBe(false);
    // The run waits after its snapshot until released: whatever the machine's speed, it is running now.
    const second = await post('senior-cancer');
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ joined: true, job: { job_id: first.json().job.job_id, status: 'running' } });
    await at_hold;
    const auditor = await t.login('audrey', 'auditor-password');
    const watching = await get(first.json().url, auditor);
    expect(watching.statusCode, watching.body).toBe(200);
    expect(watching.json()).toMatchObject({ status: 'running', finished_at: null, cycle_id: 'senior-cancer-20270307', step: 'snapshot', steps_done: 1 });
    expect(watching.json().step_statements).toBeGreaterThan(0);
    expect((await get(first.json().url, payer)).statusCode).toBe(403);
    release();
    hold = undefined;
    expect(await ended(first.json().url)).toMatchObject({ status: 'succeeded', steps_done: 7, result: { cycle_id: 'senior-cancer-20270307' } });
  });

  it('documents the job routes in the OpenAPI document', async () => {
    const document = (await get('/api/openapi.json')).json();
    expect(Object.keys(document.paths['/api/plans/{plan_id}/cycles/run'].post.responses)).toContain('202');
    const job = document.paths['/api/cycle-jobs/{job_id}'].get;
    expect(job.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['job_id', 'wait_seconds']));
    expect(job.responses['200'].content['application/json'].schema.properties.step_statements).toBeDefined();
  });

  it('answers an unknown job with 404 and a stable code', async () => {
    const unknown = await get('/api/cycle-jobs/987654321', operator);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CYCLE_JOB_NOT_FOUND']);
    expect((await get('/api/cycle-jobs/not-a-number', operator)).statusCode).toBe(400);
  });

  it('marks a job whose process is gone as interrupted, and starts a new job for the plan', async () => {
    const now = t.context.clock.now().toISOString();
    const orphan = await t.store.db
      .insertInto('cycle_jobs')
      .values({
        plan_id: 'senior-cancer',
        run_at: null,
        status: 'running',
        cycle_code: 'senior-cancer-20270307',
        step: 'charge',
        steps_done: 3n,
        steps_total: 7n,
        result_json: null,
        error_code: null,
        error_message: null,
        // Another server, whose lease ran out long ago.
        owner: 'another-host:4242:0123456789ab',
        lease_until: '2027-01-01T00:00:00.000Z',
        created_by: 'user:1',
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shown = await get(`/api/cycle-jobs/${orphan.id}`, operator);
    expect(shown.json()).toMatchObject({ status: 'interrupted', step: 'charge', steps_done: 3, error: { code: 'CYCLE_JOB_INTERRUPTED' } });
    const next = await post('senior-cancer');
    expect(next.json()).toMatchObject({ joined: false });
    expect(next.json().job.job_id).not.toBe(String(orphan.id));
    expect((await ended(next.json().url)).status).toBe('succeeded');

    // On this host, a job whose process is gone is interrupted at once, lease or not: no pid is above
    // Linux's largest pid_max (2^22), so this owner is surely dead.
    const dead = await t.store.db
      .insertInto('cycle_jobs')
      .values({
        plan_id: 'critical-illness',
        run_at: null,
        status: 'running',
        cycle_code: null,
        step: null,
        steps_done: 0n,
        steps_total: 7n,
        result_json: null,
        error_code: null,
        error_message: null,
        owner: `${hostname()}:4194305:0123456789ab`,
        lease_until: '2099-01-01T00:00:00.000Z',
        created_by: 'user:1',
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const restarted = await post('critical-illness');
    expect(restarted.json()).toMatchObject({ joined: false });
    expect((await get(`/api/cycle-jobs/${dead.id}`, operator)).json()).toMatchObject({ status: 'interrupted', error: { code: 'CYCLE_JOB_INTERRUPTED' } });
    expect((await ended(restarted.json().url)).status).toBe('succeeded');
  });

  it('lists cycles with their staff status and jobs, and answers a long-poll at the job\'s next move', async () => {
    t.context.clock.set('2027-03-21T02:00:00.000Z');
    operator = await t.login('olivia', 'operator-password');
    const auditor = await t.login('audrey', 'auditor-password');
    payer = await t.login('payer', 'payer-password');
    for (const url of ['/api/cycles', '/api/cycle-jobs', '/api/cycles/critical-illness-20270307']) {
      expect((await get(url, payer)).statusCode).toBe(403);
      expect((await get(url)).statusCode).toBe(401);
    }

    // A run that fails after its snapshot leaves the cycle running: failed, for the staff.
    crash = true;
    const failed = await ended((await post('critical-illness')).json().url);
    crash = false;
    expect(failed).toMatchObject({ status: 'failed', cycle_id: 'critical-illness-20270321', error: { code: 'CYCLE_JOB_FAILED' } });
    const listed = (await get('/api/cycles?plan_id=critical-illness', auditor)).json();
    expect(listed.cycles.map((item: { cycle: { cycle_id: string }; staff_status: string }) => [item.cycle.cycle_id, item.staff_status])).toEqual([
      ['critical-illness-20270321', 'failed'],
      ['critical-illness-20270307', 'published'],
    ]);
    expect(listed.cycles[0].last_job).toEqual({ job_id: failed.job_id, status: 'failed', error_code: 'CYCLE_JOB_FAILED' });
    expect(listed.next_before).toBeNull();
    const paged = (await get('/api/cycles?plan_id=critical-illness&limit=1', auditor)).json();
    expect([paged.cycles.length, paged.next_before]).toEqual([1, 'critical-illness-20270321']);
    const rest = (await get(`/api/cycles?plan_id=critical-illness&limit=1&before=${paged.next_before}`, auditor)).json();
    expect(rest.cycles.map((item: { cycle: { cycle_id: string } }) => item.cycle.cycle_id)).toEqual(['critical-illness-20270307']);

    // The next run resumes it after the snapshot; held after its allocation, it is running.
    holdAt = 'allocate:after';
    let release = () => undefined as void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const at_hold = new Promise<void>((resolve) => (reached = resolve));
    const started = (await post('critical-illness')).json();
    await at_hold;
    expect((await get('/api/cycles?plan_id=critical-illness&limit=1', auditor)).json().cycles[0]).toMatchObject({
      staff_status: 'running',
      last_job: { job_id: started.job.job_id, status: 'running' },
    });
    const now = (await get(started.url, auditor)).json();
    expect(now).toMatchObject({ status: 'running', step: 'allocate', steps_done: 2 });
    // A client that saw an older state is answered at once, though the job is held.
    const stale = await get(`${started.url}?wait_seconds=60&seen=running.0.-`, auditor);
    expect(stale.json().progress_token).toBe(now.progress_token);
    // One that saw this state is answered once the job moves on.
    const waiting = get(`${started.url}?wait_seconds=60&seen=${now.progress_token}`, auditor);
    release();
    hold = undefined;
    holdAt = 'snapshot:after';
    const moved = (await waiting).json();
    expect(moved.progress_token).not.toBe(now.progress_token);
    expect(moved.steps_done).toBeGreaterThanOrEqual(2);
    const done = await ended(started.url);
    expect(done).toMatchObject({ status: 'succeeded', result: { resumed: true } });

    const report = await get('/api/cycles/critical-illness-20270321', auditor);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({
      cycle: { cycle_id: 'critical-illness-20270321', status: 'completed', member_count: 2 },
      staff_status: 'published',
      last_job: { job_id: started.job.job_id, status: 'succeeded', error_code: null },
      cases: [],
    });
    const missing = await get('/api/cycles/critical-illness-20990101', auditor);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'CYCLE_NOT_FOUND']);

    // The plan's jobs, newest first, without their result; paged by id and filtered.
    const jobs = (await get('/api/cycle-jobs?plan_id=critical-illness&limit=2', auditor)).json().jobs;
    expect(jobs.map((job: { job_id: string; status: string }) => [job.job_id, job.status])).toEqual([
      [started.job.job_id, 'succeeded'],
      [failed.job_id, 'failed'],
    ]);
    expect(jobs[0]).not.toHaveProperty('result');
    const older = (await get(`/api/cycle-jobs?plan_id=critical-illness&before_id=${failed.job_id}`, auditor)).json().jobs;
    expect(older.every((job: { job_id: string }) => BigInt(job.job_id) < BigInt(failed.job_id))).toBe(true);
    const failures = (await get('/api/cycle-jobs?status=failed', auditor)).json().jobs;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((job: { status: string }) => job.status === 'failed')).toBe(true);
    const ofCycle = (await get('/api/cycle-jobs?cycle_id=critical-illness-20270321', auditor)).json().jobs;
    expect(ofCycle.map((job: { job_id: string }) => job.job_id)).toEqual([started.job.job_id, failed.job_id]);
  });
});
