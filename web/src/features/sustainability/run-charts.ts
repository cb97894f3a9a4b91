import type { TFunction } from 'i18next';
import { formatDay } from '../../shared/format/dates';
import type { ChartData } from '../../shared/ui/chart-data';
import { axisMoneyFormatter, formatCount, moneyFormatter } from './figures';
import type { Run, RunPeriod, RunSummary } from './simulation-api';

type Band = { readonly p5: number | string; readonly p50: number | string; readonly p95: number | string };

export interface FanChart {
  readonly key: 'share' | 'members' | 'backstop' | 'margin';
  readonly title: string;
  readonly data: ChartData;
}

/** P5 to P95 shaded, P50 drawn: what the paths make likely, and the middle one. */
function fan(t: TFunction, categories: readonly string[], periods: readonly RunPeriod[], pick: (period: RunPeriod) => Band, format: (value: number) => string, axisFormat?: (value: number) => string): ChartData {
  const lower = t('sustainability.run.p5');
  const upper = t('sustainability.run.p95');
  return {
    kind: 'line',
    categoryLabel: t('sustainability.run.period'),
    categories,
    format,
    ...(axisFormat === undefined ? {} : { axisFormat }),
    band: { lower, upper, name: t('sustainability.run.band') },
    series: [
      { name: lower, values: periods.map((period) => Number(pick(period).p5)) },
      { name: t('sustainability.run.p50'), values: periods.map((period) => Number(pick(period).p50)) },
      { name: upper, values: periods.map((period) => Number(pick(period).p95)) },
    ],
  };
}

/** The fan charts of a finished run: share per member, members, backstop and operator margin per period. */
export function fanCharts(run: Run, summary: RunSummary, t: TFunction, locale: string): FanChart[] {
  const currency = run.request.currency;
  const money = moneyFormatter(currency, locale);
  const axisMoney = axisMoneyFormatter(currency, locale);
  const count = (value: number) => formatCount(Math.round(value), locale);
  const categories = summary.periods.map((period) => formatDay(period.start_date, locale));
  return [
    { key: 'share', title: t('sustainability.run.chart.share'), data: fan(t, categories, summary.periods, (period) => period.share_per_member_minor, money, axisMoney) },
    { key: 'members', title: t('sustainability.run.chart.members'), data: fan(t, categories, summary.periods, (period) => period.members, count) },
    { key: 'backstop', title: t('sustainability.run.chart.backstop'), data: fan(t, categories, summary.periods, (period) => period.backstop_minor, money, axisMoney) },
    { key: 'margin', title: t('sustainability.run.chart.margin'), data: fan(t, categories, summary.periods, (period) => period.operator_margin_minor, money, axisMoney) },
  ];
}

/** Two runs' middle paths on one chart (their periods side by side; a shorter run ends earlier). */
export function comparedMedians(runs: readonly [Run, Run], summaries: readonly [RunSummary, RunSummary], names: readonly [string, string], pick: 'share' | 'members', t: TFunction, locale: string): ChartData {
  const longer = summaries[0].periods.length >= summaries[1].periods.length ? summaries[0] : summaries[1];
  const value = (period: RunPeriod | undefined) => (period === undefined ? null : Number(pick === 'share' ? period.share_per_member_minor.p50 : period.members.p50));
  const currency = runs[0].request.currency;
  return {
    kind: 'line',
    categoryLabel: t('sustainability.run.periodNumber'),
    categories: longer.periods.map((period) => String(period.period)),
    format: pick === 'share' ? moneyFormatter(currency, locale) : (number) => formatCount(Math.round(number), locale),
    ...(pick === 'share' ? { axisFormat: axisMoneyFormatter(currency, locale) } : {}),
    series: summaries.map((summary, index) => ({ name: names[index] ?? '', values: longer.periods.map((_, at) => value(summary.periods[at])) })),
  };
}
