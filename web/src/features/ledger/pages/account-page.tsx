import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { CsvLink } from '../../../shared/ui/csv-link';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useAccount } from '../api/ledger-api';
import { AccountEntriesTable } from '../components/account-entries';
import { LedgerTabs } from '../components/ledger-parts';

function AccountContent({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useAccount(code);
  return (
    <Page title={t('ledger.account.title', { code })} actions={<CsvLink table="ledger_transactions" />}>
      <LedgerTabs />
      <QueryState query={query}>
        {({ account }) => (
          <>
            <section className="card" aria-labelledby="ledger-account-facts">
              <h2 id="ledger-account-facts">{account.name}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('ledger.accounts.code')}</dt>
                  <dd className="ledger-code">{account.code}</dd>
                </div>
                <div>
                  <dt>{t('ledger.accounts.type')}</dt>
                  <dd>{t(`ledger.types.${account.type}`)}</dd>
                </div>
                <div>
                  <dt>{t('ledger.accounts.currency')}</dt>
                  <dd>{account.currency}</dd>
                </div>
                <div>
                  <dt>{t('ledger.account.guard')}</dt>
                  <dd>{t(`ledger.guards.${account.guard}`)}</dd>
                </div>
                <div>
                  <dt>{t('ledger.accounts.balance')}</dt>
                  <dd className="stat-inline">
                    <Money minor={account.balance_minor} currency={account.currency} />
                  </dd>
                </div>
              </dl>
              <p className="muted">{t(account.type === 'asset' || account.type === 'expense' ? 'ledger.account.debitNormal' : 'ledger.account.creditNormal')}</p>
            </section>
            <section aria-labelledby="ledger-account-entries">
              <h2 id="ledger-account-entries">{t('ledger.account.transactions')}</h2>
              <p>
                <Link to={`/staff/ledger/transactions?account=${encodeURIComponent(account.code)}`}>{t('ledger.account.filterLink')}</Link>
              </p>
              <AccountEntriesTable account={account} caption={t('ledger.account.caption', { code: account.code })} />
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export function AccountPage() {
  const { code = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.ledger}>
      <AccountContent code={code} />
    </RequireRole>
  );
}
