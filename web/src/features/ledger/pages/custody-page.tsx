import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { CsvLink } from '../../../shared/ui/csv-link';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useAccount, useCustody, type CustodyFigures } from '../api/ledger-api';
import { accountPath, LedgerTabs } from '../components/ledger-parts';
import { AccountEntriesTable } from '../components/account-entries';

/** Custody's recent transactions: the first page only; the account page has them all. */
const recentCount = 10;

function RecentCustody({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useAccount(code);
  return (
    <section aria-labelledby={`ledger-custody-recent-${code}`}>
      <h3 id={`ledger-custody-recent-${code}`}>{t('ledger.custody.recent')}</h3>
      <QueryState query={query}>
        {({ account }) => <AccountEntriesTable account={account} limit={recentCount} paged={false} caption={t('ledger.custody.recentCaption', { code })} />}
      </QueryState>
      <p>
        <Link to={accountPath(code)}>{t('ledger.custody.allTransactions', { code })}</Link>
      </p>
    </section>
  );
}

function CustodyCard({ figures }: { figures: CustodyFigures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const currency = figures.currency;
  const rows: Array<[string, string]> = [
    ['ledger.custody.custody', figures.custody_minor],
    ['ledger.custody.receivable', figures.prepaid_receivable_minor],
    ['ledger.custody.wallets', figures.wallets_minor],
    ['ledger.custody.payables', figures.prepaid_payables_minor],
    ['ledger.custody.refunds', figures.wallet_refunds_in_transit_minor],
  ];
  return (
    <section className="card" aria-labelledby={`ledger-custody-${currency}`}>
      <div className="spread">
        <h2 id={`ledger-custody-${currency}`}>{t('ledger.custody.heading', { currency })}</h2>
        <span className={figures.ok ? 'badge' : 'badge bad'}>{figures.ok ? t('ledger.custody.agree') : t('ledger.custody.disagree')}</span>
      </div>
      <div className="grid three ledger-stats">
        <div>
          <p className="stat-label">{t('ledger.custody.custody')}</p>
          <p className="stat">
            <Money minor={figures.custody_minor} currency={currency} />
          </p>
        </div>
        <div>
          <p className="stat-label">{t('ledger.custody.walletsCount', { count: figures.wallet_count, shown: formatNumber(figures.wallet_count, language) })}</p>
          <p className="stat">
            <Money minor={figures.wallets_minor} currency={currency} />
          </p>
        </div>
        <div>
          <p className="stat-label">{t('ledger.custody.difference')}</p>
          <p className={figures.ok ? 'stat' : 'stat ledger-bad'} data-difference={figures.difference_minor}>
            <Money minor={figures.difference_minor} currency={currency} />
          </p>
        </div>
      </div>
      <p>{t('ledger.custody.identity')}</p>
      <div className="table-wrap">
        <table className="ledger-table">
          <caption>{t('ledger.custody.caption', { currency })}</caption>
          <tbody>
            {rows.map(([key, amount]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td className="number">
                  <Money minor={amount} currency={currency} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('ledger.custody.difference')}</th>
              <td className="number">
                <strong>
                  <Money minor={figures.difference_minor} currency={currency} />
                </strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {figures.ok ? null : (
        <p className="alert error" role="alert">
          {t('ledger.custody.differenceExplained')}
        </p>
      )}
      <p>
        <Link to={accountPath(figures.custody_account_code)}>{figures.custody_account_code}</Link> ·{' '}
        <Link to="/staff/ledger?prefix=wallet%3A">{t('ledger.custody.walletAccounts')}</Link>
      </p>
      <RecentCustody code={figures.custody_account_code} />
    </section>
  );
}

function CustodyContent() {
  const { t } = useTranslation();
  const query = useCustody();
  return (
    <Page title={t('ledger.custody.title')} actions={<CsvLink table="custody" />}>
      <LedgerTabs />
      <p className="muted">{t('ledger.custody.lead')}</p>
      <QueryState query={query}>
        {({ currencies }) =>
          currencies.length === 0 ? <p className="muted">{t('ledger.custody.none')}</p> : currencies.map((figures) => <CustodyCard key={figures.currency} figures={figures} />)
        }
      </QueryState>
    </Page>
  );
}

export function CustodyPage() {
  return (
    <RequireRole roles={staffAccess.ledger}>
      <CustodyContent />
    </RequireRole>
  );
}
