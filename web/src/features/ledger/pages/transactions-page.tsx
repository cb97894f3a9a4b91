import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { displayTimeZone } from '../../../shared/format/dates';
import { CsvLink } from '../../../shared/ui/csv-link';
import { TextField } from '../../../shared/ui/field';
import { Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useTransactions, type TransactionFilter } from '../api/ledger-api';
import { KindName, LedgerTabs, LegsSummary, MoreButton, transactionAmount } from '../components/ledger-parts';

/** The days of the filter are days in China (the plans' zone, as the pages show instants): midnight at +08:00. */
const dayOffset = '+08:00';
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function filterOf(params: URLSearchParams): TransactionFilter {
  const account = params.get('account') ?? '';
  const kind = params.get('kind') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    ...(account === '' ? {} : { account }),
    ...(kind === '' ? {} : { kind }),
    ...(from === '' ? {} : { posted_from: `${from}T00:00:00${dayOffset}` }),
    // "to" is the last day shown: everything before the next day's midnight.
    ...(to === '' ? {} : { posted_before: `${nextDay(to)}T00:00:00${dayOffset}` }),
  };
}

function TransactionsTable({ filter }: { filter: TransactionFilter }) {
  const { t } = useTranslation();
  const query = useTransactions(filter);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const transactions = query.data.pages.flatMap((page) => page.transactions);
  if (transactions.length === 0) return <p className="muted">{t('ledger.transactions.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="ledger-table">
          <caption>{t('ledger.transactions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.transactions.id')}</th>
              <th scope="col">{t('ledger.transactions.postedAt')}</th>
              <th scope="col">{t('ledger.transactions.kind')}</th>
              <th scope="col">{t('ledger.transactions.legs')}</th>
              <th scope="col" className="number">
                {t('ledger.transactions.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {transactions.map((transaction) => (
              <tr key={transaction.id}>
                <td>
                  <Link to={`/staff/ledger/transactions/${transaction.id}`}>#{transaction.id}</Link>
                </td>
                <td>
                  <Instant value={transaction.posted_at} />
                </td>
                <td>
                  <KindName kind={transaction.kind} />
                  <span className="ledger-reason">{transaction.description}</span>
                </td>
                <td>
                  <LegsSummary legs={transaction.legs} />
                </td>
                <td className="number">
                  <Money minor={transactionAmount(transaction)} currency={transaction.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton query={query} />
    </>
  );
}

function TransactionsContent() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({
    account: params.get('account') ?? '',
    kind: params.get('kind') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  });
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = Object.fromEntries(Object.entries(draft).map(([name, value]) => [name, value.trim()]).filter(([, value]) => value !== ''));
    setParams(next, { replace: true });
  }
  function clear() {
    setDraft({ account: '', kind: '', from: '', to: '' });
    setParams({}, { replace: true });
  }
  return (
    <Page title={t('ledger.transactions.title')} actions={<CsvLink table="ledger_transactions" />}>
      <LedgerTabs />
      <form className="ledger-filter" onSubmit={submit} aria-label={t('ledger.filter.label')}>
        <TextField label={t('ledger.filter.account')} value={draft.account} maxLength={128} onChange={set('account')} />
        <TextField label={t('ledger.filter.kind')} hint={t('ledger.filter.kindHint')} value={draft.kind} maxLength={64} onChange={set('kind')} />
        <TextField label={t('ledger.filter.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField label={t('ledger.filter.to')} type="date" value={draft.to} onChange={set('to')} />
        <div className="row ledger-filter-buttons">
          <button type="submit" className="button">
            {t('ledger.filter.apply')}
          </button>
          <button type="button" className="button secondary" onClick={clear}>
            {t('ledger.filter.clear')}
          </button>
        </div>
      </form>
      <p className="muted">{t('ledger.filter.zone', { zone: displayTimeZone })}</p>
      <TransactionsTable filter={filterOf(params)} />
    </Page>
  );
}

export function TransactionsPage() {
  return (
    <RequireRole roles={staffAccess.ledger}>
      <TransactionsContent />
    </RequireRole>
  );
}
