import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { ChartFigure } from '../../../shared/ui/chart-figure';
import { FanCharts, Probabilities, RunFacts } from '../components/run-view';
import { formatCount } from '../figures';
import { comparedMedians } from '../run-charts';
import { useRunPair, type Run, type RunSummary } from '../simulation-api';

type Finished = Run & { summary: RunSummary };

/** Year by year, the middle paths of both runs in one table: what changes between the two. */
function YearsCompared({ runs, names }: { runs: readonly [Finished, Finished]; names: readonly [string, string] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const years = [...new Set(runs.flatMap((run) => run.summary.years.map((year) => year.year)))].sort((a, b) => a - b);
  const yearOf = (run: Finished, year: number) => run.summary.years.find((entry) => entry.year === year);
  return (
    <div className="table-wrap sustainability-table" tabIndex={0} role="region" aria-label={t('sustainability.compare.years')}>
      <table>
        <caption className="sr-only">{t('sustainability.compare.years')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sustainability.run.year')}</th>
            {names.map((name) => (
              <th scope="col" className="number" key={`cost-${name}`}>
                {t('sustainability.compare.costOf', { run: name })}
              </th>
            ))}
            {names.map((name) => (
              <th scope="col" className="number" key={`members-${name}`}>
                {t('sustainability.compare.membersOf', { run: name })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {runs.map((run, index) => {
                const entry = yearOf(run, year);
                return (
                  <td className="number" key={`cost-${index}`}>
                    {entry === undefined ? '—' : <Money minor={entry.cost_per_member_minor.p50} currency={run.request.currency} />}
                  </td>
                );
              })}
              {runs.map((run, index) => {
                const entry = yearOf(run, year);
                return (
                  <td className="number" key={`members-${index}`}>
                    {entry === undefined ? '—' : formatCount(Math.round(entry.members_end.p50), language)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({ runs }: { runs: readonly [Finished, Finished] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useMemo(() => [t('sustainability.runs.runNumber', { id: runs[0].id }), t('sustainability.runs.runNumber', { id: runs[1].id })] as const, [runs, t]);
  const share = useMemo(() => comparedMedians(runs, [runs[0].summary, runs[1].summary], names, 'share', t, language), [runs, names, t, language]);
  const members = useMemo(() => comparedMedians(runs, [runs[0].summary, runs[1].summary], names, 'members', t, language), [runs, names, t, language]);
  // One scale for both fans, rounded up to whole yuan, so the taller band is the higher share.
  const shareTop = useMemo(() => {
    const highest = Math.max(1, ...runs.flatMap((run) => run.summary.periods.map((period) => Number(period.share_per_member_minor.p95))));
    return Math.ceil(highest / 100) * 100;
  }, [runs]);
  return (
    <>
      <div className="grid two sustainability-compare" data-testid="compare-columns">
        {runs.map((run, index) => (
          <section className="card" key={run.id} aria-labelledby={`compare-run-${index}`}>
            <h2 id={`compare-run-${index}`}>
              <Link to={`/staff/sustainability/simulations/${run.id}`}>{names[index]}</Link>
            </h2>
            <RunFacts run={run} />
            <Probabilities run={run} summary={run.summary} />
            <FanCharts run={run} summary={run.summary} only={['share']} axisMax={shareTop} />
          </section>
        ))}
      </div>
      <section aria-labelledby="compare-together">
        <h2 id="compare-together">{t('sustainability.compare.together')}</h2>
        <YearsCompared runs={runs} names={names} />
        <ChartFigure className="sustainability-figure" title={t('sustainability.compare.shareMedian')} data={share} />
        <ChartFigure className="sustainability-figure" title={t('sustainability.compare.membersMedian')} data={members} />
      </section>
    </>
  );
}

function CompareView({ first, second }: { first: string; second: string }) {
  const { t } = useTranslation();
  const [a, b] = useRunPair(first, second);
  if (a === undefined || b === undefined) return null;
  const failed = [a, b].find((query) => query.isError);
  if (failed !== undefined) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (a.data === undefined || b.data === undefined) return <Loading />;
  if (a.data.summary === null || b.data.summary === null) return <p className="alert warning">{t('sustainability.compare.notDone')}</p>;
  return <Comparison runs={[a.data as Finished, b.data as Finished]} />;
}

function Compare() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const first = params.get('a') ?? '';
  const second = params.get('b') ?? '';
  return (
    <Page title={t('sustainability.compare.title')}>
      <p>
        <Link to="/staff/sustainability/simulator">{t('sustainability.run.back')}</Link>
      </p>
      {/^\d+$/.test(first) && /^\d+$/.test(second) ? <CompareView first={first} second={second} /> : <p>{t('sustainability.compare.pick')}</p>}
    </Page>
  );
}

/** /staff/sustainability/compare?a=&b=: two finished runs side by side. */
export function ComparePage() {
  return (
    <RequireRole roles={staffAccess.sustainability}>
      <Compare />
    </RequireRole>
  );
}
