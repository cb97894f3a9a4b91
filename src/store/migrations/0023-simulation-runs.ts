import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Simulation runs asked for over HTTP (issue 13, item 4): the request (scenario name, what-if
 * overrides, run options) as validated before the row was written, its progress while it runs on
 * worker threads, and its summary (the simulator's quantiles) when done. `owner` and `lease_until`
 * let a starting server tell a run whose process died (marked failed, SIM_INTERRUPTED) from one
 * another live server is running. A handful of rows per operator and day; the newest-first list
 * reads the id index.
 */
export function simulationRuns(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('simulation_runs'), dialect)
        .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
        .addColumn('scenario_name', 'text', (c) => c.notNull())
        .addColumn('request_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`))
        .addColumn('paths_done', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('paths_total', 'bigint', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('summary_json', 'text')
        // 1: the plan's public forecast may show this run (the latest done one of the plan).
        .addColumn('public', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`public in (0, 1)`))
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('simulation_runs_plan_public').on('simulation_runs').columns(['plan_id', 'public', 'status']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('simulation_runs').execute();
    },
  };
}
