import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { CsvLink } from '../../../shared/ui/csv-link';
import { Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { usePayouts, type Payout, type PayoutStatus } from '../api';
import { useMayAct } from '../components/may-act';
import { PlanSelect } from '../components/plan-select';
import { mayRequeue, RequeueButton } from '../components/requeue-button';

const statuses: readonly PayoutStatus[] = ['due', 'in_flight', 'paid', 'failed'];
const statusTone: Record<PayoutStatus, string> = { due: 'warn', in_flight: 'warn', paid: '', failed: 'bad' };

function Attempts({ payout }: { payout: Payout }) {
  const { t } = useTranslation();
  if (payout.attempt_history.length === 0) return <span className="muted">{t('staffCycles.payouts.noAttempts')}</span>;
  return (
    <details className="staff-cycles-attempts">
      <summary>{t('staffCycles.payouts.attemptsOf', { done: payout.attempts, limit: payout.attempt_limit })}</summary>
      <ol>
        {payout.attempt_history.map((attempt) => (
          <li key={attempt.attempt}>
            <Instant value={attempt.created_at} />: {t(`staffCycles.attemptStatus.${attempt.status}`)}
            {attempt.failure_reason === null ? null : (
              <>
                {' '}
                (<code>{attempt.failure_reason}</code>)
              </>
            )}
            {attempt.settled_at === null ? null : (
              <span className="muted">
                {' '}
                · {t('staffCycles.payouts.settled')} <Instant value={attempt.settled_at} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

function PayoutRows({ plan_id, status }: { plan_id: string; status: string }) {
  const { t } = useTranslation();
  const mayAct = useMayAct();
  const payouts = usePayouts(plan_id, status);
  if (payouts.isPending) return <Loading />;
  if (payouts.isError) return <ErrorState error={payouts.error} onRetry={() => void payouts.refetch()} />;
  const rows = payouts.data.pages.flatMap((page) => page.payouts);
  if (rows.length === 0) return <p className="muted">{t('staffCycles.payouts.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{t('staffCycles.payouts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffCycles.payouts.id')}</th>
              <th scope="col">{t('staffCycles.caseNumber')}</th>
              <th scope="col">{t('staffCycles.cycle')}</th>
              <th scope="col">{t('staffCycles.payouts.amount')}</th>
              <th scope="col">{t('staffCycles.status')}</th>
              <th scope="col">{t('staffCycles.payouts.attempts')}</th>
              {mayAct ? <th scope="col">{t('staffCycles.payouts.action')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((payout) => (
              <tr key={payout.id} data-payout={payout.id}>
                <th scope="row">{payout.id}</th>
                <td>
                  <Link to={`/cases/${encodeURIComponent(payout.case_number)}`}>{payout.case_number}</Link>
                </td>
                <td>
                  <Link to={`/staff/cycles/${encodeURIComponent(payout.cycle_code)}`}>{payout.cycle_code}</Link>
                </td>
                <td className="number">
                  <Money minor={payout.amount_minor} currency={payout.currency} />
                </td>
                <td>
                  <span className={`badge staff-cycles-badge ${statusTone[payout.status]}`} data-testid="payout-status">
                    {t(`staffCycles.payoutStatus.${payout.status}`)}
                  </span>
                  {payout.next_attempt_at === null ? null : (
                    <div className="muted">
                      {t('staffCycles.payouts.next')}: <Instant value={payout.next_attempt_at} />
                    </div>
                  )}
                </td>
                <td>
                  <Attempts payout={payout} />
                </td>
                {mayAct ? <td>{mayRequeue(payout) || payout.status === 'in_flight' ? <RequeueButton payout={payout} /> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {payouts.hasNextPage ? (
        <button type="button" className="button secondary" disabled={payouts.isFetchingNextPage} onClick={() => void payouts.fetchNextPage()}>
          {t('staffCycles.more')}
        </button>
      ) : null}
    </>
  );
}

function PayoutsContent() {
  const { t } = useTranslation();
  const statusId = useId();
  const [plan_id, setPlan] = useState('');
  const [status, setStatus] = useState('');
  return (
    <Page title={t('staffCycles.payouts.title')} actions={<CsvLink table="payouts" />}>
      <p>{t('staffCycles.payouts.intro')}</p>
      <p>
        <Link to="/staff/payouts/advances">{t('staffCycles.advances.link')}</Link>
      </p>
      <div className="staff-cycles-filter">
        <PlanSelect label={t('staffCycles.filterPlan')} anyLabel={t('staffCycles.allPlans')} value={plan_id} onChange={setPlan} />
        <div className="field">
          <label htmlFor={statusId}>{t('staffCycles.payouts.filterStatus')}</label>
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('staffCycles.payouts.anyStatus')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`staffCycles.payoutStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PayoutRows plan_id={plan_id} status={status} />
    </Page>
  );
}

export function StaffPayoutsPage() {
  return (
    <RequireRole roles={staffAccess.payouts}>
      <PayoutsContent />
    </RequireRole>
  );
}
