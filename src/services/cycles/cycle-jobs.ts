import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Selectable } from 'kysely';
import { assert, RejectionError } from '../../core/rejection.js';
import type { CycleJobsTable } from '../../store/schema.js';
import { StatementCounter } from '../../store/statement-counter.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ServiceContext } from '../context.js';
import { listCycles, type CycleSummary } from './cycle-queries.js';
import { defaultLeaseSeconds, ownerIsDead, runOwner } from './cycle-lease.js';
import { cycleRejection } from './cycle-rejections.js';
import { cycleSteps, type CycleProgress, type CycleStep, type FailPoint } from './cycle-rows.js';
import { getPlanForCycle, runTime } from './open-cycle.js';
import { runCycle } from './run-cycle.js';

type CycleJobRow = Selectable<CycleJobsTable>;
export type CycleJobStatus = CycleJobsTable['status'];

/** What a job's run answered, as result_json keeps it. */
interface CycleRunAnswer {
  readonly cycle_id: string;
  readonly resumed: boolean;
  readonly already_completed: boolean;
  readonly steps_run: CycleStep[];
}

/** What a succeeded job ran, and the cycle's figures (read from the cycle, which a completed run no longer changes). */
export interface CycleJobResult extends CycleRunAnswer {
  readonly cycle: CycleSummary;
}

export interface CycleJob {
  readonly job_id: string;
  readonly plan_id: string;
  readonly run_at: string | null;
  readonly status: CycleJobStatus;
  readonly cycle_id: string | null;
  /** The step running, or the last one done. */
  readonly step: CycleStep | null;
  readonly steps_done: number;
  readonly steps_total: number;
  /** Database statements the running step has executed so far, while this server runs the job; else null. */
  readonly step_statements: number | null;
  readonly result: CycleJobResult | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly created_by: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly finished_at: string | null;
  /** Changes whenever the job moves (a step starts or is done, the job ends): a long-poll's `seen`. */
  readonly progress_token: string;
}

export interface CycleJobHooks {
  /** Passed to the run: tests hold a job at a named point to see it running. */
  readonly failPoint?: FailPoint;
}

/** The longest a GET may wait for a job to end before answering with its current state. */
export const maxJobWaitSeconds = 60;

/** Why a job stopped without an answer of the run: its process died (or stopped renewing its lease). */
const interruptedCode = 'CYCLE_JOB_INTERRUPTED';

/** A job still running in this process: what GET adds to the row, and what a long-poll waits for. */
interface LiveJob {
  readonly counter: StatementCounter;
  step: CycleStep | null;
  readonly ended: Promise<void>;
  /** Resolves at the job's next move (its row written with a new step or steps done); replaced at each move. */
  moved: Promise<void>;
  signalMoved: () => void;
}

function progressTokenOf(row: Pick<CycleJobRow, 'status' | 'steps_done' | 'step'>): string {
  return `${row.status}.${row.steps_done}.${row.step ?? '-'}`;
}

function nextMove(live: { moved: Promise<void>; signalMoved: () => void }): void {
  live.moved = new Promise<void>((resolve) => (live.signalMoved = resolve));
}

function jobNotFound(job_id: string): never {
  cycleRejection('CYCLE_JOB_NOT_FOUND', `There is no cycle job "${job_id}".`, { job_id });
}

function parseJobId(job_id: string): bigint {
  if (!/^[1-9]\d{0,17}$/.test(job_id)) jobNotFound(job_id);
  return BigInt(job_id);
}

/**
 * Cycle runs as jobs: `start` answers at once with a job row (a new one, or the plan's running job,
 * joined), the run goes on in this process, and each step it starts or finishes is written to the
 * row, so any server reading the database sees the progress. The lease of a running job is renewed
 * with each step; a job whose process died, or whose lease ran out, is marked interrupted when it is
 * next read or another run is asked for, and that next run resumes the cycle where it stopped.
 */
export class CycleJobs {
  readonly #context: ServiceContext;
  readonly #hooks: CycleJobHooks;
  readonly #live = new Map<bigint, LiveJob>();
  readonly #owner = runOwner(randomBytes(6).toString('hex'));

  constructor(context: ServiceContext, hooks: CycleJobHooks = {}) {
    this.#context = context;
    this.#hooks = hooks;
  }

