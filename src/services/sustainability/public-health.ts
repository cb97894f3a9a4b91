import { ratioBps } from '../../core/sustainability/ratios.js';
import type { AgeBand } from '../../core/sustainability/metric-bands.js';
import type { ServiceContext } from '../context.js';
import { planAlerts, planMetrics, type StoredAlert } from './read-metrics.js';

/** The cycles the public trend charts show (two a month: two years). */
export const publicHealthCycles = 48;
/** The public alerts shown, newest first. */
export const publicHealthAlerts = 20;

/**
 * A plan's health for everyone, in figures a member can read: what a member paid per cycle and over
 * 12 months, how many share and how that moved, the age mix of the pool, and the public alerts. All
 * aggregates of the stored metrics: no member, case or person appears.
 */
export interface PublicPlanHealth {
  readonly plan_id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly currency: string;
  /** The latest cycle's snapshot, or null before the first cycle with metrics. */
  readonly as_of: string | null;
  readonly share_trend: ReadonlyArray<{ cycle_id: string; snapshot_at: string; share_per_member_minor: bigint; yearly_share_minor: bigint }>;
  readonly yearly_share_minor: bigint | null;
  readonly yearly_share_change_bps: number | null;
  readonly membership_trend: ReadonlyArray<{ cycle_id: string; snapshot_at: string; members_covered: bigint; joins: bigint; exits: bigint }>;
  readonly members_covered: bigint | null;
  readonly members_change_bps: number | null;
  readonly age_mix: ReadonlyArray<{ band: AgeBand; members: bigint; share_bps: number | null }>;
  readonly alerts: ReadonlyArray<Pick<StoredAlert, 'kind' | 'cycle_id' | 'snapshot_at' | 'title_zh' | 'title_en' | 'body_zh' | 'body_en'>>;
}

export async function publicPlanHealth(context: ServiceContext, plan_id: string): Promise<PublicPlanHealth> {
  const metrics = await planMetrics(context, plan_id, { cycles: publicHealthCycles });
  const plan = await context.store.db.selectFrom('plans').select(['name_zh', 'name_en']).where('id', '=', plan_id).executeTakeFirstOrThrow();
  const latest = metrics.cycles.at(-1);
  const alerts = await planAlerts(context, plan_id, { public_only: true, limit: publicHealthAlerts });
  return {
    plan_id,
    name_zh: plan.name_zh,
    name_en: plan.name_en,
    currency: metrics.currency,
    as_of: latest?.cycle.snapshot_at ?? null,
    share_trend: metrics.cycles.map(({ cycle, rolling }) => ({
      cycle_id: cycle.cycle_id,
      snapshot_at: cycle.snapshot_at,
      share_per_member_minor: cycle.share.share_per_member_minor,
      yearly_share_minor: rolling.yearly_share_per_member_minor,
    })),
    yearly_share_minor: latest?.rolling.yearly_share_per_member_minor ?? null,
    yearly_share_change_bps: latest?.rolling.yearly_share_change_bps ?? null,
    membership_trend: metrics.cycles.map(({ cycle }) => ({ cycle_id: cycle.cycle_id, snapshot_at: cycle.snapshot_at, members_covered: cycle.members_covered, joins: cycle.joins, exits: cycle.exits })),
    members_covered: latest?.cycle.members_covered ?? null,
    members_change_bps: latest?.rolling.members_change_bps ?? null,
    age_mix: (latest?.cycle.by_age_band ?? []).map((band) => ({ band: band.band, members: band.covered, share_bps: ratioBps(band.covered, latest!.cycle.members_covered) })),
    alerts: alerts.map((alert) => ({
      kind: alert.kind,
      cycle_id: alert.cycle_id,
      snapshot_at: alert.snapshot_at,
      title_zh: alert.title_zh,
      title_en: alert.title_en,
      body_zh: alert.body_zh,
      body_en: alert.body_en,
    })),
  };
}
