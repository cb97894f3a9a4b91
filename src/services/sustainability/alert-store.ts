import { parseRoles } from '../../core/roles.js';
import { alertTexts, type SustainabilityAlert } from '../../core/sustainability/sustainability-alerts.js';
import type { Trx } from '../../ledger/ledger.js';
import type { CycleRow } from '../cycles/cycle-rows.js';
import { queueNotifications } from '../notifications/outbox.js';
import type { Plan } from '../plans.js';

/** The outbox kind of an alert's message to operators. */
export const alertNotificationKind = 'sustainability_alert';

/** The dedupe key of one operator's message about one alert: queued once, however often the metrics are recomputed. */
export function alertDedupeKey(plan_id: string, cycle_code: string, kind: string, user_id: bigint): string {
  return `sustainability:${plan_id}:${cycle_code}:${kind}:${user_id}`;
}

/**
 * Stores the cycle's alerts that are not stored yet (one per plan, cycle and kind) and queues a
 * message about each new one to every enabled operator, in the caller's transaction. An alert a
 * recompute no longer raises stays: it was raised and sent, and the history keeps it.
 */
export async function recordAlertsIn(trx: Trx, plan: Plan, cycle: CycleRow, alerts: readonly SustainabilityAlert[], at: string): Promise<number> {
  if (alerts.length === 0) return 0;
  const stored = await trx.selectFrom('sustainability_alerts').select('kind').where('plan_id', '=', plan.id).where('cycle_id', '=', cycle.id).execute();
  const known = new Set(stored.map((row) => row.kind));
  const fresh = alerts.filter((alert) => !known.has(alert.kind));
  if (fresh.length === 0) return 0;
  await trx
    .insertInto('sustainability_alerts')
    .values(
      fresh.map((alert) => ({
        plan_id: plan.id,
        cycle_id: cycle.id,
        cycle_code: cycle.cycle_code,
        snapshot_at: cycle.snapshot_at,
        kind: alert.kind,
        value: alert.value,
        threshold: alert.threshold,
        public: alert.public ? 1n : 0n,
        created_at: at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['plan_id', 'cycle_id', 'kind']).doNothing())
    .execute();
  // Staff accounts are few (tens): their roles are read here rather than matched in SQL.
  const users = await trx.selectFrom('users').select(['id', 'roles']).where('disabled_at', 'is', null).execute();
  const operators = users.filter((user) => parseRoles(user.roles).includes('operator'));
  await queueNotifications(
    trx,
    fresh.flatMap((alert) => {
      const texts = alertTexts(alert, plan);
      return operators.map((operator) => ({
        user_id: operator.id,
        membership_id: null,
        kind: alertNotificationKind,
        title_zh: texts.title_zh,
        title_en: texts.title_en,
        body_zh: `${texts.body_zh}（周期 ${cycle.cycle_code}）`,
        body_en: `${texts.body_en} (cycle ${cycle.cycle_code})`,
        dedupe_key: alertDedupeKey(plan.id, cycle.cycle_code, alert.kind, operator.id),
      }));
    }),
    at,
  );
  return fresh.length;
}
