import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDay } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlanHealth, type PlanHealth } from '../api';
import type { ChartData } from '../chart-data';
import { AlertList } from '../components/alert-list';
import { ChartFigure } from '../components/chart-figure';
import { axisMoneyFormatter, direction, formatChangeBps, formatCount, formatShareBps, moneyFormatter } from '../figures';

/** "25% more than the 12 months before", or that the plan is too young to compare. */
function useChangeSentence(): (bps: number | null, kind: 'share' | 'members') => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (bps, kind) => {
    const size = bps === null ? '' : formatChangeBps(Math.abs(bps), language).replace(/^\+/, '');
    return t(`sustainability.health.${kind}Change.${direction(bps)}`, { change: size });
  };
}

function ShareSection({ health }: { health: PlanHealth }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeSentence = useChangeSentence();
  const data = useMemo<ChartData>(
    () => ({
      kind: 'bar',
      categoryLabel: t('sustainability.cycle'),
      categories: health.share_trend.map((point) => formatDay(point.snapshot_at, language)),
      format: moneyFormatter(health.currency, language),
      axisFormat: axisMoneyFormatter(health.currency, language),
      series: [
        { name: t('sustainability.sharePerMember'), values: health.share_trend.map((point) => Number(point.share_per_member_minor)) },
        { name: t('sustainability.health.yearSoFar'), values: health.share_trend.map((point) => Number(point.yearly_share_minor)), kind: 'line' },
      ],
    }),
    [health, t, language],
  );
  return (
    <section aria-labelledby="health-share" className="sustainability-health-section">
      <h2 id="health-share">{t('sustainability.health.share')}</h2>
      <p className="sustainability-plain" data-testid="health-share-sentence">
        {t('sustainability.health.twoSentences', {
          first:
            health.yearly_share_minor === null
              ? t('sustainability.health.noShare')
              : t('sustainability.health.shareSentence', { amount: formatMoney(health.yearly_share_minor, health.currency, language) }),
          second: changeSentence(health.yearly_share_change_bps, 'share'),
        })}
      </p>
      <ChartFigure title={t('sustainability.health.shareChart')} data={data} />
    </section>
  );
}

function MembersSection({ health }: { health: PlanHealth }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeSentence = useChangeSentence();
  const data = useMemo<ChartData>(
    () => ({
      kind: 'line',
      categoryLabel: t('sustainability.cycle'),
      categories: health.membership_trend.map((point) => formatDay(point.snapshot_at, language)),
      format: (value) => formatCount(Math.round(value), language),
      series: [
        { name: t('sustainability.membersCovered'), values: health.membership_trend.map((point) => Number(point.members_covered)) },
        { name: t('sustainability.joins'), values: health.membership_trend.map((point) => Number(point.joins)), tableOnly: true },
        { name: t('sustainability.exits'), values: health.membership_trend.map((point) => Number(point.exits)), tableOnly: true },
      ],
    }),
    [health, t, language],
  );
  return (
    <section aria-labelledby="health-members" className="sustainability-health-section">
      <h2 id="health-members">{t('sustainability.health.members')}</h2>
      <p className="sustainability-plain">
        {t('sustainability.health.twoSentences', {
          first: health.members_covered === null ? t('sustainability.health.noMembers') : t('sustainability.health.membersSentence', { members: formatCount(health.members_covered, language) }),
          second: changeSentence(health.members_change_bps, 'members'),
        })}
      </p>
      <ChartFigure title={t('sustainability.health.membersChart')} data={data} />
    </section>
  );
}

function AgeSection({ health }: { health: PlanHealth }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = useMemo<ChartData>(
    () => ({
      kind: 'bar',
      categoryLabel: t('sustainability.ageBand'),
      categories: health.age_mix.map((band) => t('sustainability.ageBandLabel', { band: band.band })),
      format: (value) => formatShareBps(value, language),
      axisAtLeast: 1000,
      series: [
        { name: t('sustainability.health.partOfMembers'), values: health.age_mix.map((band) => band.share_bps) },
        { name: t('sustainability.membersCovered'), values: health.age_mix.map((band) => Number(band.members)), tableOnly: true, format: (value) => formatCount(value, language) },
      ],
    }),
    [health, t, language],
  );
  const older = health.age_mix.filter((band) => band.band !== '0-29' && band.band !== '30-39').reduce((sum, band) => sum + (band.share_bps ?? 0), 0);
  return (
    <section aria-labelledby="health-ages" className="sustainability-health-section">
      <h2 id="health-ages">{t('sustainability.health.ages')}</h2>
      {health.age_mix.length === 0 ? null : <p className="sustainability-plain">{t('sustainability.health.agesSentence', { share: formatShareBps(older, language) })}</p>}
      <ChartFigure title={t('sustainability.health.agesChart')} data={data} />
    </section>
  );
}

function HealthView({ health }: { health: PlanHealth }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = language === 'en' ? health.name_en : health.name_zh;
  return (
    <Page title={t('sustainability.health.title', { plan: name })}>
      <p>{t('sustainability.health.intro')}</p>
      {health.as_of === null ? (
        <p className="card" data-testid="health-no-cycle">
          {t('sustainability.health.noCycle')}
        </p>
      ) : (
        <>
          <p className="muted">
            {t('sustainability.health.asOf')} <Day value={health.as_of} />
          </p>
          <section aria-labelledby="health-alerts" className="sustainability-health-section">
            <h2 id="health-alerts">{t('sustainability.health.alerts')}</h2>
            {health.alerts.length === 0 ? <p data-testid="health-no-alerts">{t('sustainability.health.noAlerts')}</p> : <AlertList alerts={health.alerts} />}
          </section>
          <ShareSection health={health} />
          <MembersSection health={health} />
          <AgeSection health={health} />
        </>
      )}
      <p className="sustainability-links">
        <Link className="more-link" to={`/plans/${encodeURIComponent(health.plan_id)}`}>
          {t('sustainability.health.planRules')}
        </Link>
        <Link className="more-link" to={`/cycles?plan=${encodeURIComponent(health.plan_id)}`}>
          {t('sustainability.health.cycleReports')}
        </Link>
      </p>
    </Page>
  );
}

/** /plans/:plan_id/health: the plan's health in plain words, for anyone. */
export function HealthPage() {
  const { t } = useTranslation();
  const { plan_id = '' } = useParams();
  const health = usePlanHealth(plan_id);
  if (health.isSuccess) return <HealthView health={health.data.health} />;
  return (
    <Page title={t('sustainability.health.titleLoading')}>
      <QueryState query={health}>{() => null}</QueryState>
    </Page>
  );
}
