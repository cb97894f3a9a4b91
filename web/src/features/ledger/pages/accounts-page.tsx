import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { CsvLink } from '../../../shared/ui/csv-link';
import { TextField } from '../../../shared/ui/field';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useAccounts } from '../api/ledger-api';
import { AccountLink, LedgerTabs, MoreButton } from '../components/ledger-parts';

/** The account families of plan-accounts.ts, funding-accounts.ts and payout-accounts.ts, by code prefix. */
const accountGroups = [
  'custody:',
  'collection:',
  'wallet:',
  'shares_receivable:',
  'aid_payable:',
  'fee_payable:',
  'operator_advances:',
  'backstop:',
  'operator_equity:',
  'operator:',
  'wallet_refunds_in_transit:',
  'share_refunds_in_transit:',
  'aid_payouts_in_transit:',
] as const;

function AccountsTable({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const query = useAccounts(prefix);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const accounts = query.data.pages.flatMap((page) => page.accounts);
  if (accounts.length === 0) return <p className="muted">{t('ledger.accounts.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="ledger-table">
          <caption>{prefix === '' ? t('ledger.accounts.caption') : t('ledger.accounts.captionPrefix', { prefix })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.accounts.code')}</th>
              <th scope="col">{t('ledger.accounts.name')}</th>
              <th scope="col">{t('ledger.accounts.type')}</th>
              <th scope="col">{t('ledger.accounts.currency')}</th>
              <th scope="col" className="number">
                {t('ledger.accounts.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.code}>
                <td>
                  <AccountLink code={account.code} />
                </td>
                <td>{account.name}</td>
                <td className="ledger-nowrap">{t(`ledger.types.${account.type}`)}</td>
                <td>{account.currency}</td>
                <td className="number">
                  <Money minor={account.balance_minor} currency={account.currency} />
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

function AccountsContent() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const prefix = params.get('prefix') ?? '';
  const [typed, setTyped] = useState(prefix);
  const choose = (next: string) => {
    setTyped(next);
    setParams(next === '' ? {} : { prefix: next }, { replace: true });
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    choose(typed.trim());
  }
  return (
    <Page title={t('ledger.accounts.title')} actions={<CsvLink table="ledger_accounts" />}>
      <LedgerTabs />
      <p className="muted">{t('ledger.accounts.lead')}</p>
      <nav className="ledger-groups" aria-label={t('ledger.accounts.groups')}>
        <ul>
          <li>
            <button type="button" className="button secondary" aria-pressed={prefix === ''} onClick={() => choose('')}>
              {t('ledger.accounts.all')}
            </button>
          </li>
          {accountGroups.map((group) => (
            <li key={group}>
              <button type="button" className="button secondary" aria-pressed={prefix === group} onClick={() => choose(group)}>
                {t(`ledger.groups.${group.slice(0, -1)}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form className="ledger-filter" onSubmit={submit}>
        <TextField label={t('ledger.accounts.prefix')} hint={t('ledger.accounts.prefixHint')} value={typed} maxLength={128} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="button">
          {t('ledger.filter.apply')}
        </button>
      </form>
      <AccountsTable prefix={prefix} />
    </Page>
  );
}

export function AccountsPage() {
  return (
    <RequireRole roles={staffAccess.ledger}>
      <AccountsContent />
    </RequireRole>
  );
}
