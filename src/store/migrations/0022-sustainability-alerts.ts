import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Alerts raised by a cycle's sustainability metrics (issue 13, item 2): at most one per plan,
 * cycle and kind (a recompute finds the same alert and adds nothing), with the figure and the
 * threshold it reached. `public` marks those the public health page shows.
 */
export function sustainabilityAlerts(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('sustainability_alerts'), dialect)
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        .addColumn('cycle_code', 'text', (c) => c.notNull())
        .addColumn('snapshot_at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .addColumn('threshold', 'bigint', (c) => c.notNull())
        .addColumn('public', 'bigint', (c) => c.notNull().check(sql`public in (0, 1)`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('sustainability_alerts_once', ['plan_id', 'cycle_id', 'kind'])
        .execute();
      await db.schema.createIndex('sustainability_alerts_plan_snapshot').on('sustainability_alerts').columns(['plan_id', 'snapshot_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('sustainability_alerts').execute();
    },
  };
}
