import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { nextDayOfMonth, todayInPlanZone } from '../../../shared/format/schedule';
import { useLanguage } from '../../../shared/i18n/i18n';
import { CaseCard } from '../../../shared/ui/case-card';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useLastCycle, usePlanCases, usePlans, type Plan } from '../api';
import { ObjectCase } from '../components/object-case';
import { estimateShare } from '../estimate';

const inNotice = new Set(['in_notice', 'objected']);

function PlanNotice({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cases = usePlanCases(plan.id);
  const lastCycle = useLastCycle(plan.id);
  const rules = plan.current_version.rules;
  const today = todayInPlanZone();
  const nextNotice = nextDayOfMonth(rules.schedule.notice_days_of_month, today);
  const nextCollection = nextDayOfMonth(rules.schedule.collection_days_of_month, nextNotice ?? today);
  const name = language === 'en' ? plan.name_en : plan.name_zh;
  const headingId = `notice-${plan.id}`;
  return (
    <section className="plan-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <QueryState query={cases}>
        {({ cases: list }) => {
          const noticed = list.filter((card) => inNotice.has(card.state));
          const approved = list.filter((card) => card.state === 'approved');
          // The next snapshot is taken at 00:00 UTC of the notice day: a notice ending before it is shared then.
          const snapshot = nextNotice === undefined ? undefined : `${nextNotice}T00:00:00.000Z`;
          const expected = [...approved, ...noticed.filter((card) => card.state === 'in_notice' && card.notice_ends_at !== null && snapshot !== undefined && card.notice_ends_at <= snapshot)];
          const cycle = lastCycle.data ?? null;
          const estimate =
            cycle === null
              ? undefined
              : estimateShare({ aid_minor: expected.map((card) => card.aid_minor), fee_bps: rules.fee_bps, weight_total: cycle.weight_total, member_count: cycle.member_count, per_case_cap_minor: rules.caps.per_case_minor });
          return (
            <>
              <div className="card">
                <h3>{t('notices.nextCycle')}</h3>
                <dl className="facts">
                  <div>
                    <dt>{t('notices.shareDay')}</dt>
                    <dd>{nextNotice === undefined ? '—' : <Day value={nextNotice} />}</dd>
                  </div>
                  <div>
                    <dt>{t('notices.collectionDay')}</dt>
                    <dd>{nextCollection === undefined ? '—' : <Day value={nextCollection} />}</dd>
                  </div>
                  <div>
                    <dt>{t('notices.expectedCases')}</dt>
                    <dd>{t('notices.casesCount', { count: expected.length })}</dd>
                  </div>
                  <div>
                    <dt>{t('notices.expectedAid')}</dt>
                    <dd>
                      <Money minor={expected.reduce((sum, card) => sum + BigInt(card.aid_minor), 0n)} currency={plan.currency} />
                    </dd>
                  </div>
                  {estimate === undefined || expected.length === 0 ? null : (
                    <div>
                      <dt>{t('notices.estimatedShare')}</dt>
                      <dd>
                        <strong className="stat-inline">
                          <Money minor={estimate.share_minor} currency={plan.currency} />
                        </strong>
                      </dd>
                    </div>
                  )}
                </dl>
                {estimate === undefined || expected.length === 0 ? (
                  <p className="muted">{expected.length === 0 ? t('notices.nothingToShare') : t('notices.noEstimate')}</p>
                ) : (
                  <p className="muted">
                    {t('notices.estimateHow', { members: formatNumber(cycle?.member_count ?? 0, language) })}{' '}
                    {estimate.capped ? (
                      <>
                        {t('notices.estimateCapped')} <Money minor={estimate.allocated_minor} currency={plan.currency} />
                        {t('notices.estimateCappedEnd')}
                      </>
                    ) : null}
                  </p>
                )}
                {cycle === null ? null : (
                  <p>
                    <Link className="more-link" to={`/cycles/${cycle.cycle_id}`}>{t('notices.lastReport')}</Link>
                  </p>
                )}
              </div>
              <h3>{t('notices.inNotice', { count: noticed.length })}</h3>
              {noticed.length === 0 ? <p className="muted">{t('notices.noneInNotice')}</p> : null}
              <div className="grid two tight">
                {noticed.map((card) => (
                  <CaseCard key={card.case_number} card={card} heading="h4">
                    <p className="muted">{card.notice_ends_at === null ? null : <>{t('notices.objectUntil')} <Day value={card.notice_ends_at} /></>}</p>
                    <ObjectCase case_number={card.case_number} plan_id={plan.id} />
                  </CaseCard>
                ))}
              </div>
              {approved.length === 0 ? null : (
                <>
                  <h3>{t('notices.approved', { count: approved.length })}</h3>
                  <div className="grid two tight">
                    {approved.map((card) => (
                      <CaseCard key={card.case_number} card={card} heading="h4" />
                    ))}
                  </div>
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The sharing notice (公示): what the next cycle will share, and the cases anyone may object to. */
export function NoticesPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <Page title={t('notices.title')}>
      <p>{t('notices.intro')}</p>
      <QueryState query={plans}>{({ plans: list }) => list.map((plan) => <PlanNotice key={plan.id} plan={plan} />)}</QueryState>
      <p>
        <Link className="more-link" to="/cycles">{t('notices.allReports')}</Link>
      </p>
    </Page>
  );
}
