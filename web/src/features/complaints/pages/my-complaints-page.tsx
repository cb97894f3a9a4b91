import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMyComplaints } from '../api';
import { ComplaintStateBadge, subjectText } from '../components/complaint-parts';

function MyComplaints() {
  const { t } = useTranslation();
  const complaints = useMyComplaints();
  return (
    <Page title={t('complaints.mine.title')} actions={<Link className="button" to="/complaints/new">{t('complaints.mine.new')}</Link>}>
      <p className="muted">{t('complaints.mine.intro')}</p>
      <QueryState query={complaints}>
        {(list) =>
          list.length === 0 ? (
            <div className="card">
              <p>{t('complaints.mine.empty')}</p>
            </div>
          ) : (
            <ul className="complaints-list">
              {list.map((complaint) => (
                <li key={complaint.complaint_id} className="card">
                  <div className="spread">
                    <h2>
                      <Link to={`/complaints/${complaint.complaint_id}`}>{subjectText(t, complaint)}</Link>
                    </h2>
                    <ComplaintStateBadge complaint={complaint} />
                  </div>
                  <p className="complaint-excerpt">{complaint.text}</p>
                  <p className="muted">
                    {t('complaints.filedAt')} <Instant value={complaint.filed_at} />
                    {' · '}
                    {complaint.state === 'filed' || complaint.state === 'assigned' ? (
                      <>
                        {t('complaints.answerBy')} <Instant value={complaint.deadline_at} />
                      </>
                    ) : complaint.state === 'responded' ? (
                      <strong>{t('complaints.mine.waitsForYou')}</strong>
                    ) : (
                      t(`complaints.state.${complaint.state}`)
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

export function MyComplaintsPage() {
  return (
    <RequireSession>
      <MyComplaints />
    </RequireSession>
  );
}
