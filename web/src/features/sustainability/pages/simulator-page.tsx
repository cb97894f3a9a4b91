import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { mayOpen, staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePlans } from '../api';
import { RunForm } from '../components/run-form';
import { RunStatusBadge } from '../components/run-view';
import { formatCount, scenarioTitle } from '../figures';
import { useRuns, useScenarios, type RunListEntry } from '../simulation-api';

/** The runs, newest first; two finished ones can be picked for the side-by-side comparison. */
function Runs() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const runs = useRuns();
  const [picked, setPicked] = useState<readonly string[]>([]);
  const toggle = (id: string, on: boolean) => setPicked((current) => (on ? [...current.filter((entry) => entry !== id), id].slice(-2) : current.filter((entry) => entry !== id)));
  return (
    <section aria-labelledby="simulator-runs-title">
      <h2 id="simulator-runs-title">{t('sustainability.runs.title')}</h2>
      <QueryState query={runs}>
        {({ runs: list }) =>
          list.length === 0 ? (
            <p data-testid="no-runs">{t('sustainability.runs.none')}</p>
          ) : (
            <>
              <p className="muted">{t('sustainability.runs.pickTwo')}</p>
              <div className="table-wrap">
                <table className="sustainability-runs">
                  <thead>
                    <tr>
                      <th scope="col">{t('sustainability.runs.compare')}</th>
                      <th scope="col">{t('sustainability.runs.run')}</th>
                      <th scope="col">{t('sustainability.form.scenario')}</th>
                      <th scope="col">{t('sustainability.form.members')}</th>
                      <th scope="col">{t('sustainability.runs.status')}</th>
                      <th scope="col" className="number">
                        {t('sustainability.runs.paths')}
                      </th>
                      <th scope="col">{t('sustainability.run.asked')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((run: RunListEntry) => (
                      <tr key={run.id} data-run={run.id}>
                        <td>
                          <input
                            type="checkbox"
                            className="sustainability-pick"
                            disabled={run.status !== 'done'}
                            checked={picked.includes(run.id)}
                            onChange={(event) => toggle(run.id, event.target.checked)}
                            aria-label={t('sustainability.runs.pick', { id: run.id })}
                          />
                        </td>
                        <th scope="row">
                          <Link to={`/staff/sustainability/simulations/${run.id}`}>{t('sustainability.runs.runNumber', { id: run.id })}</Link>
                        </th>
                        <td>{scenarioTitle(t, run.scenario_name)}</td>
                        <td>{run.plan_id ?? t('sustainability.form.scenarioMembers')}</td>
                        <td>
                          <RunStatusBadge status={run.status} />
                        </td>
                        <td className="number">
                          {formatCount(run.paths_done, language)} / {formatCount(run.paths_total, language)}
                        </td>
                        <td>
                          <Instant value={run.created_at} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <button
                  type="button"
                  className="button secondary"
                  disabled={picked.length !== 2}
                  onClick={() => void navigate(`/staff/sustainability/compare?a=${picked[0] ?? ''}&b=${picked[1] ?? ''}`)}
                >
                  {t('sustainability.runs.compareButton')}
                </button>
              </p>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function Simulator() {
  const { t } = useTranslation();
  const session = useSession();
  const mayRun = mayOpen(session.data, ['operator']);
  const scenarios = useScenarios();
  const plans = usePlans();
  return (
    <Page title={t('sustainability.simulator.title')}>
      <p>{t('sustainability.simulator.intro')}</p>
      <p>
        <Link to="/staff/sustainability">{t('sustainability.simulator.toMetrics')}</Link>
      </p>
      {mayRun ? (
        <QueryState query={scenarios}>{(data) => <QueryState query={plans}>{(planList) => <RunForm scenarios={data} plans={planList.plans} />}</QueryState>}</QueryState>
      ) : (
        <p className="muted">{t('sustainability.simulator.readOnly')}</p>
      )}
      <Runs />
    </Page>
  );
}

/** /staff/sustainability/simulator: start a run with what-ifs (operators), follow and compare runs. */
export function SimulatorPage() {
  return (
    <RequireRole roles={staffAccess.sustainability}>
      <Simulator />
    </RequireRole>
  );
}
