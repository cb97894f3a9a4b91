import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { mayOpen } from '../../../shared/auth/staff-access';
import { Money } from '../../../shared/ui/money';
import type { LedgerTransaction, PostingStatus } from '../api/ledger-api';

/** Operators (and admins) act on the ledger; an auditor reads it. The API checks again on every request. */
export function useMayAct(): boolean {
  const session = useSession();
  return mayOpen(session.data, ['operator']);
}

/** The ledger's own pages, beside the console's navigation. */
export function LedgerTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/staff/ledger', label: t('ledger.tabs.accounts'), end: true },
    { to: '/staff/ledger/transactions', label: t('ledger.tabs.transactions'), end: false },
    { to: '/staff/ledger/postings', label: t('ledger.tabs.postings'), end: false },
    { to: '/staff/ledger/custody', label: t('ledger.tabs.custody'), end: false },
    { to: '/staff/ledger/verify', label: t('ledger.tabs.verify'), end: false },
  ];
  return (
    <nav className="ledger-tabs" aria-label={t('ledger.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function accountPath(code: string): string {
  return `/staff/ledger/accounts/${encodeURIComponent(code)}`;
}

export function AccountLink({ code }: { code: string }) {
  return (
    <Link className="ledger-code" to={accountPath(code)}>
      {code}
    </Link>
  );
}

/** The flow that posted a transaction, by its kind; a kind without a text shows as its code. */
export function KindName({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const name = t(`ledger.kinds.${kind}`, { defaultValue: '' });
  if (name === '') return <code className="ledger-kind">{kind}</code>;
  return (
    <span>
      {name} <code className="ledger-kind">{kind}</code>
    </span>
  );
}

export function StatusBadge({ status }: { status: PostingStatus }) {
  const { t } = useTranslation();
  const tone = status === 'pending' ? 'warn' : status === 'rejected' ? 'bad' : '';
  return <span className={`badge ${tone}`.trim()}>{t(`ledger.status.${status}`)}</span>;
}

/** The legs of a transaction: each a debit or a credit on one account; the two columns sum equal. */
export function LegsTable({ legs, currency, caption }: { legs: LedgerTransaction['legs']; currency: string; caption: string }) {
  const { t } = useTranslation();
  let debit_total_minor = 0n;
  let credit_total_minor = 0n;
  for (const leg of legs) {
    if (leg.side === 'debit') debit_total_minor += BigInt(leg.amount_minor);
    else credit_total_minor += BigInt(leg.amount_minor);
  }
  return (
    <div className="table-wrap">
      <table className="ledger-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.legs.account')}</th>
            <th scope="col" className="number">
              {t('ledger.legs.debit')}
            </th>
            <th scope="col" className="number">
              {t('ledger.legs.credit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {legs.map((leg, index) => (
            <tr key={index}>
              <td>
                <AccountLink code={leg.account_code} />
              </td>
              <td className="number">{leg.side === 'debit' ? <Money minor={leg.amount_minor} currency={currency} /> : null}</td>
              <td className="number">{leg.side === 'credit' ? <Money minor={leg.amount_minor} currency={currency} /> : null}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ledger.legs.total')}</th>
            <td className="number">
              <Money minor={debit_total_minor} currency={currency} />
            </td>
            <td className="number">
              <Money minor={credit_total_minor} currency={currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A one-line summary of a transaction's legs: "debit A, B · credit C". */
export function LegsSummary({ legs }: { legs: LedgerTransaction['legs'] }) {
  const { t } = useTranslation();
  const codes = (side: 'debit' | 'credit') => [...new Set(legs.filter((leg) => leg.side === side).map((leg) => leg.account_code))];
  return (
    <span className="ledger-legs-summary">
      {t('ledger.legs.debitShort')} {codes('debit').join(t('staff.listSeparator'))} · {t('ledger.legs.creditShort')}{' '}
      {codes('credit').join(t('staff.listSeparator'))}
    </span>
  );
}

/** What a transaction moves: the sum of its debits (equal to its credits). */
export function transactionAmount(transaction: Pick<LedgerTransaction, 'legs'>): bigint {
  return transaction.legs.reduce((total, leg) => (leg.side === 'debit' ? total + BigInt(leg.amount_minor) : total), 0n);
}

/** "Show more" under a paged table, while there is a next page. */
export function MoreButton({ query }: { query: Pick<UseInfiniteQueryResult, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'> }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <p>
      <button type="button" className="button secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {query.isFetchingNextPage ? t('common.loading') : t('ledger.more')}
      </button>
    </p>
  );
}
