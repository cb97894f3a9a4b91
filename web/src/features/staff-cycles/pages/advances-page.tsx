import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { parseMoneyInput } from '../../../shared/format/money';
import { errorMessage } from '../../../shared/i18n/error-message';
import { CsvLink } from '../../../shared/ui/csv-link';
import { TextField } from '../../../shared/ui/field';
import { Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useAdvances, useRecordAdvance, type AdvanceStatement } from '../api';
import { useMayAct } from '../components/may-act';
import { PlanSelect } from '../components/plan-select';

function RecordAdvance({ plan_id, currency }: { plan_id: string; currency: string }) {
  const { t } = useTranslation();
  const record = useRecordAdvance(plan_id);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  // One key per advance asked for: kept while the same request is retried after a lost answer.
  const key = useRef<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount_minor = parseMoneyInput(amount, currency);
    if (amount_minor === undefined || amount_minor <= 0n) {
      setAmountError(t('staffCycles.advances.amountInvalid'));
      return;
    }
    setAmountError(undefined);
    if (record.isPending) return;
    key.current ??= newIdempotencyKey();
    record.mutate(
      { amount_minor: amount_minor.toString(), key: key.current },
      {
        onSuccess: (answer) => {
          key.current = null;
          setAmount('');
          setDone(answer.advance.amount_minor);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) key.current = null;
        },
      },
    );
  };
  return (
    <form className="card staff-cycles-advance" onSubmit={submit} noValidate aria-labelledby="advance-title">
      <h2 id="advance-title">{t('staffCycles.advances.recordTitle')}</h2>
      <p className="muted">{t('staffCycles.advances.recordExplained')}</p>
      <TextField
        label={t('staffCycles.advances.amount', { currency })}
        inputMode="decimal"
        value={amount}
        error={amountError}
        onChange={(event) => {
          key.current = null;
          setAmount(event.target.value);
        }}
      />
      {record.isError ? (
        <div className="alert error" role="alert">
          <p>{errorMessage(t, record.error)}</p>
        </div>
      ) : null}
      {done === null ? null : (
        <p className="alert info" role="status">
          {t('staffCycles.advances.recorded')} <Money minor={done} currency={currency} />
        </p>
      )}
      <button type="submit" className="button" disabled={record.isPending}>
        {t('staffCycles.advances.submit')}
      </button>
    </form>
  );
}

function Statement({ statement }: { statement: AdvanceStatement }) {
  const { t } = useTranslation();
  const currency = statement.currency;
  let repaid = 0n;
  let advanced = 0n;
  for (const entry of statement.entries) {
    if (entry.kind === 'advance') advanced += BigInt(entry.amount_minor);
    else repaid += BigInt(entry.amount_minor);
  }
  return (
    <section aria-labelledby="statement-title">
      <h2 id="statement-title">{t('staffCycles.advances.statement')}</h2>
      <div className="grid three tight">
        <div className="card">
          <p className="stat">
            <Money minor={statement.outstanding_minor} currency={currency} />
          </p>
          <p className="stat-label">{t('staffCycles.advances.outstanding')}</p>
        </div>
        <div className="card">
          <p className="stat">
            <Money minor={advanced.toString()} currency={currency} />
          </p>
          <p className="stat-label">{t('staffCycles.advances.advanced')}</p>
        </div>
        <div className="card">
          <p className="stat">
            <Money minor={repaid.toString()} currency={currency} />
          </p>
          <p className="stat-label">{t('staffCycles.advances.repaid')}</p>
        </div>
      </div>
      <p>
        {t('staffCycles.advances.available')}: <Money minor={statement.available_minor} currency={currency} />
      </p>
      {statement.entries.length === 0 ? (
        <p className="muted">{t('staffCycles.advances.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('staffCycles.advances.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffCycles.advances.when')}</th>
                <th scope="col">{t('staffCycles.advances.kind')}</th>
                <th scope="col">{t('staffCycles.payouts.amount')}</th>
                <th scope="col">{t('staffCycles.advances.actor')}</th>
                <th scope="col">{t('staffCycles.advances.transaction')}</th>
              </tr>
            </thead>
            <tbody>
              {statement.entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <Instant value={entry.created_at} />
                  </th>
                  <td>{t(`staffCycles.advances.kindName.${entry.kind}`)}</td>
                  <td className="number">
                    <Money minor={entry.amount_minor} currency={entry.currency} />
                  </td>
                  <td>{entry.actor}</td>
                  <td>{entry.ledger_transaction_id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AdvancesContent() {
  const { t } = useTranslation();
  const mayAct = useMayAct();
  const [search, setSearch] = useSearchParams();
  const plan_id = search.get('plan') ?? '';
  const statement = useAdvances(plan_id);
  return (
    <Page title={t('staffCycles.advances.title')} actions={<CsvLink table="advances" />}>
      <p>
        <Link to="/staff/payouts">{t('staffCycles.advances.backToPayouts')}</Link>
      </p>
      <p>{t('staffCycles.advances.intro')}</p>
      <div className="staff-cycles-filter">
        <PlanSelect label={t('staffCycles.plan')} value={plan_id} onChange={(value) => setSearch(value === '' ? {} : { plan: value }, { replace: true })} />
      </div>
      {plan_id === '' ? (
        <p className="muted">{t('staffCycles.advances.pickPlan')}</p>
      ) : (
        <QueryState query={statement}>
          {(data) => (
            <>
              <Statement statement={data} />
              {mayAct ? <RecordAdvance plan_id={plan_id} currency={data.currency} /> : null}
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}

export function StaffAdvancesPage() {
  return (
    <RequireRole roles={staffAccess.payouts}>
      <AdvancesContent />
    </RequireRole>
  );
}
