import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlan } from '../api';
import { planName } from '../components/plan-name';
import { RulesDiff } from '../components/rules-diff';
import { compareRules } from '../rule-form';

function History({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = usePlan(plan_id);
  return (
    <QueryState query={plan}>
      {({ plan: data }) => {
        const versions = [...data.versions].reverse();
        return (
          <Page
            title={t('operator.history.title', { plan: planName(data, language) })}
            actions={
              <Link className="button" to={`/staff/plans/${plan_id}/versions/new`}>
                {t('operator.plans.announce')}
              </Link>
            }
          >
            <p>
              <span className={data.status === 'open' ? 'badge' : 'badge warn'}>{t(`operator.plans.statusName.${data.status}`)}</span>{' '}
              {t('operator.history.inForce', { version: data.current_version.version })}
            </p>
            <ol className="operator-history" aria-label={t('operator.history.list')}>
              {versions.map((version) => {
                const previous = data.versions.find((entry) => entry.version === version.version - 1);
                const changes = previous === undefined ? [] : compareRules(previous.rules, version.rules, t, language).filter((line) => line.changed);
                const state =
                  version.version === data.current_version.version ? 'inForce' : version.effective_at > new Date().toISOString() ? 'announced' : 'past';
                return (
                  <li key={version.version} className="card" data-testid={`operator-version-${version.version}`}>
                    <h2>
                      {t('operator.plans.version', { version: version.version })} <span className={state === 'past' ? 'badge warn' : 'badge'}>{t(`operator.history.state.${state}`)}</span>
                    </h2>
                    <p>
                      {t('operator.history.effective')} <Day value={version.effective_at} /> · {t('operator.history.announced')} <Instant value={version.created_at} />
                    </p>
                    <p>{version.note}</p>
                    {changes.length === 0 ? null : (
                      <ul>
                        {changes.map((line) => (
                          <li key={line.path}>{t('operator.history.change', { rule: line.label, before: line.before, after: line.after })}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
            {data.next_version === null ? null : (
              <RulesDiff
                lines={compareRules(data.current_version.rules, data.versions.find((entry) => entry.version === data.next_version?.version)!.rules, t, language)}
                beforeTitle={t('operator.diff.inForce', { version: data.current_version.version })}
                afterTitle={t('operator.diff.announced', { version: data.next_version.version })}
              />
            )}
          </Page>
        );
      }}
    </QueryState>
  );
}

export function PlanHistoryPage() {
  const { plan_id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.plans}>
      <History plan_id={plan_id} />
    </RequireRole>
  );
}
