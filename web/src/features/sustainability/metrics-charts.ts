import type { TFunction } from 'i18next';
import { formatDay } from '../../shared/format/dates';
import type { ChartData } from '../../shared/ui/chart-data';
import type { CycleEntry, PlanMetrics } from './api';
import { axisMoneyFormatter, chartNumber, formatChangeBps, formatCount, formatRate, formatShareBps, formatTimes, moneyFormatter } from './figures';

export interface MetricChart {
  readonly key: string;
  readonly title: string;
  readonly note?: string;
  readonly data: ChartData;
}

/** Cases per 100,000 a year from summed cases and member-days, as the server computes a cycle's. */
function incidenceOf(cases: number, member_days: number): number | null {
  return member_days === 0 ? null : (cases * 365 * 100_000) / member_days;
}

/**
 * The incidence by tenure over the cycles of the last 12 months: one cycle has too few cases to
 * show the waiting period's effect, so the cases and member-days of those cycles are summed.
 */
function tenureOverYear(entries: readonly CycleEntry[]): Array<{ band: string; cases: number; covered: number; incidence: number | null }> {
  const latest = entries.at(-1);
  if (latest === undefined) return [];
  const since = latest.rolling.since_at;
  const inYear = entries.filter((entry) => entry.cycle.snapshot_at > since);
  return latest.cycle.by_tenure_band.map((band) => {
    const rows = inYear.flatMap((entry) => entry.cycle.by_tenure_band.filter((row) => row.band === band.band));
    const cases = rows.reduce((sum, row) => sum + Number(row.cases), 0);
    const member_days = rows.reduce((sum, row) => sum + Number(row.member_days), 0);
    return { band: band.band, cases, covered: Number(band.covered), incidence: incidenceOf(cases, member_days) };
  });
}

