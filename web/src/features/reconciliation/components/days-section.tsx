import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Money } from '../../../shared/ui/money';
import { QueryState } from '../../../shared/ui/query-state';
import { useDays, useRunReconciliation, type DayRange, type ReconciliationDay } from '../api';
import { useKeyedAction } from './keyed-action';

function StatusBadge({ day }: { day: ReconciliationDay }) {
  const { t } = useTranslation();
  const className = day.status === 'reconciled' ? 'badge' : day.status === 'differs' ? 'badge bad' : 'badge warn';
  return <span className={className}>{t(`reconciliation.days.status.${day.status}`)}</span>;
}

function DaysTable({ days }: { days: readonly ReconciliationDay[] }) {
  const { t } = useTranslation();
  if (days.length === 0) return <p className="muted">{t('reconciliation.days.none')}</p>;
  const differing = days.filter((day) => day.status === 'differs').length;
  return (
    <>
      <p role="status">{differing === 0 ? t('reconciliation.days.allReconciled') : t('reconciliation.days.differing', { count: differing })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.days.caption')}>
        <table className="recon-days">
          <caption>{t('reconciliation.days.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.days.day')}</th>
              <th scope="col">{t('reconciliation.days.state')}</th>
              <th scope="col" className="number">{t('reconciliation.days.ledger')}</th>
              <th scope="col" className="number">{t('reconciliation.days.bank')}</th>
              <th scope="col" className="number">{t('reconciliation.days.difference')}</th>
              <th scope="col" className="number">{t('reconciliation.days.inTransit')}</th>
              <th scope="col" className="number">{t('reconciliation.days.openBreaks')}</th>
              <th scope="col" className="number">{t('reconciliation.days.resolvedBreaks')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day} data-status={day.status} className={day.status === 'differs' ? 'recon-differs' : undefined}>
                <th scope="row">
                  <Day value={day.day} />
                </th>
                <td>
                  <StatusBadge day={day} />
                </td>
                <td className="number">
                  <Money minor={day.ledger_balance_minor} />
                </td>
                <td className="number">{day.bank_balance_minor === null ? '—' : <Money minor={day.bank_balance_minor} />}</td>
                <td className="number">
                  <Money minor={day.difference_minor} />
                </td>
                <td className="number">
                  <Money minor={day.in_transit_minor} />
                </td>
                <td className="number">
                  <Money minor={day.open_breaks_minor} />
                </td>
                <td className="number">
                  <Money minor={day.resolved_breaks_minor} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The days of a range: the ledger's custody against the bank's closing balance, and a run on demand. */
export function DaysSection({ initial }: { initial: DayRange }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<DayRange>(initial);
  const [draft, setDraft] = useState<DayRange>(initial);
  const days = useDays(range);
  const run = useRunReconciliation();
  const action = useKeyedAction((target: DayRange, idempotency_key: string) => run.mutateAsync({ range: target, idempotency_key }));
  const backwards = draft.from > draft.to;
  return (
    <section aria-labelledby="recon-days-title" className="card">
      <h2 id="recon-days-title">{t('reconciliation.days.title')}</h2>
      <p className="muted">{t('reconciliation.days.intro')}</p>
      <form
        className="row recon-range"
        onSubmit={(event) => {
          event.preventDefault();
          if (backwards) return;
          setRange(draft);
          void action.run(draft);
        }}
      >
        <div className="field">
          <label htmlFor="recon-from">{t('reconciliation.days.from')}</label>
          <input id="recon-from" type="date" required value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="recon-to">{t('reconciliation.days.to')}</label>
          <input
            id="recon-to"
            type="date"
            required
            value={draft.to}
            aria-invalid={backwards}
            aria-describedby={backwards ? 'recon-range-error' : undefined}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
          {backwards ? (
            <span className="field-error" id="recon-range-error">
              {t('reconciliation.days.backwards')}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={action.busy || backwards}>
          {action.busy ? t('reconciliation.days.running') : t('reconciliation.days.run')}
        </button>
      </form>
      {action.error !== null ? (
        <p className="alert error" role="alert">
          {errorMessage(t, action.error)}
        </p>
      ) : null}
      <QueryState query={days}>{(data) => <DaysTable days={data.days} />}</QueryState>
    </section>
  );
}
