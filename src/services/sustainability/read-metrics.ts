import type { StoredCycleMetrics } from '../../core/sustainability/rolling-metrics.js';
import { alertKinds, alertTexts, type AlertKind, type AlertTexts } from '../../core/sustainability/sustainability-alerts.js';
import type { ServiceContext } from '../context.js';
import { getPlan } from '../plans.js';
import { metricsFromJson } from './metrics-json.js';

/** The most cycles one read of the metrics returns (two a month: five years). */
export const maxMetricCycles = 120;
/** The most alerts one read returns, newest first. */
export const maxAlertRows = 500;

export interface PlanMetrics {
  readonly plan_id: string;
  readonly currency: string;
  /** The last cycles' stored metrics, oldest first. */
  readonly cycles: readonly StoredCycleMetrics[];
}

/** The plan's last `cycles` completed cycles' stored metrics, each with its 12 months, oldest first. */
export async function planMetrics(context: ServiceContext, plan_id: string, options: { cycles: number }): Promise<PlanMetrics> {
  const plan = await getPlan(context, plan_id);
  const limit = Math.min(Math.max(1, options.cycles), maxMetricCycles);
  const rows = await context.store.db
    .selectFrom('plan_cycle_metrics')
    .select('metrics_json')
    .where('plan_id', '=', plan_id)
    .orderBy('sequence', 'desc')
    .limit(limit)
    .execute();
  return { plan_id, currency: plan.currency, cycles: rows.reverse().map((row) => metricsFromJson(row.metrics_json)) };
}

export interface StoredAlert extends AlertTexts {
  readonly kind: AlertKind;
  readonly cycle_id: string;
  readonly snapshot_at: string;
  readonly value: bigint;
  readonly threshold: bigint;
  readonly public: boolean;
  readonly created_at: string;
}

/** The plan's alerts, newest cycle first, with their texts; `public_only` for the public pages. */
export async function planAlerts(context: ServiceContext, plan_id: string, options: { public_only: boolean; limit?: number }): Promise<StoredAlert[]> {
  const plan = await getPlan(context, plan_id);
  let query = context.store.db
    .selectFrom('sustainability_alerts')
    .selectAll()
    .where('plan_id', '=', plan_id)
    .orderBy('snapshot_at', 'desc')
    .orderBy('id')
    .limit(Math.min(options.limit ?? maxAlertRows, maxAlertRows));
  if (options.public_only) query = query.where('public', '=', 1n);
  const rows = await query.execute();
  return rows
    .filter((row): row is typeof row & { kind: AlertKind } => (alertKinds as readonly string[]).includes(row.kind))
    .map((row) => {
      const alert = { kind: row.kind, value: row.value, threshold: row.threshold, public: row.public === 1n };
      return { ...alert, ...alertTexts(alert, plan), cycle_id: row.cycle_code, snapshot_at: row.snapshot_at, created_at: row.created_at };
    });
}
