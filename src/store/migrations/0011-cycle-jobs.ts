import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Cycle jobs: a cycle run asked for over HTTP runs in the background, and its row is what `GET
 * /api/cycle-jobs/:id` shows (step, progress, result or error). At most one job per plan runs: a
 * partial unique index, so two requests racing to start one end with one row and the other joins
 * it. The lease says until when a running job's process answers for it; a job whose process died
 * is marked interrupted instead of showing running for ever. A few rows per plan and day.
 */
export function cycleJobs(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('cycle_jobs'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        // The run time asked for (ISO UTC), or null for "now" when the job started.
        .addColumn('run_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'succeeded', 'failed', 'interrupted')`))
        .addColumn('cycle_code', 'text')
        // The step running or last done, and how many of the cycle's steps are recorded done.
        .addColumn('step', 'text')
        .addColumn('steps_done', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('steps_total', 'bigint', (c) => c.notNull())
        .addColumn('result_json', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await sql`create unique index cycle_jobs_one_running on cycle_jobs (plan_id) where status = 'running'`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cycle_jobs').execute();
    },
  };
}
