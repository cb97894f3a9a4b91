import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay, formatNumber } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { provinceName } from '../../../shared/format/province-names';
import { cycleDay } from '../../../shared/format/schedule';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useCaseBreakdowns, useCycles, usePlans, usePlanStatistics, type CaseBreakdowns, type Plan, type Statistics } from '../api';
import type { ChartData } from '../../../shared/ui/chart-data';
import { ChartFigure } from '../../../shared/ui/chart-figure';

/** Sums the counts of every year into one tally per key, in the order keys first appear. */
function allYears<T extends { cases: number }>(entries: ReadonlyArray<ReadonlyArray<T>>, keyOf: (item: T) => string): Array<{ item: T; cases: number }> {
  const totals = new Map<string, { item: T; cases: number }>();
  for (const list of entries) for (const item of list) {
    const key = keyOf(item);
    const total = totals.get(key);
    totals.set(key, { item, cases: (total?.cases ?? 0) + item.cases });
  }
  return [...totals.values()];
}

function Charts({ plan, statistics, breakdowns }: { plan: Plan; statistics: Statistics; breakdowns: CaseBreakdowns }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const charts = useMemo(() => {
    const money = (value: number) => formatMoney(String(Math.round(value)), plan.currency, language);
    const count = (value: number) => formatNumber(Math.round(value), language);
    const cycleLabel = (period: string) => {
      const day = cycleDay(period);
      return day === undefined ? period : formatDay(day, language);
    };
    const perCycle = statistics.per_cycle;
    const years = breakdowns.per_year;
    const byIllness = allYears(years.map((year) => year.by_illness), (item) => item.code).sort((a, b) => b.cases - a.cases);
    const byBand = allYears(years.map((year) => year.by_age_band), (item) => item.band).sort((a, b) => a.item.min_age_years - b.item.min_age_years);
    const byProvince = allYears(years.map((year) => year.by_province), (item) => item.province).sort((a, b) => b.cases - a.cases);
    const cases = t('cycles.cases');
    const list: Array<{ key: string; title: string; data: ChartData }> = [
      {
        key: 'share-cycle',
        title: t('cycles.chart.sharePerCycle'),
        data: {
          kind: 'bar',
          wholeNumbers: true,
          categoryLabel: t('cycles.cycle'),
          categories: perCycle.map((cycle) => cycleLabel(cycle.period)),
          series: [{ name: t('cycles.paidPerMember'), values: perCycle.map((cycle) => Number(cycle.paid_share_per_member_minor)) }],
          format: money,
        },
      },
      {
        key: 'share-year',
        title: t('cycles.chart.sharePerYear'),
        data: {
          kind: 'bar',
          wholeNumbers: true,
          categoryLabel: t('cycles.year'),
          categories: statistics.per_year.map((year) => year.period),
          series: [{ name: t('cycles.paidPerMember'), values: statistics.per_year.map((year) => Number(year.paid_share_per_member_minor)) }],
          format: money,
        },
      },
      {
        key: 'members',
        title: t('cycles.chart.members'),
        data: {
          kind: 'line',
          wholeNumbers: true,
          categoryLabel: t('cycles.cycle'),
          categories: perCycle.map((cycle) => cycleLabel(cycle.period)),
          series: [{ name: t('cycles.membersCovered'), values: perCycle.map((cycle) => cycle.members_covered) }],
          format: count,
        },
      },
      {
        key: 'illness',
        title: t('cycles.chart.illness'),
        data: {
          kind: 'bar',
          wholeNumbers: true,
          horizontal: true,
          categoryLabel: t('cycles.illness'),
          categories: byIllness.map(({ item }) => (language === 'en' ? item.name_en : item.name_zh)),
          series: [{ name: cases, values: byIllness.map((entry) => entry.cases) }],
          format: count,
        },
      },
      {
        key: 'age',
        title: t('cycles.chart.age'),
        data: {
          kind: 'bar',
          wholeNumbers: true,
          categoryLabel: t('cycles.ageBand'),
          categories: byBand.map(({ item }) => t('cycles.ageBandLabel', { band: item.band })),
          series: [{ name: cases, values: byBand.map((entry) => entry.cases) }],
          format: count,
        },
      },
      {
        key: 'province',
        title: t('cycles.chart.province'),
        data: {
          kind: 'bar',
          wholeNumbers: true,
          horizontal: true,
          categoryLabel: t('cycles.province'),
          categories: byProvince.map(({ item }) => provinceName(item.province, language)),
          series: [{ name: cases, values: byProvince.map((entry) => entry.cases) }],
          format: count,
        },
      },
    ];
    return list;
  }, [plan, statistics, breakdowns, t, language]);
  return (
    <section aria-labelledby="cycles-charts">
      <h2 id="cycles-charts">{t('cycles.charts')}</h2>
      <p className="muted">{t('cycles.chartsNote')}</p>
      {charts.map((chart) => (
        <ChartFigure key={chart.key} title={chart.title} data={chart.data} />
      ))}
    </section>
  );
}

