import type { CycleMetrics } from './cycle-metrics.js';
import type { RollingMetrics } from './rolling-metrics.js';
import type { AlertThresholds } from './sustainability-settings.js';

export const alertKinds = ['yearly_share_rise', 'incidence_over_expected', 'members_drop', 'adverse_selection', 'fee_below_cost', 'members_at_cap'] as const;
export type AlertKind = (typeof alertKinds)[number];

/**
 * Kinds the public pages show in plain words: what members pay, how many share, how sick the pool
 * is against its table, whether the fee pays for the work, and how many are at the yearly cap.
 * The selection index is a leading sign for the operator; its effect shows in the others.
 */
const publicKinds: ReadonlySet<AlertKind> = new Set(['yearly_share_rise', 'incidence_over_expected', 'members_drop', 'fee_below_cost', 'members_at_cap']);

export interface SustainabilityAlert {
  readonly kind: AlertKind;
  /** The measured figure and the threshold it reached, in their units (basis points, or minor units for the fee). */
  readonly value: bigint;
  readonly threshold: bigint;
  readonly public: boolean;
}

export interface AlertTexts {
  readonly title_zh: string;
  readonly title_en: string;
  readonly body_zh: string;
  readonly body_en: string;
}

function reached(value: number | null, threshold: number | null): boolean {
  return value !== null && threshold !== null && value >= threshold;
}

/**
 * The alerts a cycle's figures raise: each fires when its figure reaches the threshold (≥), and a
 * null threshold switches it off. The 12-month figures are used where one cycle is too noisy.
 */
export function evaluateAlerts(cycle: CycleMetrics, rolling: RollingMetrics, thresholds: AlertThresholds): SustainabilityAlert[] {
  const alerts: SustainabilityAlert[] = [];
  const add = (kind: AlertKind, value: number | bigint, threshold: number | bigint) => alerts.push({ kind, value: BigInt(value), threshold: BigInt(threshold), public: publicKinds.has(kind) });
  if (reached(rolling.yearly_share_change_bps, thresholds.yearly_share_rise_bps)) add('yearly_share_rise', rolling.yearly_share_change_bps!, thresholds.yearly_share_rise_bps!);
  if (reached(rolling.incidence_vs_expected_bps, thresholds.incidence_over_expected_bps)) {
    add('incidence_over_expected', rolling.incidence_vs_expected_bps!, thresholds.incidence_over_expected_bps!);
  }
  const drop_bps = rolling.members_change_bps === null ? null : -rolling.members_change_bps;
  if (reached(drop_bps, thresholds.members_drop_bps)) add('members_drop', drop_bps!, thresholds.members_drop_bps!);
  if (reached(rolling.selection.adverse_selection_index_bps, thresholds.adverse_selection_bps)) {
    add('adverse_selection', rolling.selection.adverse_selection_index_bps!, thresholds.adverse_selection_bps!);
  }
  const cost = rolling.operator.operating_cost_per_year_minor;
  if (thresholds.fee_below_cost && cost > 0n && rolling.operator.fee_income_per_year_minor < cost) add('fee_below_cost', rolling.operator.fee_income_per_year_minor, cost);
  if (reached(cycle.caps.members_at_year_cap_bps, thresholds.members_at_cap_bps)) add('members_at_cap', cycle.caps.members_at_year_cap_bps!, thresholds.members_at_cap_bps!);
  return alerts;
}

function percent(bps: bigint): string {
  const whole = bps / 100n;
  const rest = (bps < 0n ? -bps : bps) % 100n;
  return rest === 0n ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

function times(bps: bigint): string {
  const tenths = (bps + 500n) / 1000n;
  return `${tenths / 10n}.${tenths % 10n}`;
}

function yuan(minor: bigint): string {
  return (minor / 100n).toLocaleString('en-US');
}

/** The alert in plain words, in Chinese and English, for operators' messages and the public pages. */
export function alertTexts(alert: SustainabilityAlert, plan: { readonly name_zh: string; readonly name_en: string }): AlertTexts {
  const { value, threshold } = alert;
  switch (alert.kind) {
    case 'yearly_share_rise':
      return {
        title_zh: `${plan.name_zh}：每人年分摊额上涨`,
        title_en: `${plan.name_en}: the yearly share per member has risen`,
        body_zh: value >= 10_000n ? `近 12 个月每位成员的分摊额是 12 个月前的 ${times(value + 10_000n)} 倍（上涨 ${percent(value)}）。` : `近 12 个月每位成员的分摊额比 12 个月前上涨了 ${percent(value)}。`,
        body_en: value >= 10_000n ? `Over the last 12 months each member paid ${times(value + 10_000n)} times as much as in the 12 months before (up ${percent(value)}).` : `Over the last 12 months each member paid ${percent(value)} more than in the 12 months before.`,
      };
    case 'incidence_over_expected':
      return {
        title_zh: `${plan.name_zh}：发病率高于预期`,
        title_en: `${plan.name_en}: more cases than expected`,
        body_zh: `近 12 个月的发病率是计划预期的 ${times(value)} 倍（提醒阈值 ${times(threshold)} 倍）。`,
        body_en: `Over the last 12 months there were ${times(value)} times as many cases as the plan's table expects for its members' ages (alert at ${times(threshold)} times).`,
      };
    case 'members_drop':
      return {
        title_zh: `${plan.name_zh}：成员人数下降`,
        title_en: `${plan.name_en}: fewer members`,
        body_zh: `参与分摊的成员比 12 个月前减少了 ${percent(value)}。`,
        body_en: `${percent(value)} fewer members share the cases than 12 months ago.`,
      };
    case 'adverse_selection':
      return {
        title_zh: `${plan.name_zh}：逆向选择迹象`,
        title_en: `${plan.name_en}: signs of adverse selection`,
        body_zh: `近 12 个月新加入成员的预期发病率是退出成员的 ${times(value)} 倍。`,
        body_en: `Over the last 12 months the members who joined are expected to fall ill ${times(value)} times as often as those who left.`,
      };
    case 'fee_below_cost':
      return {
        title_zh: `${plan.name_zh}：管理费不足以覆盖运营成本`,
        title_en: `${plan.name_en}: the fee does not cover the running costs`,
        body_zh: `按近 12 个月计，管理费收入约每年 ${yuan(value)} 元，低于每年 ${yuan(threshold)} 元的运营成本。`,
        body_en: `Over the last 12 months the management fee brought in about ${yuan(value)} a year, less than the running costs of ${yuan(threshold)} a year.`,
      };
    case 'members_at_cap':
      return {
        title_zh: `${plan.name_zh}：许多成员已达年度分摊上限`,
        title_en: `${plan.name_en}: many members have reached the yearly cap`,
        body_zh: `${percent(value)} 的成员今年已付满年度分摊上限，超出部分由运营方兜底。`,
        body_en: `${percent(value)} of the members have paid this year's cap; the operator's backstop pays the rest.`,
      };
  }
}
