import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { FanCharts, Probabilities, RunError, RunFacts, RunProgress, YearTable } from '../components/run-view';
import { useRun } from '../simulation-api';

function RunDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useRun(id);
  return (
    <Page title={t('sustainability.run.title', { id })}>
      <p>
        <Link to="/staff/sustainability/simulator">{t('sustainability.run.back')}</Link>
      </p>
      <QueryState query={run}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="run-facts-title">
              <h2 id="run-facts-title">{t('sustainability.run.request')}</h2>
              <RunFacts run={data} />
              <RunProgress run={data} />
              <RunError run={data} />
            </section>
            {data.summary === null ? null : (
              <>
                <section aria-labelledby="run-chances-title">
                  <h2 id="run-chances-title">{t('sustainability.run.chances')}</h2>
                  <Probabilities run={data} summary={data.summary} />
                </section>
                <section aria-labelledby="run-years-title">
                  <h2 id="run-years-title">{t('sustainability.run.years')}</h2>
                  <YearTable run={data} summary={data.summary} />
                </section>
                <section aria-labelledby="run-fans-title" data-testid="run-result">
                  <h2 id="run-fans-title">{t('sustainability.run.fans')}</h2>
                  <FanCharts run={data} summary={data.summary} />
                </section>
              </>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RunRoute() {
  const { id = '' } = useParams();
  return <RunDetail key={id} id={id} />;
}

/** /staff/sustainability/simulations/:id: a run's live progress, then its fan charts and chances. */
export function RunPage() {
  return (
    <RequireRole roles={staffAccess.sustainability}>
      <RunRoute />
    </RequireRole>
  );
}
