import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { useLanguage } from '../../../shared/i18n/i18n';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { QueryState } from '../../../shared/ui/query-state';
import { useImportStatement, useLayouts, useStatementLines, useStatements, type ImportOutcome, type Statement } from '../api';
import { useKeyedAction } from './keyed-action';

/** The refusal's message, with the file's line when the server names one (1 is the header row). */
function uploadError(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  const message = errorMessage(t, error);
  const details = error instanceof ApiError ? (error.details as { line?: unknown } | null) : null;
  return typeof details?.line === 'number' ? `${message} ${t('reconciliation.upload.line', { line: details.line })}` : message;
}

function UploadForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const layouts = useLayouts();
  const importing = useImportStatement();
  const file = useRef<HTMLInputElement>(null);
  const [layout, setLayout] = useState('generic');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const action = useKeyedAction((form: FormData, idempotency_key: string) => importing.mutateAsync({ form, idempotency_key }));
  const hint = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (chosen === undefined) return;
    const form = new FormData();
    form.set('layout', layout);
    form.set('currency', 'CNY');
    form.set('file', chosen, chosen.name);
    setOutcome(null);
    const done = await action.run(form);
    if (done !== undefined) {
      setOutcome(done);
      if (file.current !== null) file.current.value = '';
    }
  };
  return (
    <form className="recon-upload" aria-labelledby="recon-upload-title" onSubmit={(event) => void submit(event)}>
      <h3 id="recon-upload-title">{t('reconciliation.upload.title')}</h3>
      <div className="grid three">
        <div className="field">
          <label htmlFor="recon-layout">{t('reconciliation.upload.layout')}</label>
          <select id="recon-layout" value={layout} onChange={(event) => setLayout(event.target.value)}>
            {(layouts.data?.layouts ?? [{ id: 'generic', title_en: 'Generic', title_zh: '通用格式', columns: {} }]).map((entry) => (
              <option key={entry.id} value={entry.id}>
                {language === 'en' ? entry.title_en : entry.title_zh}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="recon-file">{t('reconciliation.upload.file')}</label>
          <input id="recon-file" ref={file} type="file" accept=".csv,text/csv" required aria-describedby={hint} />
          <span className="field-hint" id={hint}>
            {t('reconciliation.upload.hint')}
          </span>
        </div>
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? t('reconciliation.upload.sending') : t('reconciliation.upload.submit')}
      </button>
      {action.error !== null ? (
        <p className="alert error" role="alert">
          {uploadError(t, action.error)}
        </p>
      ) : null}
      {outcome !== null ? (
        <p className="alert info" role="status">
          {outcome.already_imported
            ? t('reconciliation.upload.already')
            : t('reconciliation.upload.done', { lines: outcome.new_lines, matched: outcome.matched, breaks: outcome.breaks })}
        </p>
      ) : null}
    </form>
  );
}

function Lines({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const lines = useStatementLines(statement.id);
  return (
    <QueryState query={lines}>
      {(data) => (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.lines.caption', { from: statement.first_on, to: statement.last_on })}>
          <table className="recon-lines">
            <caption>{t('reconciliation.lines.caption', { from: statement.first_on, to: statement.last_on })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.lines.line')}</th>
                <th scope="col">{t('reconciliation.lines.booked')}</th>
                <th scope="col">{t('reconciliation.lines.reference')}</th>
                <th scope="col" className="number">{t('reconciliation.lines.amount')}</th>
                <th scope="col" className="number">{t('reconciliation.lines.balance')}</th>
                <th scope="col">{t('reconciliation.lines.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.line_number}</td>
                  <td>
                    <Day value={line.booked_on} />
                  </td>
                  <td className="hex">{line.reference}</td>
                  <td className="number">
                    <Money minor={line.amount_minor} />
                  </td>
                  <td className="number">
                    <Money minor={line.balance_after_minor} />
                  </td>
                  <td>
                    <span className={line.state === 'break' ? 'badge bad' : 'badge'}>
                      {line.state === 'matched' ? t('reconciliation.lines.matched') : `${t(`reconciliation.kinds.${line.break_kind ?? 'unknown'}`)} · ${t(`reconciliation.lines.${line.state}`)}`}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  );
}

function StatementsTable({ statements }: { statements: readonly Statement[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const layouts = useLayouts();
  const layoutTitle = (id: string) => {
    const found = layouts.data?.layouts.find((entry) => entry.id === id);
    return found === undefined ? id : language === 'en' ? found.title_en : found.title_zh;
  };
  const [open, setOpen] = useState<string | null>(null);
  if (statements.length === 0) return <p className="muted">{t('reconciliation.statements.none')}</p>;
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.statements.caption')}>
        <table className="recon-statements">
          <caption>{t('reconciliation.statements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.statements.period')}</th>
              <th scope="col">{t('reconciliation.statements.layout')}</th>
              <th scope="col" className="number">{t('reconciliation.statements.lines')}</th>
              <th scope="col" className="number">{t('reconciliation.statements.closing')}</th>
              <th scope="col" className="number">{t('reconciliation.statements.openBreaks')}</th>
              <th scope="col">{t('reconciliation.statements.imported')}</th>
              <th scope="col">
                <span className="sr-only">{t('reconciliation.statements.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {statements.map((statement) => (
              <tr key={statement.id}>
                <th scope="row">
                  <Day value={statement.first_on} /> – <Day value={statement.last_on} />
                </th>
                <td>{layoutTitle(statement.layout)}</td>
                <td className="number">{statement.line_count}</td>
                <td className="number">
                  <Money minor={statement.closing_balance_minor} currency={statement.currency} />
                </td>
                <td className="number">{statement.open_breaks === '0' ? '0' : <span className="badge bad">{statement.open_breaks}</span>}</td>
                <td>
                  <Instant value={statement.imported_at} />
                </td>
                <td>
                  <button type="button" className="button secondary" aria-expanded={open === statement.id} onClick={() => setOpen(open === statement.id ? null : statement.id)}>
                    {open === statement.id ? t('reconciliation.statements.hideLines') : t('reconciliation.statements.showLines')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open === null ? null : <Lines statement={statements.find((statement) => statement.id === open)!} />}
    </>
  );
}

/** The imported statements, and the upload of a new one. */
export function StatementsSection() {
  const { t } = useTranslation();
  const statements = useStatements();
  return (
    <section aria-labelledby="recon-statements-title" className="card">
      <h2 id="recon-statements-title">{t('reconciliation.statements.title')}</h2>
      <UploadForm />
      <QueryState query={statements}>{(data) => <StatementsTable statements={data.statements} />}</QueryState>
    </section>
  );
}
