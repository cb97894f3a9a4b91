import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useHousehold, useShareHistory, type Household, type ShareHistory } from '../api/members-api';
import { usePlanName } from '../components/plan-name';

function whoseLabel(household: Household | undefined, membership_id: string, planName: ReturnType<typeof usePlanName>): string {
  for (const person of household?.persons ?? []) {
    const membership = person.memberships.find((candidate) => candidate.membership_id === membership_id);
    if (membership !== undefined) return `${person.name_masked} · ${planName(membership)}`;
  }
  return membership_id;
}

function Years({ years }: { years: ShareHistory['years'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="grid two">
      {years.map((year) => (
        <section className="card" key={`${year.year}-${year.currency}`} aria-labelledby={`year-${year.year}-${year.currency}`}>
          <h2 id={`year-${year.year}-${year.currency}`}>{t('memberships.shares.year', { year: year.year })}</h2>
          <p className="stat">{t('memberships.shares.helped', { count: year.cases_helped, formatted: formatNumber(year.cases_helped, language) })}</p>
          <p>
            {t('memberships.shares.paid')} <strong><Money minor={year.shared_minor} currency={year.currency} /></strong>
          </p>
          <p className="muted">{t('memberships.shares.cycles', { count: year.cycle_count })}</p>
        </section>
      ))}
    </div>
  );
}

function Lines({ history, household }: { history: ShareHistory; household: Household | undefined }) {
  const { t } = useTranslation();
  const planName = usePlanName();
  return (
    <div className="table-wrap">
      <table className="money-table">
        <caption>{t('memberships.shares.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('memberships.shares.cycle')}</th>
            <th scope="col">{t('memberships.shares.whose')}</th>
            <th scope="col" className="number">
              {t('memberships.shares.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {history.lines.map((line) => (
            <tr key={`${line.membership_id}-${line.cycle_id}`}>
              <td>
                <Day value={line.collection_at} />
                <br />
                <Link to={`/cycles/${encodeURIComponent(line.cycle_id)}`} className="cycle-code">
                  {line.cycle_id}
                </Link>
                <br />
                <span className="muted">{t('memberships.shares.cases', { count: line.case_count })}</span>
              </td>
              <td>{whoseLabel(household, line.membership_id, planName)}</td>
              <td className="number">
                <Money minor={line.share_minor} currency={line.currency} />
                <br />
                <Link to={`/verify/share?membership=${encodeURIComponent(line.membership_id)}&cycle=${encodeURIComponent(line.cycle_id)}`} aria-label={t('memberships.shares.proofLabel', { cycle: line.cycle_id })}>
                  {t('memberships.shares.check')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Shares() {
  const { t } = useTranslation();
  const history = useShareHistory();
  const household = useHousehold();
  return (
    <Page title={t('memberships.shares.title')}>
      <p>
        <Link to="/me">{t('memberships.backToMe')}</Link>
      </p>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.lines.length === 0 ? (
        <div className="card">
          <p>{t('memberships.shares.none')}</p>
          <Link to="/me">{t('memberships.backToMe')}</Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('memberships.shares.intro')}</p>
          <Years years={history.data.years} />
          <h2>{t('memberships.shares.perCycle')}</h2>
          <Lines history={history.data} household={household.data} />
        </>
      )}
    </Page>
  );
}

export function SharesPage() {
  return (
    <RequireSession>
      <Shares />
    </RequireSession>
  );
}
