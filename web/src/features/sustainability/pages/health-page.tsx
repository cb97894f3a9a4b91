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
import type { ChartData } from '../../../shared/ui/chart-data';
import { AlertList } from '../components/alert-list';
import { ChartFigure } from '../../../shared/ui/chart-figure';
import { axisMoneyFormatter, direction, formatChangeBps, formatCount, formatShareBps, moneyFormatter } from '../figures';
import { useForecast, type Forecast } from '../simulation-api';

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
      <ChartFigure className="sustainability-figure" title={t('sustainability.health.shareChart')} data={data} />
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
      <ChartFigure className="sustainability-figure" title={t('sustainability.health.membersChart')} data={data} />
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
      <ChartFigure className="sustainability-figure" title={t('sustainability.health.agesChart')} data={data} />
    </section>
  );
}

/** Next year's band of the share per member, from the run the operator published; a table, not a chart: three figures. */
function ForecastBand({ forecast, currency }: { forecast: NonNullable<Forecast['forecast']>; currency: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = (minor: string) => formatMoney(minor, currency, language);
  const band = forecast.share_per_member_minor;
  // The band drawn on a scale from nothing to a little past P95: the shaded part is where 9 of 10 paths end.
  const scale = Math.max(1, Number(band.p95)) * 1.1;
  const at = (minor: string) => `${(Number(minor) / scale) * 100}%`;
  return (
    <>
      <p className="sustainability-plain" data-testid="health-forecast-sentence">
        {t('sustainability.health.forecastSentence', { year: forecast.year, p5: money(band.p5), p50: money(band.p50), p95: money(band.p95) })}
      </p>
      <div className="sustainability-band" aria-hidden="true">
        <span className="sustainability-band-range" style={{ left: at(band.p5), width: `calc(${at(band.p95)} - ${at(band.p5)})` }} />
        <span className="sustainability-band-middle" style={{ left: at(band.p50) }} />
      </div>
      <div className="table-wrap">
        <table className="sustainability-forecast" data-testid="health-forecast">
          <caption>{t('sustainability.health.forecastTable', { year: forecast.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sustainability.health.forecastLow')}</th>
              <th scope="col">{t('sustainability.health.forecastMiddle')}</th>
              <th scope="col">{t('sustainability.health.forecastHigh')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{money(band.p5)}</td>
              <td>
                <strong>{money(band.p50)}</strong>
              </td>
              <td>{money(band.p95)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">{t('sustainability.health.forecastNote', { paths: formatCount(forecast.paths, language) })}</p>
    </>
  );
}

function ForecastSection({ plan_id, currency }: { plan_id: string; currency: string }) {
  const { t } = useTranslation();
  const forecast = useForecast(plan_id);
  return (
    <section aria-labelledby="health-forecast" className="sustainability-health-section">
      <h2 id="health-forecast">{t('sustainability.health.forecast')}</h2>
      <QueryState query={forecast}>
        {(data) =>
          data.forecast === null ? (
            <p data-testid="health-no-forecast">{t('sustainability.health.noForecast')}</p>
          ) : (
            <ForecastBand forecast={data.forecast} currency={data.currency || currency} />
          )
        }
      </QueryState>
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
          <ForecastSection plan_id={health.plan_id} currency={health.currency} />
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
