import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { complaintStates, useOwners, useQueue, type QueueFilters } from '../api';
import { ComplaintStateBadge, subjectText } from '../components/complaint-parts';

const filterNames = ['state', 'overdue', 'owner'] as const;

function SelectFilter({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** The staff queue: awaiting a response first, by deadline, so the overdue lead (the server's order). */
function Queue() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as unknown as QueueFilters;
  const queue = useQueue(filters);
  const owners = useOwners();
  const set = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('complaints.queue.title')}>
      <p className="muted">{t('complaints.queue.intro')}</p>
      <div className="complaints-filters">
        <SelectFilter label={t('complaints.queue.state')} value={filters.state} onChange={(value) => set('state', value)}>
          <option value="">{t('complaints.queue.any')}</option>
          {complaintStates.map((state) => (
            <option key={state} value={state}>
              {t(`complaints.state.${state}`)}
            </option>
          ))}
        </SelectFilter>
        <SelectFilter label={t('complaints.queue.deadline')} value={filters.overdue} onChange={(value) => set('overdue', value)}>
          <option value="">{t('complaints.queue.any')}</option>
          <option value="true">{t('complaints.queue.overdueOnly')}</option>
          <option value="false">{t('complaints.queue.notOverdue')}</option>
        </SelectFilter>
        <SelectFilter label={t('complaints.owner')} value={filters.owner} onChange={(value) => set('owner', value)}>
          <option value="">{t('complaints.queue.any')}</option>
          <option value="me">{t('complaints.queue.mine')}</option>
          <option value="unassigned">{t('complaints.unassigned')}</option>
          {(owners.data ?? []).map((owner) => (
            <option key={owner.user_id} value={owner.user_id}>
              {owner.display_name}
            </option>
          ))}
        </SelectFilter>
      </div>
      <QueryState query={queue}>
        {(complaints) =>
          complaints.length === 0 ? (
            <div className="card">
              <p>{t('complaints.queue.empty')}</p>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="complaints-table">
                <caption>{t('complaints.queue.caption', { count: complaints.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('complaints.queue.number')}</th>
                    <th scope="col">{t('complaints.subject')}</th>
                    <th scope="col">{t('complaints.queue.stateColumn')}</th>
                    <th scope="col">{t('complaints.deadline')}</th>
                    <th scope="col">{t('complaints.owner')}</th>
                  </tr>
                </thead>
                <tbody>
                  {complaints.map((complaint) => (
                    <tr key={complaint.complaint_id} className={complaint.overdue ? 'overdue' : undefined}>
                      <td>
                        <Link to={`/staff/complaints/${complaint.complaint_id}`}>#{complaint.complaint_id}</Link>
                      </td>
                      <td>
                        {subjectText(t, complaint)}
                        <br />
                        <span className="muted claims-code">{complaint.member_code}</span>
                      </td>
                      <td>
                        <ComplaintStateBadge complaint={complaint} />
                      </td>
                      <td>
                        <Instant value={complaint.deadline_at} />
                      </td>
                      <td>{complaint.owner_name ?? t('complaints.unassigned')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}

export function StaffQueuePage() {
  return (
    <RequireRole roles={staffAccess.complaints}>
      <Queue />
    </RequireRole>
  );
}
