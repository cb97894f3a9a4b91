import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Selectable } from 'kysely';
import { assert, RejectionError, reject } from '../../core/rejection.js';
import { runSimulation } from '../../sim/run-simulation.js';
import type { SimulationSummary } from '../../sim/summarize.js';
import type { SimulationRunsTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { ownerIsDead, runOwner } from '../cycles/cycle-lease.js';
import { composeSimulation, type ComposedSimulation, type SimulationRecord } from './compose-simulation.js';

type RunRow = Selectable<SimulationRunsTable>;
export type SimulationStatus = SimulationRunsTable['status'];

/** A run whose process stopped (a crash, a kill) before it ended; marked when a server starts. */
export const SIM_INTERRUPTED = 'SIM_INTERRUPTED';
/** A run that threw something other than a rejection (a bug, a worker that died). */
export const SIM_FAILED = 'SIM_FAILED';

/** Runs waiting or running in one process at most: a further request is refused (SIM_QUEUE_FULL), not queued without end. */
export const maxQueuedRuns = 16;
/** The longest page of the list. */
export const maxListedRuns = 100;
/** By default a running run's row is written after every this many paths (and at the last). */
export const defaultProgressEveryPaths = 100;
/**
 * How long a queued or running run's process answers for it without writing: renewed at each
 * progress write. An hour bounds a full queue of runs at the API's bounds on a slow machine.
 */
export const simulationLeaseSeconds = 3_600;

/** Worker threads per run on a server: the cores but one (for the HTTP server), at least one, at most four. */
export function defaultSimulationThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export interface SimulationRun {
  readonly id: string;
  readonly plan_id: string | null;
  readonly scenario_name: string;
  readonly status: SimulationStatus;
  readonly paths_done: number;
  readonly paths_total: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** The plan's public forecast may show this run (the latest done public run of the plan). */
  readonly public: boolean;
  readonly request: SimulationRecord;
  readonly requested_by: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly finished_at: string | null;
}

export interface SimulationRunWithSummary extends SimulationRun {
  /** The simulator's summary, once done. */
  readonly summary: SimulationSummary | null;
}

/** What a listener hears: every status a run moves to (after its row says so), and every batch of paths done. */
export type SimulationEvent =
  | { readonly kind: 'status'; readonly id: string; readonly status: SimulationStatus }
  | { readonly kind: 'progress'; readonly id: string; readonly paths_done: number; readonly paths_total: number };

export interface SimulationJobsOptions {
  /** Worker threads per run (0: in the server's thread); default defaultSimulationThreads(). */
  readonly threads?: number;
  readonly progress_every_paths?: number;
}

interface LiveRun {
  readonly composed: ComposedSimulation;
  readonly ended: Promise<void>;
  readonly end: () => void;
}

function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

function runNotFound(id: string): never {
  return refuse('SIM_RUN_NOT_FOUND', `There is no simulation run "${id}".`, { id });
}

function parseRunId(id: string): bigint {
  if (!/^[1-9]\d{0,17}$/.test(id)) runNotFound(id);
  return BigInt(id);
}

/**
 * Simulation runs as background jobs of this process. `request` validates everything first
 * (composeSimulation) and only then writes a queued row; runs go one at a time, in the order asked,
 * each on `threads` worker threads, writing its progress at most every `progress_every_paths`
 * paths and its summary or its failure (with its code) at the end. A run left queued or running by
 * a process that died is marked failed (SIM_INTERRUPTED) by `recoverInterrupted` when a server
 * starts, or when it is next read after its lease ran out: never shown running for ever.
 */
export class SimulationJobs {
  readonly #context: ServiceContext;
  readonly #threads: number;
  readonly #progress_every_paths: number;
  readonly #owner = runOwner(randomBytes(6).toString('hex'));
  readonly #live = new Map<bigint, LiveRun>();
  readonly #queue: bigint[] = [];
  readonly #listeners = new Set<(event: SimulationEvent) => void>();
  #draining: Promise<void> | undefined;
  /** Requests being validated: counted against the queue's bound from their first moment, so concurrent ones cannot pass it. */
  #pending = 0;

  constructor(context: ServiceContext, options: SimulationJobsOptions = {}) {
    this.#context = context;
    this.#threads = options.threads ?? defaultSimulationThreads();
    this.#progress_every_paths = options.progress_every_paths ?? defaultProgressEveryPaths;
    assert(Number.isInteger(this.#threads) && this.#threads >= 0, 'threads is a whole number');
    assert(Number.isInteger(this.#progress_every_paths) && this.#progress_every_paths >= 1, 'progress is written every one path or more');
  }

  /** Listens to every run of this process; returns the function that stops listening. */
  subscribe(listener: (event: SimulationEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates the request whole, then writes a queued run and starts it when the runs before it are done. */
  async request(input: unknown, requested_by: string): Promise<SimulationRun> {
    if (this.#live.size + this.#pending >= maxQueuedRuns) {
      refuse('SIM_QUEUE_FULL', `${maxQueuedRuns} simulation runs are waiting or running; ask again when one is done.`, { max_queued: maxQueuedRuns });
    }
    this.#pending += 1;
    try {
      return await this.#enqueue(input, requested_by);
    } finally {
      this.#pending -= 1;
    }
  }

  async #enqueue(input: unknown, requested_by: string): Promise<SimulationRun> {
    const composed = await composeSimulation(this.#context, input);
    const now = this.#now();
    const row = await this.#context.store.db
      .insertInto('simulation_runs')
      .values({
        plan_id: composed.record.plan_id,
        scenario_name: composed.record.scenario,
        request_json: JSON.stringify(composed.record),
        status: 'queued',
        paths_total: BigInt(composed.record.options.paths),
        error_code: null,
        error_message: null,
        summary_json: null,
        public: composed.record.publish ? 1n : 0n,
        requested_by,
        owner: this.#owner,
        lease_until: this.#leaseUntil(now),
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.#live.set(row.id, { composed, ended, end });
    this.#queue.push(row.id);
    this.#emit({ kind: 'status', id: row.id.toString(), status: 'queued' });
    this.#drain();
    return this.#runOf(row);
  }

  /** A run with its summary once done. */
  async get(id: string): Promise<SimulationRunWithSummary> {
    const row = await this.#row(parseRunId(id));
    if (row === undefined) runNotFound(id);
    const current = await this.#interruptIfStale(row);
    return { ...this.#runOf(current), summary: current.summary_json === null ? null : (JSON.parse(current.summary_json) as SimulationSummary) };
  }

  /** Runs newest first, without summaries, of one plan or all, paged by id. */
  async list(filter: { plan_id?: string; before_id?: string; limit: number }): Promise<SimulationRun[]> {
    assert(filter.limit >= 1 && filter.limit <= maxListedRuns, 'a page is bounded');
    let query = this.#context.store.db
      .selectFrom('simulation_runs')
      .select(['id', 'plan_id', 'scenario_name', 'request_json', 'status', 'paths_done', 'paths_total', 'error_code', 'error_message', 'public', 'requested_by', 'owner', 'lease_until', 'created_at', 'updated_at', 'finished_at'])
      .orderBy('id', 'desc')
      .limit(filter.limit);
    if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
    if (filter.before_id !== undefined) query = query.where('id', '<', parseRunId(filter.before_id));
    const rows = await query.execute();
    const runs: SimulationRun[] = [];
    // Bounded by the page; a stale run is marked as a single read would mark it.
    for (const row of rows) runs.push(this.#runOf(await this.#interruptIfStale({ ...row, summary_json: null })));
    return runs;
  }

  /** Marks a run from a plan as the plan's public forecast (once done), or takes the mark away. */
  async setPublic(id: string, value: boolean): Promise<SimulationRun> {
    const row = await this.#row(parseRunId(id));
    if (row === undefined) runNotFound(id);
    const record = JSON.parse(row.request_json) as SimulationRecord;
    if (value && row.plan_id === null) refuse('SIM_NOT_A_PLAN_RUN', 'Only a run from a plan can be its public forecast.', { id });
    if (value && record.forecast_year === null) refuse('SIM_NO_FULL_YEAR', 'This run covers no whole calendar year, so it has no next year to forecast.', { id });
    const now = this.#now();
    await this.#context.store.db.updateTable('simulation_runs').set({ public: value ? 1n : 0n, updated_at: now }).where('id', '=', row.id).execute();
    return this.#runOf({ ...row, public: value ? 1n : 0n, updated_at: now });
  }

  /** The run once it has ended in this process (or as it stands when another process runs it). */
  async finished(id: string): Promise<SimulationRunWithSummary> {
    await this.#live.get(parseRunId(id))?.ended;
    return this.get(id);
  }

  /** Resolves when every run of this process has ended: the server waits for it before closing the store. */
  async settled(): Promise<void> {
    await Promise.all([...this.#live.values()].map((live) => live.ended));
  }

  /**
   * At a server's start: every run left queued or running by a process that is gone (on this
   * host), or whose lease ran out (any host), is marked failed with SIM_INTERRUPTED. Returns how
   * many. Runs of live processes elsewhere are left to them.
   */
  async recoverInterrupted(): Promise<number> {
    const now = this.#now();
    const unfinished = await this.#context.store.db
      .selectFrom('simulation_runs')
      .select(['id', 'owner', 'lease_until'])
      .where('status', 'in', ['queued', 'running'])
      .where('owner', '<>', this.#owner)
      .execute();
    const gone = unfinished.filter((row) => row.lease_until < now || ownerIsDead(row.owner)).map((row) => row.id);
    if (gone.length === 0) return 0;
    const marked = await this.#context.store.db
      .updateTable('simulation_runs')
      .set({ status: 'failed', error_code: SIM_INTERRUPTED, error_message: 'The server running this simulation stopped before it ended; ask for the run again.', updated_at: now, finished_at: now })
      .where('id', 'in', gone)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(marked.numUpdatedRows);
  }

  #drain(): void {
    if (this.#draining !== undefined) return;
    this.#draining = (async () => {
      // One run at a time: each already uses the worker threads it is given.
      for (let id = this.#queue.shift(); id !== undefined; id = this.#queue.shift()) await this.#run(id);
    })().finally(() => {
      this.#draining = undefined;
      // A request queued between the loop's last look and here.
      if (this.#queue.length > 0) this.#drain();
    });
  }

  async #run(id: bigint): Promise<void> {
    const live = this.#live.get(id);
    assert(live !== undefined, 'a queued run is live in its process');
    const { options } = live.composed.record;
    const db = this.#context.store.db;
    const key = id.toString();
    let writes = Promise.resolve();
    try {
      const started = this.#now();
      await db.updateTable('simulation_runs').set({ status: 'running', lease_until: this.#leaseUntil(started), updated_at: started }).where('id', '=', id).execute();
      this.#emit({ kind: 'status', id: key, status: 'running' });
      let paths_written = 0;
      const run = await runSimulation(live.composed.scenario_input, {
        ...options,
        threads: this.#threads,
        onProgress: (paths_done, paths_total) => {
          this.#emit({ kind: 'progress', id: key, paths_done, paths_total });
          if (paths_done - paths_written < this.#progress_every_paths && paths_done < paths_total) return;
          paths_written = paths_done;
          // Written in order, one after another; the end waits for the last.
          writes = writes.then(async () => {
            const now = this.#now();
            await db.updateTable('simulation_runs').set({ paths_done: BigInt(paths_done), lease_until: this.#leaseUntil(now), updated_at: now }).where('id', '=', id).execute();
          });
        },
      });
      await writes;
      assert(run.summary.paths === options.paths, 'the summary covers every path asked for');
      const now = this.#now();
      await db
        .updateTable('simulation_runs')
        .set({ status: 'done', paths_done: BigInt(options.paths), summary_json: JSON.stringify(run.summary), updated_at: now, finished_at: now })
        .where('id', '=', id)
        .execute();
      this.#emit({ kind: 'status', id: key, status: 'done' });
    } catch (error) {
      await writes.catch(() => undefined);
      const rejection = error instanceof RejectionError ? error.rejection : undefined;
      const now = this.#now();
      await db
        .updateTable('simulation_runs')
        .set({
          status: 'failed',
          error_code: rejection?.code ?? SIM_FAILED,
          error_message: rejection?.message ?? (error instanceof Error ? error.message : String(error)),
          updated_at: now,
          finished_at: now,
        })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
      this.#emit({ kind: 'status', id: key, status: 'failed' });
    } finally {
      this.#live.delete(id);
      live.end();
    }
  }

  #emit(event: SimulationEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #row(id: bigint): Promise<RunRow | undefined> {
    return this.#context.store.db.selectFrom('simulation_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** An unfinished run nobody answers for (its process is gone, or its lease ran out) is marked interrupted. */
  async #interruptIfStale(row: RunRow): Promise<RunRow> {
    if (row.status !== 'queued' && row.status !== 'running') return row;
    const now = this.#now();
    const stale = row.owner === this.#owner ? !this.#live.has(row.id) : row.lease_until < now || ownerIsDead(row.owner);
    if (!stale) return row;
    const message = 'The server running this simulation stopped before it ended; ask for the run again.';
    await this.#context.store.db
      .updateTable('simulation_runs')
      .set({ status: 'failed', error_code: SIM_INTERRUPTED, error_message: message, updated_at: now, finished_at: now })
      .where('id', '=', row.id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    const current = await this.#row(row.id);
    assert(current !== undefined, 'a run row is never deleted');
    return current;
  }

  #runOf(row: Omit<RunRow, 'summary_json'>): SimulationRun {
    return {
      id: row.id.toString(),
      plan_id: row.plan_id,
      scenario_name: row.scenario_name,
      status: row.status,
      paths_done: Number(row.paths_done),
      paths_total: Number(row.paths_total),
      error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
      public: row.public === 1n || Number(row.public) === 1,
      request: JSON.parse(row.request_json) as SimulationRecord,
      requested_by: row.requested_by,
      created_at: row.created_at,
      updated_at: row.updated_at,
      finished_at: row.finished_at,
    };
  }

  #now(): string {
    return this.#context.clock.now().toISOString();
  }

  #leaseUntil(now: string): string {
    return new Date(Date.parse(now) + simulationLeaseSeconds * 1000).toISOString();
  }
}