function PlanReports({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cycles = useCycles(plan.id);
  const statistics = usePlanStatistics(plan.id);
  const breakdowns = useCaseBreakdowns(plan.id);
  return (
    <>
      <section aria-labelledby="cycles-list">
        <h2 id="cycles-list">{t('cycles.list')}</h2>
        <QueryState query={cycles}>
          {({ cycles: list }) =>
            list.length === 0 ? (
              <p>{t('cycles.none')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('cycles.cycle')}</th>
                      <th scope="col" className="number">
                        {t('cycles.cases')}
                      </th>
                      <th scope="col" className="number">
                        {t('cycles.membersCovered')}
                      </th>
                      <th scope="col" className="number">
                        {t('cycles.paidPerMember')}
                      </th>
                      <th scope="col" className="number">
                        {t('cycles.aidTotal')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((cycle) => (
                      <tr key={cycle.cycle_id}>
                        <th scope="row">
                          <Link to={`/cycles/${cycle.cycle_id}`}>
                            <Day value={cycle.snapshot_at} />
                          </Link>
                          {cycle.status === 'running' ? <span className="badge warn">{t('cycles.running')}</span> : null}
                        </th>
                        <td className="number">{cycle.case_count}</td>
                        <td className="number">{cycle.member_count === null ? '—' : formatNumber(cycle.member_count, language)}</td>
                        <td className="number">{cycle.paid_share_per_member_minor === null ? '—' : <Money minor={cycle.paid_share_per_member_minor} currency={cycle.currency} />}</td>
                        <td className="number">
                          <Money minor={cycle.aid_total_minor} currency={cycle.currency} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
      </section>
      <QueryState query={statistics}>
        {(stats) => <QueryState query={breakdowns}>{(cases) => <Charts plan={plan} statistics={stats} breakdowns={cases} />}</QueryState>}
      </QueryState>
    </>
  );
}

/** The cycle reports of a plan: every cycle, and charts of its shares, members and cases. */
export function CyclesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const [params, setParams] = useSearchParams();
  const selectId = useId();
  return (
    <Page title={t('cycles.title')}>
      <p>{t('cycles.intro')}</p>
      <QueryState query={plans}>
        {({ plans: list }) => {
          const plan = list.find((entry) => entry.id === params.get('plan')) ?? list[0];
          if (plan === undefined) return <p>{t('cycles.none')}</p>;
          return (
            <>
              <div className="field plan-select">
                <label htmlFor={selectId}>{t('cycles.plan')}</label>
                <select id={selectId} value={plan.id} onChange={(event) => setParams({ plan: event.target.value }, { replace: true })}>
                  {list.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {language === 'en' ? entry.name_en : entry.name_zh}
                    </option>
                  ))}
                </select>
              </div>
              <PlanReports key={plan.id} plan={plan} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
