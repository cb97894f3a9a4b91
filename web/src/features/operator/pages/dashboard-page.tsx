import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatNumber } from '../../../shared/format/dates';
import { formatMoney as formatMoneyText } from '../../../shared/format/money';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useDashboard, usePlans, type Dashboard, type Plan } from '../api';
import { planName } from '../components/plan-name';

/** Claims someone is still working on: neither decided for good nor paid. */
const openClaimStates = ['submitted', 'in_review', 'investigating', 'approved_for_notice', 'in_notice', 'objected', 'in_jury', 'appealed'] as const;

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="card">
      <p className="stat" data-testid={testId}>
        {children}
      </p>
      <p className="stat-label">{label}</p>
    </div>
  );
}

function PlanPicker({ plans, value, onChange }: { plans: readonly Plan[]; value: string; onChange: (plan_id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <div className="field operator-plan-picker">
      <label htmlFor={id}>{t('operator.dashboard.plan')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {planName(plan, language)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Flows({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const largest = dashboard.flows.reduce((most, flow) => Math.max(most, Number(flow.joins), Number(flow.exits)), 1);
  return (
    <section className="card" aria-labelledby="operator-flows-title">
      <h2 id="operator-flows-title">{t('operator.dashboard.flows')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('operator.dashboard.flows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.dashboard.cycle')}</th>
              <th scope="col">{t('operator.dashboard.window')}</th>
              <th scope="col">{t('operator.dashboard.joins')}</th>
              <th scope="col">{t('operator.dashboard.exits')}</th>
              <th scope="col">{t('operator.dashboard.shared')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.flows.map((flow) => (
              <tr key={flow.cycle_id}>
                <th scope="row">{flow.member_count === null ? t('operator.dashboard.sinceLast') : flow.cycle_id}</th>
                <td>
                  {flow.since_at === null ? t('operator.dashboard.fromStart') : <Day value={flow.since_at} />} – <Day value={flow.until_at} />
                </td>
                <td>
                  <span className="operator-bar operator-bar-join" style={{ width: `${(Number(flow.joins) / largest) * 6}rem` }} aria-hidden="true" />
                  {formatNumber(flow.joins, language)}
                </td>
                <td>
                  <span className="operator-bar operator-bar-exit" style={{ width: `${(Number(flow.exits) / largest) * 6}rem` }} aria-hidden="true" />
                  {formatNumber(flow.exits, language)}
                  {Number(flow.exits) > 0 ? (
                    <span className="muted">
                      {' '}
                      (
                      {Object.entries(flow.exits_by_status)
                        .filter(([, count]) => count !== '0')
                        .map(([status, count]) => `${t(`operator.status.${status}`)} ${formatNumber(count, language)}`)
                        .join(', ')}
                      )
                    </span>
                  ) : null}
                </td>
                <td>{flow.member_count === null ? '—' : formatNumber(flow.member_count, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Claims({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="operator-claims-title">
      <h2 id="operator-claims-title">{t('operator.dashboard.claims')}</h2>
      <ul className="operator-claim-states">
        {Object.entries(dashboard.claims_by_state).map(([state, count]) => (
          <li key={state}>
            <Link to={`/staff/claims?state=${state}&plan_id=${dashboard.plan_id}`}>
              <span>{t(`operator.claimState.${state}`)}</span> <strong>{formatNumber(count, language)}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NextCycle({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = dashboard.next_cycle;
  const currency = dashboard.currency;
  return (
    <section className="card" aria-labelledby="operator-next-title" data-testid="operator-next-cycle">
      <h2 id="operator-next-title">{t('operator.dashboard.next', { cycle: next.cycle_id })}</h2>
      <p>
        {t('operator.dashboard.snapshot')} <Day value={next.snapshot_at} /> · {t('operator.dashboard.collection')} <Day value={next.collection_at} />{' '}
        {next.due ? <span className="badge warn">{t('operator.dashboard.due')}</span> : null}
      </p>
      <div className="grid stat-cards operator-stats">
        <Stat label={t('operator.dashboard.cases')}>{formatNumber(next.case_count, language)}</Stat>
        <Stat label={t('operator.dashboard.total')} testId="operator-next-total">
          <Money minor={next.total_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.estimatedShare')} testId="operator-next-share">
          <Money minor={next.estimated_share_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.covered')}>{formatNumber(next.member_count, language)}</Stat>
        <Stat label={t('operator.dashboard.atCap')}>{formatNumber(next.members_at_cap, language)}</Stat>
        <Stat label={t('operator.dashboard.cappedEstimate')}>
          <Money minor={next.capped_estimate_minor} currency={currency} />
        </Stat>
      </div>
      <p className="muted">
        {t('operator.dashboard.formula', {
          aid: formatMoneyText(next.aid_total_minor, currency, language),
          fee: formatMoneyText(next.fee_minor, currency, language),
          surplus: formatMoneyText(next.surplus_in_minor, currency, language),
          total: formatMoneyText(next.total_minor, currency, language),
          weight: formatNumber(next.weight_total, language),
          share: formatMoneyText(next.share_per_weight_minor, currency, language),
        })}{' '}
        {next.per_member_cap_minor === null ? null : t('operator.dashboard.capNote', { cap: formatMoneyText(next.per_member_cap_minor, currency, language) })}{' '}
        {t(`operator.dashboard.policy.${next.cap_policy}`)}
      </p>
      {next.cases.length === 0 ? (
        <p>{t('operator.dashboard.noCases')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('operator.dashboard.casesCaption', { count: next.case_count })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.dashboard.caseNumber')}</th>
                <th scope="col">{t('operator.dashboard.aid')}</th>
              </tr>
            </thead>
            <tbody>
              {next.cases.map((entry) => (
                <tr key={entry.case_number}>
                  <th scope="row">
                    <Link to={`/cases/${entry.case_number}`}>{entry.case_number}</Link>
                  </th>
                  <td>
                    <Money minor={entry.aid_minor} currency={currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}


function Cash({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cash = dashboard.cash;
  const currency = dashboard.currency;
  return (
    <section className="card" aria-labelledby="operator-cash-title">
      <h2 id="operator-cash-title">{t('operator.dashboard.cash')}</h2>
      <div className="grid stat-cards operator-stats">
        <Stat label={t('operator.dashboard.inCollection', { count: Number(cash.in_collection_count), formatted: formatNumber(cash.in_collection_count, language) })}>
          <Money minor={cash.in_collection_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.receivable')}>
          <Money minor={cash.shares_receivable_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.custody', { currency })}>
          <Money minor={cash.custody_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.payoutsDue', { count: Number(cash.payouts_due_count), formatted: formatNumber(cash.payouts_due_count, language) })}>
          <Money minor={cash.payouts_due_minor} currency={currency} />
        </Stat>
        <Stat label={t('operator.dashboard.payoutsFailed')}>{formatNumber(cash.payouts_failed_count, language)}</Stat>
        <Stat label={t('operator.dashboard.advances')}>
          <Money minor={cash.advances_outstanding_minor} currency={currency} />
        </Stat>
      </div>
    </section>
  );
}

function DashboardView({ plans }: { plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const plan_id = params.get('plan_id') ?? plans[0]?.id;
  const dashboard = useDashboard(plan_id);
  if (plan_id === undefined) return <p>{t('operator.plans.none')}</p>;
  return (
    <>
      <PlanPicker plans={plans} value={plan_id} onChange={(next) => setParams({ plan_id: next })} />
      <QueryState query={dashboard}>
        {({ dashboard: data }) => (
          <>
            <p className="muted">
              {t('operator.dashboard.asOf')} <Instant value={data.at} />
            </p>
            <div className="grid stat-cards operator-stats">
              <Stat label={t('operator.dashboard.membersCovered')} testId="operator-covered">
                {formatNumber(data.members.covered, language)}
              </Stat>
              <Stat label={t('operator.dashboard.membersWaiting')}>{formatNumber(data.members.waiting, language)}</Stat>
              <Stat label={t('operator.dashboard.claimsOpen')}>
                {formatNumber(
                  openClaimStates.reduce((total, state) => total + Number(data.claims_by_state[state]), 0),
                  language,
                )}
              </Stat>
            </div>
            <NextCycle dashboard={data} />
            <Cash dashboard={data} />
            <Flows dashboard={data} />
            <Claims dashboard={data} />
          </>
        )}
      </QueryState>
    </>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <Page title={t('operator.dashboard.title')}>
      <QueryState query={plans}>{(data) => <DashboardView plans={data.plans} />}</QueryState>
    </Page>
  );
}

export function DashboardPage() {
  return (
    <RequireRole roles={staffAccess.dashboard}>
      <Dashboard />
    </RequireRole>
  );
}
