import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, QueryState } from '../../../shared/ui/query-state';
import { usePlans, useSetPlanStatus, type Plan } from '../api';
import { planName } from '../components/plan-name';

/** Opening or closing a plan to joins asks once more, with what it does said in words. */
function StatusToggle({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const change = useSetPlanStatus();
  const next = plan.status === 'open' ? 'closed' : 'open';
  if (!confirming) {
    return (
      <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
        {t(next === 'closed' ? 'operator.plans.close' : 'operator.plans.open')}
      </button>
    );
  }
  return (
    <div className="operator-confirm" role="group" aria-label={t('operator.plans.confirmLabel', { plan: planName(plan, language) })}>
      <p>{t(next === 'closed' ? 'operator.plans.confirmClose' : 'operator.plans.confirmOpen', { plan: planName(plan, language) })}</p>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ plan_id: plan.id, status: next }, { onSuccess: () => setConfirming(false) })}
        >
          {t(next === 'closed' ? 'operator.plans.confirmCloseButton' : 'operator.plans.confirmOpenButton')}
        </button>
        <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
          {t('operator.common.cancel')}
        </button>
      </div>
      {change.isError ? <ErrorState error={change.error} /> : null}
    </div>
  );
}

function Plans() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  return (
    <Page
      title={t('operator.plans.title')}
      actions={
        <Link className="button" to="/staff/plans/new">
          {t('operator.plans.new')}
        </Link>
      }
    >
      <QueryState query={plans}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('operator.plans.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.plans.plan')}</th>
                  <th scope="col">{t('operator.plans.status')}</th>
                  <th scope="col">{t('operator.plans.inForce')}</th>
                  <th scope="col">{t('operator.plans.next')}</th>
                  <th scope="col">{t('operator.plans.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.plans.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link to={`/staff/plans/${plan.id}`}>{planName(plan, language)}</Link>
                      <div className="muted">{plan.id}</div>
                    </th>
                    <td>
                      <span className={plan.status === 'open' ? 'badge' : 'badge warn'}>{t(`operator.plans.statusName.${plan.status}`)}</span>
                    </td>
                    <td>
                      {t('operator.plans.version', { version: plan.current_version.version })} · <Day value={plan.current_version.effective_at} />
                    </td>
                    <td>
                      {plan.next_version === null ? (
                        '—'
                      ) : (
                        <>
                          {t('operator.plans.version', { version: plan.next_version.version })} · <Day value={plan.next_version.effective_at} />
                        </>
                      )}
                    </td>
                    <td>
                      <div className="row">
                        <Link className="button secondary" to={`/staff/plans/${plan.id}/versions/new`}>
                          {t('operator.plans.announce')}
                        </Link>
                        <StatusToggle plan={plan} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Page>
  );
}

export function PlansPage() {
  return (
    <RequireRole roles={staffAccess.plans}>
      <Plans />
    </RequireRole>
  );
}
