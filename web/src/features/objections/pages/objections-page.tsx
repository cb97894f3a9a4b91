import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMyObjections, type OwnObjection } from '../api';

const tone: Record<OwnObjection['status'], string> = { open: 'badge warn', dismissed: 'badge', upheld: 'badge', referred: 'badge warn' };

function ObjectionCard({ objection }: { objection: OwnObjection }) {
  const { t } = useTranslation();
  const titleId = `objection-${objection.objection_id}`;
  return (
    <li className="card" aria-labelledby={titleId}>
      <div className="spread">
        <h2 id={titleId} className="objections-title">
          {objection.case_published ? (
            <Link to={`/cases/${objection.case_number}`}>{t('objections.caseLabel', { case_number: objection.case_number })}</Link>
          ) : (
            t('objections.caseLabel', { case_number: objection.case_number })
          )}
        </h2>
        <span className={tone[objection.status]}>{t(`objections.status.${objection.status}`)}</span>
      </div>
      <p className="muted">
        {t('objections.raisedOn')} <Instant value={objection.created_at} /> · {t('objections.through', { member_code: objection.member_code })}
      </p>
      <h3 className="objections-subtitle">{t('objections.myReason')}</h3>
      <p className="objections-text">{objection.reason}</p>
      <h3 className="objections-subtitle">{t('objections.outcome')}</h3>
      <p>{t(`objections.meaning.${objection.status}`)}</p>
      {objection.resolution === null ? null : (
        <blockquote className="objections-resolution">
          <p className="objections-text">{objection.resolution}</p>
          {objection.resolved_at === null ? null : (
            <footer className="muted">
              {t('objections.resolvedOn')} <Instant value={objection.resolved_at} />
            </footer>
          )}
        </blockquote>
      )}
    </li>
  );
}

function MyObjections() {
  const { t } = useTranslation();
  const objections = useMyObjections();
  return (
    <Page title={t('objections.title')}>
      <p className="muted">{t('objections.intro')}</p>
      <QueryState query={objections}>
        {(data) =>
          data.objections.length === 0 ? (
            <div className="card">
              <p>{t('objections.none')}</p>
              <Link to="/notices">{t('objections.seeNotices')}</Link>
            </div>
          ) : (
            <ul className="objections-list">
              {data.objections.map((objection) => (
                <ObjectionCard key={objection.objection_id} objection={objection} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

export function ObjectionsPage() {
  return (
    <RequireSession>
      <MyObjections />
    </RequireSession>
  );
}
