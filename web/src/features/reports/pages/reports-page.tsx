import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatDay, formatInstant } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { reportHref, usePlans, useStoredReports, useSupervisorReport, type ReportRequest } from '../api';
import { ReportView } from '../components/report-view';

/** The month before today's (UTC): the last finished one, which the background jobs store. */
function lastFinishedMonth(): string {
  const now = new Date();
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

interface Draft {
  kind: 'month' | 'range';
  month: string;
  from: string;
  to: string;
  plan_id: string;
}

function requestOf(draft: Draft): ReportRequest {
  return draft.kind === 'month' ? { kind: 'month', month: draft.month, plan_id: draft.plan_id } : { kind: 'range', from: draft.from, to: draft.to, plan_id: draft.plan_id };
}

function PeriodForm({ draft, onChange, onSubmit }: { draft: Draft; onChange: (draft: Draft) => void; onSubmit: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const backwards = draft.kind === 'range' && draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card" aria-labelledby="reports-form-title" onSubmit={submit}>
      <h2 id="reports-form-title">{t('reports.form.title')}</h2>
      <fieldset className="row">
        <legend>{t('reports.form.kind')}</legend>
        <label>
          <input type="radio" name="report-kind" value="month" checked={draft.kind === 'month'} onChange={() => onChange({ ...draft, kind: 'month' })} /> {t('reports.form.month')}
        </label>
        <label>
          <input type="radio" name="report-kind" value="range" checked={draft.kind === 'range'} onChange={() => onChange({ ...draft, kind: 'range' })} /> {t('reports.form.range')}
        </label>
      </fieldset>
      <div className="grid three">
        {draft.kind === 'month' ? (
          <div className="field">
            <label htmlFor="report-month">{t('reports.form.month')}</label>
            <input id="report-month" type="month" required value={draft.month} onChange={(event) => onChange({ ...draft, month: event.target.value })} />
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="report-from">{t('reports.form.from')}</label>
              <input id="report-from" type="date" required value={draft.from} onChange={(event) => onChange({ ...draft, from: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="report-to">{t('reports.form.to')}</label>
              <input
                id="report-to"
                type="date"
                required
                value={draft.to}
                aria-invalid={backwards}
                aria-describedby={backwards ? 'report-range-error' : 'report-range-hint'}
                onChange={(event) => onChange({ ...draft, to: event.target.value })}
              />
              {backwards ? (
                <span className="field-error" id="report-range-error">
                  {t('reports.form.backwards')}
                </span>
              ) : (
                <span className="muted" id="report-range-hint">
                  {t('reports.form.rangeHint')}
                </span>
              )}
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="report-plan">{t('reports.form.plan')}</label>
          <select id="report-plan" value={draft.plan_id} onChange={(event) => onChange({ ...draft, plan_id: event.target.value })}>
            <option value="">{t('reports.form.allPlans')}</option>
            {(plans.data?.plans ?? []).map((plan) => (
              <option key={plan.id} value={plan.id}>
                {language === 'en' ? plan.name_en : plan.name_zh}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button" disabled={backwards}>
        {t('reports.form.show')}
      </button>
    </form>
  );
}

function StoredMonths({ onPick }: { onPick: (month: string, plan_id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stored = useStoredReports();
  return (
    <section aria-labelledby="reports-stored" className="card">
      <h2 id="reports-stored">{t('reports.stored.title')}</h2>
      <p className="muted">{t('reports.stored.intro')}</p>
      <QueryState query={stored}>
        {(data) => {
          const months = data.reports.filter((row) => row.plan_id === null);
          return months.length === 0 ? (
            <p>{t('reports.stored.none')}</p>
          ) : (
            <ul className="row">
              {months.slice(0, 24).map((row) => (
                <li key={row.month}>
                  <button type="button" className="button secondary" onClick={() => onPick(row.month, '')} title={t('reports.stored.issued', { at: formatInstant(row.generated_at, language) })}>
                    {row.month}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

function Reports() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>({ kind: 'month', month: lastFinishedMonth(), from: '', to: '', plan_id: '' });
  const [request, setRequest] = useState<ReportRequest>(() => requestOf(draft));
  const reading = useSupervisorReport(request);
  return (
    <Page title={t('reports.title')}>
      <p>{t('reports.intro')}</p>
      <PeriodForm draft={draft} onChange={setDraft} onSubmit={() => setRequest(requestOf(draft))} />
      <StoredMonths
        onPick={(month, plan_id) => {
          const picked: Draft = { ...draft, kind: 'month', month, plan_id };
          setDraft(picked);
          setRequest(requestOf(picked));
        }}
      />
      <section aria-labelledby="report-title" aria-live="polite">
        <QueryState query={reading}>
          {(data) => (
            <>
              <div className="spread">
                <h2 id="report-title">{t('reports.heading', { from: formatDay(data.report.period.from, language), to: formatDay(data.report.period.to, language) })}</h2>
                <div className="row">
                  <a className="button" href={reportHref(request, 'csv')} download>
                    {t('reports.downloadCsv')}
                  </a>
                  <a className="button secondary" href={reportHref(request, 'html', language)} target="_blank" rel="noopener">
                    {t('reports.printable')}
                  </a>
                </div>
              </div>
              <p className="muted" id="report-source">
                {data.stored_at === null ? t('reports.computedNow', { at: formatInstant(data.report.generated_at, language) }) : t('reports.asIssued', { at: formatInstant(data.stored_at, language) })}
                {' · '}
                {data.report.plan_id === null ? t('reports.form.allPlans') : data.report.plan_id}
              </p>
              <ReportView report={data.report} />
            </>
          )}
        </QueryState>
      </section>
    </Page>
  );
}

/** /staff/reports: the supervisor report of a month or a period, its tables, its CSV and its printable page. */
export function ReportsPage() {
  return (
    <RequireRole roles={staffAccess.reports}>
      <Reports />
    </RequireRole>
  );
}
