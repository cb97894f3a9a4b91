import { assert } from '../../core/rejection.js';
import type { SimulationSummary } from '../../sim/summarize.js';
import type { ServiceContext } from '../context.js';
import { getPlan } from '../plans.js';
import type { SimulationRecord } from './compose-simulation.js';
import { minorBandOf, type MinorBand } from './simulation-wire.js';

export interface PublicForecast {
  readonly plan_id: string;
  readonly currency: string;
  /** Null until an operator publishes a done run from the plan. */
  readonly forecast: {
    readonly year: number;
    /** What a member covered all that year shares: P5, P50 and P95 over the run's paths. */
    readonly share_per_member_minor: MinorBand;
    readonly paths: number;
    /** When the run's figures were taken (its membership and rules) and when it ended. */
    readonly as_of: string;
    readonly finished_at: string;
  } | null;
}

/**
 * The plan's public forecast: from the latest done run of the plan an operator marked public, the
 * band of next year's share per member (the first whole calendar year the run covers) and nothing
 * else: no request, no requester, no per-period figures, no personal data.
 */
export async function publicForecast(context: ServiceContext, plan_id: string): Promise<PublicForecast> {
  const plan = await getPlan(context, plan_id);
  const row = await context.store.db
    .selectFrom('simulation_runs')
    .select(['request_json', 'summary_json', 'finished_at'])
    .where('plan_id', '=', plan_id)
    .where('public', '=', 1n)
    .where('status', '=', 'done')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return { plan_id, currency: plan.currency, forecast: null };
  assert(row.summary_json !== null && row.finished_at !== null, 'a done run has its summary and its end');
  const record = JSON.parse(row.request_json) as SimulationRecord;
  const summary = JSON.parse(row.summary_json) as SimulationSummary;
  const year = summary.years.find((entry) => entry.year === record.forecast_year);
  // Publishing needs a whole year (setPublic, composeSimulation), so a published run has one.
  if (year === undefined) return { plan_id, currency: plan.currency, forecast: null };
  return {
    plan_id,
    currency: record.currency,
    forecast: { year: year.year, share_per_member_minor: minorBandOf(year.cost_per_member_minor), paths: summary.paths, as_of: record.as_of, finished_at: row.finished_at },
  };
}
