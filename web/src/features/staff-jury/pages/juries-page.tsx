import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { juryPhases, useJuries, type JuryOverview, type JuryPhase } from '../api';
import { PhaseBadge, VerdictWords } from '../components/phase';

function Row({ jury }: { jury: JuryOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <tr>
      <th scope="row">
        <Link to={`/staff/jury/${jury.claim_id}`}>{jury.case_number}</Link>
      </th>
      <td>{jury.plan_id}</td>
      <td>
        <PhaseBadge jury={jury} />
      </td>
      <td>{jury.window === null ? '—' : <Instant value={jury.window.closes_at} />}</td>
      <td className="number">
        {jury.votes_cast === null || jury.panel_size === null
          ? '—'
          : t('staffJury.votesOfSeats', { cast: formatNumber(jury.votes_cast, language), seats: formatNumber(jury.panel_size, language) })}
      </td>
      <td>{jury.verdict === null ? '—' : <VerdictWords verdict={jury.verdict} decision={jury.operator_decision} />}</td>
    </tr>
  );
}

function JuryList({ phase }: { phase: JuryPhase | undefined }) {
  const { t } = useTranslation();
  const juries = useJuries(phase);
  if (juries.isPending) return <Loading />;
  if (juries.isError) return <ErrorState error={juries.error} onRetry={() => void juries.refetch()} />;
  const rows = juries.data.pages.flatMap((page) => page.juries);
  if (rows.length === 0) return <p className="muted staff-jury-empty">{t('staffJury.list.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="staff-jury-table">
          <caption>{t('staffJury.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffJury.caseNumber')}</th>
              <th scope="col">{t('staffJury.plan')}</th>
              <th scope="col">{t('staffJury.phase')}</th>
              <th scope="col">{t('staffJury.closesAt')}</th>
              <th scope="col" className="number">
                {t('staffJury.votesCast')}
              </th>
              <th scope="col">{t('staffJury.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((jury) => (
              <Row key={jury.claim_id} jury={jury} />
            ))}
          </tbody>
        </table>
      </div>
      {juries.hasNextPage ? (
        <button type="button" className="button secondary" disabled={juries.isFetchingNextPage} onClick={() => void juries.fetchNextPage()}>
          {juries.isFetchingNextPage ? t('common.loading') : t('staffJury.list.more')}
        </button>
      ) : null}
    </>
  );
}

function Juries() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<JuryPhase | ''>('');
  const filterId = useId();
  return (
    <Page title={t('staffJury.list.title')}>
      <p className="muted">{t('staffJury.list.intro')}</p>
      <div className="field staff-jury-filter">
        <label htmlFor={filterId}>{t('staffJury.list.filter')}</label>
        <select id={filterId} value={phase} onChange={(event) => setPhase(event.target.value as JuryPhase | '')}>
          <option value="">{t('staffJury.list.all')}</option>
          {juryPhases.map((value) => (
            <option key={value} value={value}>
              {t(`staffJury.phases.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <JuryList phase={phase === '' ? undefined : phase} />
    </Page>
  );
}

/** /staff/jury: claims waiting for a jury, open juries and their vote counts, closed ones with the verdict. */
export function JuriesPage() {
  return (
    <RequireRole roles={staffAccess.jury}>
      <Juries />
    </RequireRole>
  );
}
