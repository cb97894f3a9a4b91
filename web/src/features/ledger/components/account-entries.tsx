import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Instant, Money } from '../../../shared/ui/money';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useAccountEntries, type LedgerAccount } from '../api/ledger-api';
import { KindName, MoreButton } from './ledger-parts';

/** An account's transactions newest first, with what each changed and the balance right after it. */
export function AccountEntriesTable({ account, limit, caption, paged = true }: { account: LedgerAccount; limit?: number; caption: string; paged?: boolean }) {
  const { t } = useTranslation();
  const query = useAccountEntries(account.code, limit);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const entries = query.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p className="muted">{t('ledger.account.noTransactions')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="ledger-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.transactions.id')}</th>
              <th scope="col">{t('ledger.transactions.postedAt')}</th>
              <th scope="col">{t('ledger.transactions.kind')}</th>
              <th scope="col" className="number">
                {t('ledger.account.change')}
              </th>
              <th scope="col" className="number">
                {t('ledger.account.balanceAfter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.transaction.id}>
                <td>
                  <Link to={`/staff/ledger/transactions/${entry.transaction.id}`}>#{entry.transaction.id}</Link>
                </td>
                <td>
                  <Instant value={entry.transaction.posted_at} />
                </td>
                <td>
                  <KindName kind={entry.transaction.kind} />
                  <span className="ledger-reason">{entry.transaction.description}</span>
                </td>
                <td className="number">
                  <Money minor={entry.change_minor} currency={account.currency} />
                </td>
                <td className="number">
                  <Money minor={entry.balance_after_minor} currency={account.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {paged ? <MoreButton query={query} /> : null}
    </>
  );
}