  /** Starts a job running the plan's cycle for `at` (default now), or joins the one that runs. */
  async start(plan_id: string, options: { at?: string; created_by: string }): Promise<{ job: CycleJob; joined: boolean }> {
    const now = this.#now();
    // Refusals that need no run (an unknown plan, a bad time) are answered at once, not as a failed job.
    await getPlanForCycle(this.#context, plan_id);
    const run_at = options.at === undefined ? null : runTime(options.at, now);
    await this.#interruptStale(plan_id, now);
    const running = await this.#runningJobOf(plan_id);
    if (running !== undefined) return { job: await this.#jobOf(running), joined: true };
    let row: CycleJobRow;
    try {
      row = await this.#context.store.db
        .insertInto('cycle_jobs')
        .values({
          plan_id,
          run_at,
          status: 'running',
          cycle_code: null,
          step: null,
          steps_total: BigInt(cycleSteps.length),
          result_json: null,
          error_code: null,
          error_message: null,
          owner: this.#owner,
          lease_until: this.#leaseUntil(now),
          created_by: options.created_by,
          created_at: now,
          updated_at: now,
          finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      // Another request started the plan's job between our look and our insert: join it.
      if (!isUniqueViolation(error)) throw error;
      const other = await this.#runningJobOf(plan_id);
      if (other === undefined) throw error;
      return { job: await this.#jobOf(other), joined: true };
    }
    const counter = new StatementCounter('open');
    let end = () => undefined as void;
    const live: LiveJob = {
      counter,
      step: null,
      ended: new Promise<void>((resolve) => (end = resolve)),
      moved: Promise.resolve(),
      signalMoved: () => undefined,
    };
    nextMove(live);
    this.#live.set(row.id, live);
    void this.#run(row, live).finally(() => {
      this.#live.delete(row.id);
      end();
    });
    return { job: await this.#jobOf(row), joined: false };
  }

  /**
   * A job's state. With `wait_seconds`, a job this server runs is answered as soon as it ends, or
   * after that many seconds with its state then (a bounded long-poll: clients wait without polling).
   * With `seen` too (the `progress_token` of the client's last answer), it is answered as soon as the
   * job moved from that state: at once if it already has, else at its next step, its end or the wait's end.
   */
  async get(job_id: string, options: { wait_seconds?: number; seen?: string } = {}): Promise<CycleJob> {
    const id = parseJobId(job_id);
    const wait_seconds = Math.min(options.wait_seconds ?? 0, maxJobWaitSeconds);
    const live = this.#live.get(id);
    if (live !== undefined && wait_seconds > 0) {
      // Taken before the row is read, so a move between the read and the wait still wakes us.
      const moved = live.moved;
      const current = options.seen === undefined ? undefined : await this.#row(id);
      if (current === undefined || progressTokenOf(current) === options.seen) {
        const timeout = new AbortController();
        const waited = delay(wait_seconds * 1000, undefined, { signal: timeout.signal, ref: false }).catch(() => undefined);
        await Promise.race([live.ended, waited, ...(options.seen === undefined ? [] : [moved])]);
        timeout.abort();
      }
    }
    const row = await this.#row(id);
    if (row === undefined) jobNotFound(job_id);
    const now = this.#now();
    return await this.#jobOf(row.status === 'running' && this.#isStale(row, now) ? await this.#interrupt(row, now) : row);
  }

  /** Jobs newest first, of one plan or all, paged by id. */
  async list(filter: { plan_id?: string; status?: CycleJobStatus; cycle_id?: string; before_id?: string; limit: number }): Promise<CycleJob[]> {
    let query = this.#context.store.db.selectFrom('cycle_jobs').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.cycle_id !== undefined) query = query.where('cycle_code', '=', filter.cycle_id);
    if (filter.before_id !== undefined) query = query.where('id', '<', parseJobId(filter.before_id));
    const rows = await query.execute();
    const now = this.#now();
    const jobs: CycleJob[] = [];
    // Bounded by the page's limit; a stale running job is marked interrupted as a single read would.
    for (const row of rows) {
      const current = row.status === 'running' && this.#isStale(row, now) ? await this.#interrupt(row, now) : row;
      jobs.push(await this.#jobOf(current, { withResult: false }));
    }
    return jobs;
  }

  #row(id: bigint): Promise<CycleJobRow | undefined> {
    return this.#context.store.db.selectFrom('cycle_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The job once it has ended (its run in this process has finished), or as it stands if another process runs it. */
  async finished(job_id: string): Promise<CycleJob> {
    await this.#live.get(parseJobId(job_id))?.ended;
    return this.get(job_id);
  }

  /** Resolves when every job this process runs has ended: the server waits for it before closing the store. */
  async settled(): Promise<void> {
    await Promise.all([...this.#live.values()].map((live) => live.ended));
  }

  async #run(row: CycleJobRow, live: LiveJob): Promise<void> {
    const context = this.#context;
    const counted: ServiceContext = {
      ...context,
      store: { ...context.store, db: context.store.db.withPlugin(live.counter) },
    };
    try {
      const result = await runCycle(counted, row.plan_id, {
        ...(row.run_at === null ? {} : { at: row.run_at }),
        ...(this.#hooks.failPoint === undefined ? {} : { failPoint: this.#hooks.failPoint }),
        onProgress: (progress) => this.#progress(row.id, live, progress),
      });
      const answer: CycleRunAnswer = {
        cycle_id: result.cycle_id,
        resumed: result.resumed,
        already_completed: result.already_completed,
        steps_run: result.steps_run,
      };
      await this.#finish(row.id, { status: 'succeeded', cycle_code: result.cycle_id, result_json: JSON.stringify(answer) });
    } catch (error) {
      const rejection = error instanceof RejectionError ? error.rejection : undefined;
      await this.#finish(row.id, {
        status: 'failed',
        error_code: rejection?.code ?? 'CYCLE_JOB_FAILED',
        error_message: rejection?.message ?? (error instanceof Error ? error.message : String(error)),
      }).catch(() => undefined);
    }
  }

  async #progress(id: bigint, live: LiveJob, progress: CycleProgress): Promise<void> {
    live.step = progress.step;
    if (progress.state === 'started') live.counter.enter(progress.step);
    const now = this.#now();
    await this.#context.store.db
      .updateTable('cycle_jobs')
      .set({
        cycle_code: progress.cycle_id,
        step: progress.step,
        steps_done: BigInt(progress.steps_done),
        lease_until: this.#leaseUntil(now),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
    const signal = live.signalMoved;
    nextMove(live);
    signal();
  }

  async #finish(id: bigint, values: Partial<Pick<CycleJobRow, 'status' | 'cycle_code' | 'result_json' | 'error_code' | 'error_message'>>) {
    const now = this.#now();
    const steps_done = values.status === 'succeeded' ? { steps_done: BigInt(cycleSteps.length) } : {};
    await this.#context.store.db
      .updateTable('cycle_jobs')
      .set({ ...values, ...steps_done, updated_at: now, finished_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async #resultOf(row: CycleJobRow): Promise<CycleJobResult | null> {
    if (row.result_json === null) return null;
    const answer = JSON.parse(row.result_json) as CycleRunAnswer;
    const summaries = await listCycles(this.#context, { plan_id: row.plan_id });
    const cycle = summaries.find((summary) => summary.cycle_id === answer.cycle_id);
    assert(cycle !== undefined, 'a succeeded job names a cycle of its plan');
    return { ...answer, cycle };
  }

  #runningJobOf(plan_id: string): Promise<CycleJobRow | undefined> {
    return this.#context.store.db
      .selectFrom('cycle_jobs')
      .selectAll()
      .where('plan_id', '=', plan_id)
      .where('status', '=', 'running')
      .executeTakeFirst();
  }

  /** A running job nobody answers for: its lease ran out, or its process on this host is gone. */
  #isStale(row: CycleJobRow, now: string): boolean {
    if (row.owner === this.#owner) return !this.#live.has(row.id);
    return row.lease_until < now || ownerIsDead(row.owner);
  }

  async #interruptStale(plan_id: string, now: string): Promise<void> {
    const running = await this.#runningJobOf(plan_id);
    if (running !== undefined && this.#isStale(running, now)) await this.#interrupt(running, now);
  }

  async #interrupt(row: CycleJobRow, now: string): Promise<CycleJobRow> {
    const message = `The process running this job (${row.owner}) stopped before it ended; a new run resumes the cycle where it stopped.`;
    const updated = await this.#context.store.db
      .updateTable('cycle_jobs')
      .set({ status: 'interrupted', error_code: interruptedCode, error_message: message, updated_at: now, finished_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    // Another reader marked it a moment earlier, or it ended: its row as it is now.
    return updated ?? (await this.#context.store.db.selectFrom('cycle_jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
  }

  async #jobOf(row: CycleJobRow, options: { withResult?: boolean } = {}): Promise<CycleJob> {
    const live = row.status === 'running' ? this.#live.get(row.id) : undefined;
    const step = row.step === null ? null : (cycleSteps.find((name) => name === row.step) ?? null);
    return {
      job_id: row.id.toString(),
      plan_id: row.plan_id,
      run_at: row.run_at,
      status: row.status,
      cycle_id: row.cycle_code,
      step,
      steps_done: Number(row.steps_done),
      steps_total: Number(row.steps_total),
      step_statements: live === undefined || live.step === null ? null : live.counter.countIn(live.step),
      result: options.withResult === false ? null : await this.#resultOf(row),
      error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
      created_by: row.created_by,
      created_at: row.created_at,
      updated_at: row.updated_at,
      finished_at: row.finished_at,
      progress_token: progressTokenOf(row),
    };
  }

  #now(): string {
    return this.#context.clock.now().toISOString();
  }

  #leaseUntil(now: string): string {
    return new Date(Date.parse(now) + defaultLeaseSeconds * 1000).toISOString();
  }
}
