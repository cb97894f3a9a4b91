import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useTransaction } from '../api/ledger-api';
import { KindName, LedgerTabs, LegsTable } from '../components/ledger-parts';

function TransactionContent({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useTransaction(id);
  return (
    <Page title={t('ledger.transaction.title', { id })}>
      <LedgerTabs />
      <QueryState query={query}>
        {({ transaction }) => {
          const manual_posting_id = transaction.metadata.manual_posting_id;
          const metadata = Object.entries(transaction.metadata);
          return (
            <>
              <section className="card" aria-labelledby="ledger-transaction-facts">
                <h2 id="ledger-transaction-facts">{t('ledger.transaction.facts')}</h2>
                <dl className="facts">
                  <div>
                    <dt>{t('ledger.transaction.flow')}</dt>
                    <dd>
                      <KindName kind={transaction.kind} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('ledger.transactions.description')}</dt>
                    <dd>{transaction.description === '' ? '—' : transaction.description}</dd>
                  </div>
                  <div>
                    <dt>{t('ledger.transactions.postedAt')}</dt>
                    <dd>
                      <Instant value={transaction.posted_at} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('ledger.accounts.currency')}</dt>
                    <dd>{transaction.currency}</dd>
                  </div>
                  {manual_posting_id === undefined ? null : (
                    <div>
                      <dt>{t('ledger.transaction.manualPosting')}</dt>
                      <dd>
                        <Link to={`/staff/ledger/postings/${manual_posting_id}`}>{t('ledger.transaction.manualPostingLink', { id: manual_posting_id })}</Link>
                      </dd>
                    </div>
                  )}
                  {transaction.reverses_id === null ? null : (
                    <div>
                      <dt>{t('ledger.transaction.reverses')}</dt>
                      <dd>
                        <Link to={`/staff/ledger/transactions/${transaction.reverses_id}`}>#{transaction.reverses_id}</Link>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('ledger.transaction.key')}</dt>
                    <dd className="ledger-code">{transaction.idempotency_key}</dd>
                  </div>
                  <div>
                    <dt>{t('ledger.transaction.hash')}</dt>
                    <dd className="ledger-hash">{transaction.hash}</dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="ledger-transaction-legs">
                <h2 id="ledger-transaction-legs">{t('ledger.transaction.legs')}</h2>
                <LegsTable legs={transaction.legs} currency={transaction.currency} caption={t('ledger.transaction.legsCaption', { id })} />
              </section>
              {metadata.length === 0 ? null : (
                <section className="card" aria-labelledby="ledger-transaction-metadata">
                  <h2 id="ledger-transaction-metadata">{t('ledger.transaction.metadata')}</h2>
                  <dl className="facts">
                    {metadata.map(([name, value]) => (
                      <div key={name}>
                        <dt className="ledger-code">{name}</dt>
                        <dd className="ledger-code">{value}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export function TransactionPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.ledger}>
      <TransactionContent id={id} />
    </RequireRole>
  );
}
