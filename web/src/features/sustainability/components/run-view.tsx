import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant, Money } from '../../../shared/ui/money';
import { formatCount, scenarioTitle } from '../figures';
import { fanCharts } from '../run-charts';
import type { Run, RunSummary } from '../simulation-api';
import { ChartFigure } from '../../../shared/ui/chart-figure';

const statusTone: Record<Run['status'], string> = { queued: 'warn', running: 'warn', done: '', failed: 'bad' };

export function RunStatusBadge({ status }: { status: Run['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${statusTone[status]}`} data-testid="run-status">
      {t(`sustainability.run.status.${status}`)}
    </span>
  );
}

/** A probability over the paths (0 to 1) as a percentage. */
export function formatProbability(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** The paths done out of all, as a progress bar a screen reader announces with its numbers. */
export function RunProgress({ run }: { run: Run }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = t('sustainability.run.progressLabel', { done: formatCount(run.paths_done, language), total: formatCount(run.paths_total, language) });
  return (
    <div className="sustainability-progress" aria-live="polite">
      <p>
        <RunStatusBadge status={run.status} /> <span data-testid="run-paths">{label}</span>
      </p>
      <progress max={run.paths_total} value={run.paths_done} aria-label={t('sustainability.run.progressName', { done: run.paths_done, total: run.paths_total })} />
    </div>
  );
}

export function RunError({ run }: { run: Run }) {
  const { t } = useTranslation();
  if (run.error === null) return null;
  return (
    <div className="alert error" role="alert">
      <p>
        <strong>{t('sustainability.run.failed')}</strong> <code>{run.error.code}</code>
      </p>
      <p>{errorMessage(t, new ApiError(422, run.error.code, run.error.message, {}))}</p>
      <p className="muted" lang="en">
        {run.error.message}
      </p>
    </div>
  );
}

/** What the run was asked: its scenario, members, what-ifs and options. */
export function RunFacts({ run }: { run: Run }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const request = run.request;
  const overrides = Object.keys(request.overrides);
  return (
    <dl className="facts sustainability-facts">
      <div>
        <dt>{t('sustainability.form.scenario')}</dt>
        <dd>{scenarioTitle(t, request.scenario)}</dd>
      </div>
      <div>
        <dt>{t('sustainability.form.members')}</dt>
        <dd>
          {request.plan_id === null ? t('sustainability.form.scenarioMembers') : request.plan_id} · {formatCount(request.initial_members, language)}
        </dd>
      </div>
      <div>
        <dt>{t('sustainability.run.whatIf')}</dt>
        <dd>{overrides.length === 0 ? t('sustainability.run.noWhatIf') : overrides.map((name) => t(`sustainability.run.override.${name}`)).join(t('staff.listSeparator'))}</dd>
      </div>
      <div>
        <dt>{t('sustainability.run.options')}</dt>
        <dd>{t('sustainability.run.optionsValue', { paths: formatCount(request.options.paths, language), periods: request.options.periods, seed: request.options.seed })}</dd>
      </div>
      <div>
        <dt>{t('sustainability.run.asked')}</dt>
        <dd>
          <Instant value={run.created_at} />
        </dd>
      </div>
      {run.public ? (
        <div>
          <dt>{t('sustainability.run.public')}</dt>
          <dd>{t('sustainability.run.publicYes')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The chances over the whole run, in words a reader can repeat. */
export function Probabilities({ run, summary }: { run: Run; summary: RunSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="sustainability-probabilities">
      <li data-testid="probability-cap">{t('sustainability.run.probabilityCap', { chance: formatProbability(summary.probability_cap_crossed_ever, language) })}</li>
      <li data-testid="probability-threshold">
        {t('sustainability.run.probabilityThreshold', { chance: formatProbability(summary.probability_fell_below_threshold, language), paths: formatCount(run.paths_total, language) })}
      </li>
    </ul>
  );
}

/** Per calendar year: P5–P50–P95 of the cost per member, and the middle path's other figures. */
export function YearTable({ run, summary }: { run: Run; summary: RunSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const currency = run.request.currency;
  return (
    <div className="table-wrap sustainability-table" tabIndex={0} role="region" aria-label={t('sustainability.run.years')}>
      <table>
        <caption className="sr-only">{t('sustainability.run.years')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sustainability.run.year')}</th>
            <th scope="col" className="number">
              {t('sustainability.run.costPerMember')}
            </th>
            <th scope="col" className="number">
              {t('sustainability.run.peopleHelped')}
            </th>
            <th scope="col" className="number">
              {t('sustainability.run.membersEnd')}
            </th>
            <th scope="col" className="number">
              {t('sustainability.run.backstop')}
            </th>
            <th scope="col" className="number">
              {t('sustainability.run.margin')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.years.map((year) => (
            <tr key={year.year}>
              <th scope="row">{year.year}</th>
              <td className="number">
                <Money minor={year.cost_per_member_minor.p50} currency={currency} />
                <span className="muted sustainability-range">
                  {' '}
                  (<Money minor={year.cost_per_member_minor.p5} currency={currency} />–<Money minor={year.cost_per_member_minor.p95} currency={currency} />)
                </span>
              </td>
              <td className="number">{formatCount(Math.round(year.people_helped.p50), language)}</td>
              <td className="number">{formatCount(Math.round(year.members_end.p50), language)}</td>
              <td className="number">
                <Money minor={year.backstop_minor.p50} currency={currency} />
              </td>
              <td className="number">
                <Money minor={year.operator_margin_minor.p50} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A finished run's fan charts, each with its table. */
export function FanCharts({ run, summary, only, axisMax }: { run: Run; summary: RunSummary; only?: ReadonlyArray<'share' | 'members' | 'backstop' | 'margin'>; axisMax?: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const charts = useMemo(
    () => fanCharts(run, summary, t, language).map((chart) => (axisMax === undefined ? chart : { ...chart, data: { ...chart.data, axisMax } })),
    [run, summary, t, language, axisMax],
  );
  return (
    <>
      {charts
        .filter((chart) => only === undefined || only.includes(chart.key))
        .map((chart) => (
          <ChartFigure className="sustainability-figure" key={chart.key} title={chart.title} data={chart.data} note={t('sustainability.run.fanNote')} />
        ))}
    </>
  );
}
