import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * Sustainability metrics per plan and cycle (issue 13, item 1): computed by set-based SQL when a
 * cycle completes (or recomputed for older cycles) and stored, so a dashboard or the public health
 * page reads a few rows instead of aggregating every membership again. One row per cycle (the
 * cycle's own figures and the 12 months ending at its snapshot, as JSON with amounts as strings);
 * the few columns beside it are what the trend charts read without parsing the JSON.
 */
export function planCycleMetrics(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('plan_cycle_metrics')
        .addColumn('cycle_id', 'bigint', (c) => c.primaryKey().references('cycles.id'))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('cycle_code', 'text', (c) => c.notNull())
        .addColumn('sequence', 'bigint', (c) => c.notNull())
        .addColumn('snapshot_at', 'text', (c) => c.notNull())
        .addColumn('members_covered', 'bigint', (c) => c.notNull())
        .addColumn('share_per_member_minor', 'bigint', (c) => c.notNull())
        .addColumn('yearly_share_minor', 'bigint', (c) => c.notNull())
        .addColumn('metrics_json', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_cycle_metrics_plan_sequence', ['plan_id', 'sequence'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('plan_cycle_metrics').execute();
    },
  };
}
