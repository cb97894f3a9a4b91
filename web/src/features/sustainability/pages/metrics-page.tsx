import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { mayOpen, staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useAlerts, useMetrics, usePlans, useRecompute, type Plan, type PlanMetrics } from '../api';
import { AlertList } from '../components/alert-list';
import { ChartFigure } from '../../../shared/ui/chart-figure';
import { PlanPicker } from '../components/plan-picker';
import { Stat } from '../components/stat';
import { formatChangeBps, formatCount, formatRate, formatShareBps, formatTimes } from '../figures';
import { metricCharts } from '../metrics-charts';

/** Recomputing is the operator's (an admin passes too); an auditor reads the same figures. */
function useMayRecompute(): boolean {
  const session = useSession();
  return mayOpen(session.data, ['operator']);
}

function RecomputeButton({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const recompute = useRecompute(plan_id);
  return (
    <div className="sustainability-recompute">
      <button type="button" className="button secondary" disabled={recompute.isPending} onClick={() => recompute.mutate()}>
        {recompute.isPending ? t('sustainability.recompute.running') : t('sustainability.recompute.button')}
      </button>
      <p className="muted sustainability-recompute-note">{t('sustainability.recompute.note')}</p>
      <div aria-live="polite">
        {recompute.isSuccess ? (
          <p className="alert info" role="status" data-testid="recompute-done">
            {t('sustainability.recompute.done', { count: recompute.data.cycles })}
          </p>
        ) : null}
        {recompute.isError ? (
          <p className="alert error" role="alert">
            {errorMessage(t, recompute.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The latest 12 months at a glance: each figure with its change or what it compares with. */
function Summary({ metrics }: { metrics: PlanMetrics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = metrics.cycles.at(-1);
  if (latest === undefined) return null;
  const { cycle, rolling } = latest;
  const currency = metrics.currency;
  const change = (bps: number | null) => (bps === null ? t('sustainability.noYearBefore') : t('sustainability.changeVsYear', { change: formatChangeBps(bps, language) }));
  return (
    <section aria-labelledby="sustainability-summary">
      <h2 id="sustainability-summary">{t('sustainability.summary')}</h2>
      <p className="muted">
        {t('sustainability.window')} <Day value={rolling.since_at} /> – <Day value={rolling.until_at} /> · {t('sustainability.cyclesInWindow', { count: rolling.cycles })}
      </p>
      <div className="grid sustainability-stats">
        <Stat label={t('sustainability.membersCovered')} detail={change(rolling.members_change_bps)} testId="stat-members">
          {formatCount(cycle.members_covered, language)}
        </Stat>
        <Stat label={t('sustainability.yearlyShare')} detail={change(rolling.yearly_share_change_bps)} testId="stat-yearly-share">
          <Money minor={rolling.yearly_share_per_member_minor} currency={currency} />
        </Stat>
        <Stat label={t('sustainability.lastShare')} detail={t('sustainability.lastShareDetail', { cases: formatCount(cycle.cases, language) })}>
          <Money minor={cycle.share.share_per_member_minor} currency={currency} />
        </Stat>
        <Stat
          label={t('sustainability.incidenceYear')}
          detail={t('sustainability.incidenceDetail', { expected: formatRate(rolling.expected_incidence_per_100k, language), times: formatTimes(rolling.incidence_vs_expected_bps, language) })}
          testId="stat-incidence"
        >
          {formatRate(rolling.incidence_per_100k, language)}
        </Stat>
        <Stat label={t('sustainability.cases40Year')} detail={t('sustainability.casesDetail', { cases: formatCount(rolling.cases, language) })}>
          {formatShareBps(rolling.cases_aged_40_plus_bps, language)}
        </Stat>
        <Stat
          label={t('sustainability.atYearCap')}
          detail={
            <>
              {t('sustainability.backstopYear')} <Money minor={rolling.backstop_minor} currency={currency} />
            </>
          }
        >
          {formatShareBps(cycle.caps.members_at_year_cap_bps, language)}
        </Stat>
        <Stat
          label={t('sustainability.feeIncomeYear')}
          detail={
            <>
              {t('sustainability.operatingCostYear')} <Money minor={rolling.operator.operating_cost_per_year_minor} currency={currency} /> · {t('sustainability.margin')}{' '}
              <Money minor={rolling.operator.margin_per_year_minor} currency={currency} />
            </>
          }
        >
          <Money minor={rolling.operator.fee_income_per_year_minor} currency={currency} />
        </Stat>
        <Stat label={t('sustainability.breakEvenMembers')} detail={t('sustainability.breakEvenDetail', { members: formatCount(cycle.members_covered, language) })}>
          {formatCount(rolling.operator.break_even_members, language)}
        </Stat>
        <Stat
          label={t('sustainability.selectionIndex')}
          detail={t('sustainability.selectionDetail', {
            joiners: formatRate(rolling.selection.joiners.expected_per_100k, language),
            leavers: formatRate(rolling.selection.leavers.expected_per_100k, language),
          })}
          testId="stat-selection"
        >
          {formatTimes(rolling.selection.adverse_selection_index_bps, language)}
        </Stat>
      </div>
    </section>
  );
}

function Alerts({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const alerts = useAlerts(plan_id);
  return (
    <section aria-labelledby="sustainability-alerts">
      <h2 id="sustainability-alerts">{t('sustainability.alerts.title')}</h2>
      <p className="muted">{t('sustainability.alerts.intro')}</p>
      <QueryState query={alerts}>
        {({ alerts: list }) => (list.length === 0 ? <p data-testid="no-alerts">{t('sustainability.alerts.none')}</p> : <AlertList alerts={list} />)}
      </QueryState>
    </section>
  );
}

function Trends({ metrics }: { metrics: PlanMetrics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const charts = useMemo(() => metricCharts(metrics, t, language), [metrics, t, language]);
  return (
    <section aria-labelledby="sustainability-trends">
      <h2 id="sustainability-trends">{t('sustainability.trends')}</h2>
      <p className="muted">{t('sustainability.trendsNote')}</p>
      {charts.map((chart) => (
        <ChartFigure className="sustainability-figure" key={chart.key} title={chart.title} data={chart.data} note={chart.note} />
      ))}
    </section>
  );
}

function PlanMetricsView({ plans }: { plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const plan_id = params.get('plan') ?? plans[0]?.id;
  const mayRecompute = useMayRecompute();
  const metrics = useMetrics(plan_id);
  if (plan_id === undefined) return <p>{t('sustainability.noPlans')}</p>;
  return (
    <>
      <div className="sustainability-toolbar">
        <PlanPicker plans={plans} value={plan_id} onChange={(next) => setParams({ plan: next })} />
        {mayRecompute ? <RecomputeButton plan_id={plan_id} /> : null}
      </div>
      <p className="sustainability-links">
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan_id)}/health`}>
          {t('sustainability.publicPage')}
        </Link>
        <Link className="more-link" to="/staff/sustainability/simulator">
          {t('sustainability.simulatorLink')}
        </Link>
      </p>
      <QueryState query={metrics}>
        {(data) =>
          data.cycles.length === 0 ? (
            <p className="card" data-testid="no-metrics">
              {t('sustainability.noMetrics')}
            </p>
          ) : (
            <>
              <Summary metrics={data} />
              <Alerts plan_id={plan_id} />
              <Trends metrics={data} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Metrics() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <Page title={t('sustainability.title')}>
      <p>{t('sustainability.intro')}</p>
      <QueryState query={plans}>{(data) => <PlanMetricsView plans={data.plans} />}</QueryState>
    </Page>
  );
}

/** /staff/sustainability: a plan's metrics with their trends, its alerts, and "recompute". */
export function MetricsPage() {
  return (
    <RequireRole roles={staffAccess.sustainability}>
      <Metrics />
    </RequireRole>
  );
}
