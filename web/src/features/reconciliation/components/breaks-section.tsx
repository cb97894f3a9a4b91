import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { QueryState } from '../../../shared/ui/query-state';
import { useBreaks, useResolveBreak, type BreakFilter, type BreakKind, type ReconciliationBreak, type Resolution } from '../api';
import { useKeyedAction } from './keyed-action';

const kinds: readonly BreakKind[] = ['missing', 'duplicated', 'wrong_amount', 'unknown'];

/** The resolve dialog: a modal <dialog> (the browser keeps focus in it and Escape closes it). */
function ResolveDialog({ found, onClose }: { found: ReconciliationBreak; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const resolve = useResolveBreak();
  const action = useKeyedAction((input: Parameters<typeof resolve.mutateAsync>[0]['input'], idempotency_key: string) => resolve.mutateAsync({ input, idempotency_key }));
  const [resolution, setResolution] = useState<Resolution>('explained');
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');
  const title = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run({ id: found.id, resolution, note, reference_id: reference });
    if (done !== undefined) onClose();
  };
  return (
    <dialog ref={dialog} className="recon-dialog" aria-labelledby={title} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={title}>{t('reconciliation.resolve.title', { id: found.id })}</h2>
        <p>
          {t(`reconciliation.kinds.${found.kind}`)} · <Day value={found.occurred_on} /> · <span className="hex">{found.reference}</span>
        </p>
        <fieldset className="field">
          <legend>{t('reconciliation.resolve.how')}</legend>
          {(['explained', 'corrected'] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="resolution" value={value} checked={resolution === value} onChange={() => setResolution(value)} />
              {t(`reconciliation.resolve.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="recon-note">{t('reconciliation.resolve.note')}</label>
          <textarea id="recon-note" required maxLength={1000} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="recon-link">{resolution === 'corrected' ? t('reconciliation.resolve.posting') : t('reconciliation.resolve.transfer')}</label>
          <input
            id="recon-link"
            inputMode="numeric"
            pattern="[1-9][0-9]*"
            required={resolution === 'corrected'}
            value={reference}
            aria-describedby="recon-link-hint"
            onChange={(event) => setReference(event.target.value)}
          />
          <span className="field-hint" id="recon-link-hint">
            {resolution === 'corrected' ? t('reconciliation.resolve.postingHint') : t('reconciliation.resolve.transferHint')}
          </span>
        </div>
        {action.error !== null ? (
          <p className="alert error" role="alert">
            {errorMessage(t, action.error)}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button" disabled={action.busy}>
            {t('reconciliation.resolve.submit')}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            {t('reconciliation.resolve.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Amount({ minor }: { minor: string | null }) {
  return minor === null ? <>—</> : <Money minor={minor} />;
}

function BreaksTable({ breaks, alertAfterDays, onResolve }: { breaks: readonly ReconciliationBreak[]; alertAfterDays: number; onResolve: (found: ReconciliationBreak) => void }) {
  const { t } = useTranslation();
  if (breaks.length === 0) return <p className="muted">{t('reconciliation.breaks.none')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reconciliation.breaks.caption', { days: alertAfterDays })}>
      <table className="recon-breaks">
        <caption>{t('reconciliation.breaks.caption', { days: alertAfterDays })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconciliation.breaks.kind')}</th>
            <th scope="col">{t('reconciliation.breaks.occurred')}</th>
            <th scope="col" className="number">{t('reconciliation.breaks.age')}</th>
            <th scope="col">{t('reconciliation.breaks.reference')}</th>
            <th scope="col" className="number">{t('reconciliation.breaks.ledger')}</th>
            <th scope="col" className="number">{t('reconciliation.breaks.bank')}</th>
            <th scope="col">{t('reconciliation.breaks.state')}</th>
          </tr>
        </thead>
        <tbody>
          {breaks.map((found) => {
            const old = found.status === 'open' && found.age_days > alertAfterDays;
            return (
              <tr key={found.id} data-break={found.id}>
                <th scope="row">{t(`reconciliation.kinds.${found.kind}`)}</th>
                <td>
                  <Day value={found.occurred_on} />
                </td>
                <td className="number">
                  {t('reconciliation.breaks.days', { count: found.age_days })}
                  {old ? <span className="badge bad recon-old">{t('reconciliation.breaks.old')}</span> : null}
                </td>
                <td className="hex">{found.reference}</td>
                <td className="number">
                  <Amount minor={found.ledger_amount_minor} />
                </td>
                <td className="number">
                  <Amount minor={found.bank_amount_minor} />
                </td>
                <td>
                  {found.status === 'open' ? (
                    <button type="button" className="button secondary" onClick={() => onResolve(found)}>
                      {t('reconciliation.breaks.resolve')}
                    </button>
                  ) : (
                    <span>
                      <span className="badge">{t(`reconciliation.resolve.${found.resolution ?? 'explained'}`)}</span> {found.resolution_note}
                      {found.resolved_at === null ? null : (
                        <span className="muted block">
                          <Instant value={found.resolved_at} />
                        </span>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The breaks, oldest first, with their age and the alert mark; each open one can be resolved. */
export function BreaksSection() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<BreakFilter>({ kind: '', status: 'open' });
  const [resolving, setResolving] = useState<ReconciliationBreak | null>(null);
  const breaks = useBreaks(filter);
  return (
    <section aria-labelledby="recon-breaks-title" className="card">
      <h2 id="recon-breaks-title">{t('reconciliation.breaks.title')}</h2>
      <p className="muted">{t('reconciliation.breaks.intro')}</p>
      <div className="grid three">
        <div className="field">
          <label htmlFor="recon-kind">{t('reconciliation.breaks.kind')}</label>
          <select id="recon-kind" value={filter.kind} onChange={(event) => setFilter({ ...filter, kind: event.target.value as BreakFilter['kind'] })}>
            <option value="">{t('reconciliation.breaks.allKinds')}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`reconciliation.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="recon-status">{t('reconciliation.breaks.state')}</label>
          <select id="recon-status" value={filter.status} onChange={(event) => setFilter({ ...filter, status: event.target.value as BreakFilter['status'] })}>
            <option value="open">{t('reconciliation.breaks.open')}</option>
            <option value="resolved">{t('reconciliation.breaks.resolved')}</option>
            <option value="">{t('reconciliation.breaks.all')}</option>
          </select>
        </div>
      </div>
      <QueryState query={breaks}>{(data) => <BreaksTable breaks={data.breaks} alertAfterDays={data.alert_after_days} onResolve={setResolving} />}</QueryState>
      {resolving === null ? null : <ResolveDialog found={resolving} onClose={() => setResolving(null)} />}
    </section>
  );
}
