import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { nextDayOfMonth, todayInPlanZone } from '../../../shared/format/schedule';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlanClosure } from '../../../shared/api/plan-closure';
import { usePlan, type PlanWithHistory } from '../api';
import { RuleSections } from '../components/rule-sections';
import { ruleChanges, ruleSections } from '../rules';
import { planTakesMembers } from '../../../shared/members/join-rules';

function VersionHistory({ plan }: { plan: PlanWithHistory }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = new Date().toISOString();
  const newestFirst = [...plan.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="plan-history">
      <h2 id="plan-history">{t('plans.history')}</h2>
      <ol className="timeline">
        {newestFirst.map((version) => {
          const previous = plan.versions.find((entry) => entry.version === version.version - 1);
          const changes = previous === undefined ? [] : ruleChanges(previous.rules, version.rules, t, language);
          const upcoming = version.effective_at > now;
          const current = version.version === plan.current_version.version;
          return (
            <li key={version.version}>
              <h3>
                {t('plans.version', { version: version.version })}{' '}
                {current ? <span className="badge">{t('plans.inForce')}</span> : null}
                {upcoming ? <span className="badge warn">{t('plans.announced')}</span> : null}
              </h3>
              <p className="muted">
                {t('plans.effective')} <Instant value={version.effective_at} />
              </p>
              {version.note === '' ? null : <p>{version.note}</p>}
              {previous === undefined ? (
                <p>{t('plans.firstRules')}</p>
              ) : changes.length === 0 ? (
                <p>{t('plans.noChanges')}</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <caption>{t('plans.changesFrom', { version: previous.version })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('plans.rule')}</th>
                        <th scope="col">{t('plans.before')}</th>
                        <th scope="col">{t('plans.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((change) => (
                        <tr key={change.key}>
                          <th scope="row">{change.label}</th>
                          <td>{change.before ?? <span className="muted">{t('plans.added')}</span>}</td>
                          <td>{change.after ?? <span className="muted">{t('plans.removed')}</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A plan with a closure announced: a notice with its date and a link to the closure's status and report. */
function ClosingNotice({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const closure = usePlanClosure(plan_id);
  if (closure.data === undefined || closure.data === null) return null;
  const finalised = closure.data.step === 'finalised';
  return (
    <div className="alert warning" data-testid="plan-closing-notice">
      <p>
        <strong>{finalised ? t('plans.closure.closed') : t('plans.closure.closing')}</strong> {t('plans.closure.date')} <Day value={closure.data.closure_date} />
      </p>
      <p>{t('plans.closure.explained')}</p>
      <p>
        {/* The closure feature's public page, linked by its path (features never import each other). */}
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan_id)}/closure`} data-testid="plan-closure-link">
          {t('plans.closure.link')}
        </Link>
      </p>
    </div>
  );
}

function PlanDetail({ plan }: { plan: PlanWithHistory }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = language === 'en' ? plan.name_en : plan.name_zh;
  const rules = plan.current_version.rules;
  const today = todayInPlanZone();
  const notice = nextDayOfMonth(rules.schedule.notice_days_of_month, today);
  const collection = nextDayOfMonth(rules.schedule.collection_days_of_month, today);
  return (
    <Page
      title={name}
      actions={
        planTakesMembers(plan) ? (
          <Link className="button" to={`/join/${plan.id}`}>
            {t('plans.joinThis')}
          </Link>
        ) : (
          <span className="badge bad">{plan.closure_date === null ? t('plans.closed') : t('plans.closing')}</span>
        )
      }
    >
      <ClosingNotice plan_id={plan.id} />
      <p>
        {t('plans.summary', { version: plan.current_version.version })} <span className={`badge ${rules.funding.model === 'prepaid' ? 'warn' : ''}`}>{t(`plans.model.${rules.funding.model}`)}</span>
      </p>
      <p>{t(`plans.modelExplained.${rules.funding.model}`)}</p>
      {plan.next_version === null ? null : (
        <div className="alert warning">
          <p>
            {t('plans.nextVersion', { version: plan.next_version.version })} <Instant value={plan.next_version.effective_at} />
          </p>
          {plan.next_version.note === '' ? null : <p>{plan.next_version.note}</p>}
        </div>
      )}
      <div className="alert info">
        <p>
          {t('plans.nextNotice')} {notice === undefined ? '—' : <Day value={notice} />} · {t('plans.nextCollection')} {collection === undefined ? '—' : <Day value={collection} />}
        </p>
      </div>
      <p>
        {/* The sustainability feature's public page, linked by its path (features never import each other). */}
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan.id)}/health`} data-testid="plan-health-link">
          {t('plans.health')}
        </Link>
        {' · '}
        {/* The governance feature's public page of closed member votes, linked by its path. */}
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan.id)}/proposals`} data-testid="plan-votes-link">
          {t('plans.votes')}
        </Link>
      </p>
      <h2>{t('plans.rulesInForce')}</h2>
      <div className="grid two rule-grid">
        <RuleSections sections={ruleSections(rules, t, language)} heading="h3" />
      </div>
      <VersionHistory plan={plan} />
      <p>
        <Link className="more-link" to="/plans">{t('plans.allPlans')}</Link>
      </p>
    </Page>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const { plan_id = '' } = useParams();
  const plan = usePlan(plan_id);
  if (plan.isSuccess) return <PlanDetail plan={plan.data} />;
  // Loading, or the error with a retry (an unknown plan: PLAN_NOT_FOUND), under the page's heading.
  return (
    <Page title={t('plans.title')}>
      <QueryState query={plan}>{() => null}</QueryState>
    </Page>
  );
}
