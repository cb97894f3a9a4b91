import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlans } from '../api';
import { ruleSections } from '../rules';
import { planTakesMembers } from '../../../shared/members/join-rules';

/** Every plan in a few plain words, with its details and the way to join. */
export function PlansPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  return (
    <Page title={t('plans.title')}>
      <p>{t('plans.intro')}</p>
      <QueryState query={plans}>
        {({ plans: list }) => (
          <div className="grid two tight">
            {list.map((plan) => {
              const rules = plan.current_version.rules;
              const name = language === 'en' ? plan.name_en : plan.name_zh;
              const aid = (ruleSections(rules, t, language).find((section) => section.id === 'aid')?.lines ?? []).filter((line) => line.key.startsWith('aid.band.'));
              return (
                <article className="card" key={plan.id} aria-labelledby={`plan-${plan.id}`}>
                  <h2 id={`plan-${plan.id}`}>{name}</h2>
                  <p>
                    <span className={`badge ${rules.funding.model === 'prepaid' ? 'warn' : ''}`}>{t(`plans.model.${rules.funding.model}`)}</span>{' '}
                    {plan.status === 'closed' ? <span className="badge bad">{t('plans.closed')}</span> : null}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t('plans.ages')}</dt>
                      <dd>{rules.join_age.min_years === 0 && rules.join_age.min_days > 0 ? t('plans.agesValueDays', { days: rules.join_age.min_days, max: rules.join_age.max_years }) : t('plans.agesValue', { min: rules.join_age.min_years, max: rules.join_age.max_years })}</dd>
                    </div>
                    <div>
                      <dt>{t('plans.aid')}</dt>
                      <dd>
                        {aid.map((line) => (
                          <span className="block" key={line.key}>
                            {line.label}: {line.value}
                          </span>
                        ))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('plans.covered')}</dt>
                      <dd>{t('plans.coveredValue', { count: rules.illnesses.length })}</dd>
                    </div>
                    <div>
                      <dt>{t('plans.waiting')}</dt>
                      <dd>{t('plans.waitingValue', { count: rules.waiting_days })}</dd>
                    </div>
                  </dl>
                  <div className="row">
                    <Link className="button secondary" to={`/plans/${plan.id}`} aria-label={t('plans.detailsOf', { plan: name })}>
                      {t('plans.details')}
                    </Link>
                    {planTakesMembers(plan) ? (
                      <Link className="button" to={`/join/${plan.id}`} aria-label={t('plans.joinPlan', { plan: name })}>
                        {t('plans.join')}
                      </Link>
                    ) : null}
                  </div>
                </article>
              );
            })}
          </div>
        )}
      </QueryState>
    </Page>
  );
}
