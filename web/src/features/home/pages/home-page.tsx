import { useSession } from '../../../shared/auth/session';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { cycleDay, nextDayOfMonth, todayInPlanZone } from '../../../shared/format/schedule';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlans, useStatistics } from '../api';
import { planTakesMembers } from '../../../shared/members/join-rules';

type Plans = NonNullable<ReturnType<typeof usePlans>['data']>['plans'];
type Statistics = NonNullable<ReturnType<typeof useStatistics>['data']>;

/** The latest completed cycle of each plan (the statistics list each plan's cycles in order). */
function latestCycles(statistics: Statistics) {
  const latest = new Map<string, Statistics['per_cycle'][number]>();
  for (const cycle of statistics.per_cycle) latest.set(cycle.plan_id, cycle);
  return latest;
}

function largestAid(plan: Plans[number]): string {
  return plan.current_version.rules.aid_bands.reduce((largest, band) => (BigInt(band.aid_minor) > BigInt(largest) ? band.aid_minor : largest), '0');
}

function Figures({ plans, statistics }: { plans: Plans; statistics: Statistics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = latestCycles(statistics);
  const helped = [...latest.values()].reduce((sum, cycle) => sum + cycle.people_helped_to_date, 0);
  const covered = [...latest.values()].reduce((sum, cycle) => sum + cycle.members_covered, 0);
  return (
    <section aria-labelledby="home-figures">
      <h2 id="home-figures">{t('home.figures')}</h2>
      <div className="grid three tight">
        <div className="card">
          <p className="stat">{formatNumber(helped, language)}</p>
          <p className="stat-label">{t('home.peopleHelped')}</p>
        </div>
        <div className="card">
          <p className="stat">{formatNumber(covered, language)}</p>
          <p className="stat-label">{t('home.membersCovered')}</p>
        </div>
        <div className="card">
          <p className="stat-label">{t('home.latestShare')}</p>
          <ul className="plain-list">
            {plans.map((plan) => {
              const cycle = latest.get(plan.id);
              const day = cycle === undefined ? undefined : cycleDay(cycle.period);
              return (
                <li key={plan.id}>
                  <strong>{language === 'en' ? plan.name_en : plan.name_zh}</strong>:{' '}
                  {cycle === undefined ? (
                    t('home.noCycleYet')
                  ) : (
                    <>
                      <span className="stat-inline">
                        <Money minor={cycle.paid_share_per_member_minor} currency={plan.currency} />
                      </span>{' '}
                      {cycle.cases === 0 ? <span className="muted">{t('home.noCase')} </span> : null}
                      <Link to={`/cycles/${cycle.period}`}>
                        {t('home.cycleOf')} {day === undefined ? cycle.period : <Day value={day} />}
                      </Link>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}

function NextDates({ plans }: { plans: Plans }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = todayInPlanZone();
  return (
    <section aria-labelledby="home-next">
      <h2 id="home-next">{t('home.nextDates')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('home.plan')}</th>
              <th scope="col">{t('home.nextNotice')}</th>
              <th scope="col">{t('home.nextCollection')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => {
              const schedule = plan.current_version.rules.schedule;
              const notice = nextDayOfMonth(schedule.notice_days_of_month, today);
              const collection = nextDayOfMonth(schedule.collection_days_of_month, today);
              return (
                <tr key={plan.id}>
                  <th scope="row">{language === 'en' ? plan.name_en : plan.name_zh}</th>
                  <td>{notice === undefined ? '—' : <Day value={notice} />}</td>
                  <td>{collection === undefined ? '—' : <Day value={collection} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <Link className="more-link" to="/notices">{t('home.toNotice')}</Link>
      </p>
    </section>
  );
}

function PlanCards({ plans }: { plans: Plans }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="home-plans">
      <h2 id="home-plans">{t('home.plans')}</h2>
      <div className="grid two tight">
        {plans.map((plan) => {
          const rules = plan.current_version.rules;
          return (
            <article className="card" key={plan.id} aria-labelledby={`home-plan-${plan.id}`}>
              <h3 id={`home-plan-${plan.id}`}>{language === 'en' ? plan.name_en : plan.name_zh}</h3>
              <p>
                {t('home.aidUpTo')} <strong className="stat-inline"><Money minor={largestAid(plan)} currency={plan.currency} /></strong>
              </p>
              <p className="muted">
                {rules.join_age.min_years === 0 && rules.join_age.min_days > 0 ? t('home.joinAgesDays', { days: rules.join_age.min_days, max: rules.join_age.max_years }) : t('home.joinAges', { min: rules.join_age.min_years, max: rules.join_age.max_years })} · {t(`home.funding.${rules.funding.model}`)}
                {plan.closure_date !== null ? ` · ${t('home.closing')}` : plan.status === 'closed' ? ` · ${t('home.closed')}` : ''}
              </p>
              <div className="row">
                <Link className="button secondary" to={`/plans/${plan.id}`} aria-label={t('home.detailsOf', { plan: language === 'en' ? plan.name_en : plan.name_zh })}>
                  {t('home.details')}
                </Link>
                {planTakesMembers(plan) ? (
                  <Link className="button" to={`/join/${plan.id}`} aria-label={t('home.joinPlan', { plan: language === 'en' ? plan.name_en : plan.name_zh })}>
                    {t('home.join')}
                  </Link>
                ) : null}
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** A visitor's way in: make an account (then join a plan), or log in. */
function VisitorActions() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data !== null) return null;
  return (
    <p className="row">
      <Link className="button" to="/signup">
        {t('home.signUp')}
      </Link>
      <Link className="button secondary" to="/login">
        {t('home.logIn')}
      </Link>
    </p>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const statistics = useStatistics();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.intro')}</p>
      <VisitorActions />
      <QueryState query={plans}>
        {({ plans: list }) => (
          <>
            <QueryState query={statistics}>{(stats) => <Figures plans={list} statistics={stats} />}</QueryState>
            <NextDates plans={list} />
            <PlanCards plans={list} />
          </>
        )}
      </QueryState>
      <section aria-labelledby="home-open">
        <h2 id="home-open">{t('home.openBooks')}</h2>
        <p>{t('home.openBooksText')}</p>
        <ul className="link-list">
          <li>
            <Link to="/notices">{t('home.linkNotice')}</Link>
          </li>
          <li>
            <Link to="/cycles">{t('home.linkReports')}</Link>
          </li>
          <li>
            <Link to="/plans">{t('home.linkPlans')}</Link>
          </li>
          <li>
            <Link to="/verify/share">{t('home.linkVerify')}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