/** Every trend of the operator's page, built once from the stored metrics (oldest cycle first). */
export function metricCharts(metrics: PlanMetrics, t: TFunction, locale: string): MetricChart[] {
  const entries = metrics.cycles;
  const latest = entries.at(-1);
  const money = moneyFormatter(metrics.currency, locale);
  const axisMoney = axisMoneyFormatter(metrics.currency, locale);
  /** Percent axes reach 1% at least; money axes reach one yuan. */
  const percentFloor = 100;
  const moneyFloor = 100;
  const count = (value: number) => formatCount(Math.round(value), locale);
  const rate = (value: number) => formatRate(value, locale);
  const share = (value: number) => formatShareBps(value, locale);
  const times = (value: number) => formatTimes(value, locale);
  const change = (value: number) => formatChangeBps(value, locale);
  const cycleLabel = t('sustainability.cycle');
  const cycles = entries.map((entry) => formatDay(entry.cycle.snapshot_at, locale));
  /** Most charts are a trend: one category per cycle. */
  const perCycle = { categoryLabel: cycleLabel, categories: cycles };
  const ageLabel = (band: string) => t('sustainability.ageBandLabel', { band });
  const cycle = (pick: (entry: CycleEntry) => string | number | null) => entries.map((entry) => chartNumber(pick(entry)));
  const ageBands = latest?.rolling.by_age_band ?? [];
  const expectedByBand = new Map((latest?.cycle.by_age_band ?? []).map((band) => [band.band, band.expected_per_100k]));
  const tenure = tenureOverYear(entries);

  return [
    {
      key: 'members',
      title: t('sustainability.charts.members'),
      data: { kind: 'line', ...perCycle, format: count, series: [{ name: t('sustainability.membersCovered'), values: cycle((entry) => entry.cycle.members_covered) }] },
    },
    {
      key: 'flows',
      title: t('sustainability.charts.flows'),
      data: {
        kind: 'bar',
        ...perCycle,
        format: count,
        series: [
          { name: t('sustainability.joins'), values: cycle((entry) => entry.cycle.joins) },
          { name: t('sustainability.exits'), values: cycle((entry) => entry.cycle.exits) },
          { name: t('sustainability.exitsEverClaimed'), values: cycle((entry) => entry.cycle.exits_ever_claimed) },
        ],
      },
    },
    {
      key: 'flows-age',
      title: t('sustainability.charts.flowsByAge'),
      note: t('sustainability.charts.lastYearNote'),
      data: {
        kind: 'bar',
        categoryLabel: t('sustainability.ageBand'),
        categories: ageBands.map((band) => ageLabel(band.band)),
        format: count,
        series: [
          { name: t('sustainability.joins'), values: ageBands.map((band) => Number(band.joins)) },
          { name: t('sustainability.exits'), values: ageBands.map((band) => Number(band.exits)) },
          { name: t('sustainability.exitsEverClaimed'), values: ageBands.map((band) => Number(band.exits_ever_claimed)) },
        ],
      },
    },
    {
      key: 'incidence',
      title: t('sustainability.charts.incidence'),
      note: t('sustainability.charts.incidenceNote'),
      data: {
        kind: 'line',
        ...perCycle,
        format: rate,
        series: [
          { name: t('sustainability.per100k'), values: cycle((entry) => entry.rolling.incidence_per_100k) },
          { name: t('sustainability.expected'), values: cycle((entry) => entry.rolling.expected_incidence_per_100k), dashed: true },
          { name: t('sustainability.timesExpected'), values: cycle((entry) => entry.rolling.incidence_vs_expected_bps), tableOnly: true, format: times },
        ],
      },
    },
    {
      key: 'incidence-age',
      title: t('sustainability.charts.incidenceByAge'),
      note: t('sustainability.charts.incidenceByAgeNote'),
      data: {
        kind: 'bar',
        categoryLabel: t('sustainability.ageBand'),
        categories: ageBands.map((band) => ageLabel(band.band)),
        format: rate,
        series: [
          { name: t('sustainability.per100k'), values: ageBands.map((band) => band.incidence_per_100k) },
          { name: t('sustainability.expected'), values: ageBands.map((band) => expectedByBand.get(band.band) ?? null), kind: 'line', dashed: true },
          { name: t('sustainability.cases'), values: ageBands.map((band) => Number(band.cases)), tableOnly: true, format: count },
        ],
      },
    },
    {
      key: 'share',
      title: t('sustainability.charts.share'),
      data: {
        kind: 'bar',
        ...perCycle,
        format: money,
        axisFormat: axisMoney,
        axisAtLeast: moneyFloor,
        series: [{ name: t('sustainability.sharePerMember'), values: cycle((entry) => entry.cycle.share.share_per_member_minor) }],
      },
    },
    {
      key: 'share-year',
      title: t('sustainability.charts.shareYear'),
      note: t('sustainability.charts.shareYearNote'),
      data: {
        kind: 'line',
        ...perCycle,
        format: money,
        axisFormat: axisMoney,
        axisAtLeast: moneyFloor,
        series: [
          { name: t('sustainability.yearlyShare'), values: cycle((entry) => entry.rolling.yearly_share_per_member_minor) },
          { name: t('sustainability.yearlyShareBefore'), values: cycle((entry) => entry.rolling.yearly_share_12m_before_minor), dashed: true },
          { name: t('sustainability.change12m'), values: cycle((entry) => entry.rolling.yearly_share_change_bps), tableOnly: true, format: change },
        ],
      },
    },
    {
      key: 'cases-40',
      title: t('sustainability.charts.cases40'),
      data: {
        kind: 'line',
        ...perCycle,
        format: share,
        axisAtLeast: percentFloor,
        series: [
          { name: t('sustainability.cases40Year'), values: cycle((entry) => entry.rolling.cases_aged_40_plus_bps) },
          { name: t('sustainability.cases'), values: cycle((entry) => entry.rolling.cases), tableOnly: true, format: count },
        ],
      },
    },
    {
      key: 'tenure',
      title: t('sustainability.charts.tenure'),
      note: t('sustainability.charts.tenureNote'),
      data: {
        kind: 'bar',
        categoryLabel: t('sustainability.tenureBand'),
        categories: tenure.map((band) => t('sustainability.tenureBandLabel', { band: band.band })),
        format: rate,
        series: [
          { name: t('sustainability.per100k'), values: tenure.map((band) => band.incidence) },
          { name: t('sustainability.cases'), values: tenure.map((band) => band.cases), tableOnly: true, format: count },
          { name: t('sustainability.membersCovered'), values: tenure.map((band) => band.covered), tableOnly: true, format: count },
        ],
      },
    },
    {
      key: 'caps',
      title: t('sustainability.charts.caps'),
      data: {
        kind: 'line',
        ...perCycle,
        format: share,
        axisAtLeast: percentFloor,
        series: [
          { name: t('sustainability.atYearCap'), values: cycle((entry) => entry.cycle.caps.members_at_year_cap_bps) },
          { name: t('sustainability.membersCapped'), values: cycle((entry) => entry.cycle.caps.members_capped), tableOnly: true, format: count },
          { name: t('sustainability.backstop'), values: cycle((entry) => entry.cycle.caps.backstop_minor), tableOnly: true, format: money },
        ],
      },
    },
    {
      key: 'economics',
      title: t('sustainability.charts.economics'),
      note: t('sustainability.charts.economicsNote'),
      data: {
        kind: 'bar',
        ...perCycle,
        format: money,
        axisFormat: axisMoney,
        axisAtLeast: moneyFloor,
        series: [
          { name: t('sustainability.feeIncome'), values: cycle((entry) => entry.cycle.operator.fee_income_minor) },
          { name: t('sustainability.operatingCost'), values: cycle((entry) => entry.cycle.operator.operating_cost_minor) },
          { name: t('sustainability.margin'), values: cycle((entry) => entry.cycle.operator.margin_minor), tableOnly: true },
        ],
      },
    },
    {
      key: 'break-even',
      title: t('sustainability.charts.breakEven'),
      note: t('sustainability.charts.breakEvenNote'),
      data: {
        kind: 'line',
        ...perCycle,
        format: count,
        series: [
          { name: t('sustainability.membersCovered'), values: cycle((entry) => entry.cycle.members_covered) },
          { name: t('sustainability.breakEvenMembers'), values: cycle((entry) => entry.rolling.operator.break_even_members), dashed: true },
        ],
      },
    },
    {
      key: 'selection',
      title: t('sustainability.charts.selection'),
      note: t('sustainability.charts.selectionNote'),
      data: {
        kind: 'line',
        ...perCycle,
        format: times,
        series: [
          { name: t('sustainability.selectionIndex'), values: cycle((entry) => entry.rolling.selection.adverse_selection_index_bps) },
          { name: t('sustainability.joinersIndex'), values: cycle((entry) => entry.rolling.selection.joiners_index_bps), dashed: true },
          { name: t('sustainability.leaversIndex'), values: cycle((entry) => entry.rolling.selection.leavers_index_bps), dashed: true },
        ],
      },
    },
  ];
}
