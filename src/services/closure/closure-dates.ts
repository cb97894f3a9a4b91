import type { ServiceContext } from '../context.js';

/**
 * The announced closure date of each plan that has one, by plan id: the plan pages stop offering
 * "Join" from the announcement on (a join is refused with PLAN_CLOSING then).
 */
export async function closureDates(context: ServiceContext, plan_ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (plan_ids.length === 0) return new Map();
  const rows = await context.store.db.selectFrom('plan_closures').select(['plan_id', 'closure_date']).where('plan_id', 'in', [...plan_ids]).execute();
  return new Map(rows.map((row) => [row.plan_id, row.closure_date]));
}
