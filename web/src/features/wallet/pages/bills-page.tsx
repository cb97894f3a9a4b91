import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useBills, useRetryCollection, type Bill, type Membership } from '../api/wallet-api';
import { useKeyedAction } from '../components/keyed-action';
import { WalletFrame } from '../components/wallet-frame';

function billState(bill: Bill): { key: string; badge: string } {
  if (bill.status === 'paid') return { key: 'paid', badge: 'badge' };
  if (bill.status === 'written_off') return { key: 'written_off', badge: 'badge bad' };
  if (bill.status === 'refunded') return { key: 'refunded', badge: 'badge' };
  if (bill.in_flight) return { key: 'collecting', badge: 'badge warn' };
  if (bill.attempts > 0) return { key: 'failed', badge: 'badge bad' };
  return { key: 'due', badge: 'badge warn' };
}

function RetryButton({ membership_id, bill }: { membership_id: string; bill: Bill }) {
  const { t } = useTranslation();
  const retry = useRetryCollection(membership_id);
  const [error, setError] = useState<unknown>();
  const action = useKeyedAction(async (key) => {
    setError(undefined);
    try {
      return await retry.mutateAsync({ charge_id: bill.charge_id, key });
    } catch (caught) {
      setError(caught);
      throw caught;
    }
  });
  return (
    <>
      <button type="button" className="button" disabled={action.busy} onClick={() => void action.run()} aria-label={t('wallet.bills.retryLabel', { cycle: bill.cycle_id ?? bill.reference })}>
        {action.busy ? t('wallet.sending') : t('wallet.bills.retry')}
      </button>
      {error === undefined ? null : (
        <span className="field-error" role="alert">
          {errorMessage(t, error)}
        </span>
      )}
    </>
  );
}

function BillRow({ membership_id, bill }: { membership_id: string; bill: Bill }) {
  const { t } = useTranslation();
  const state = billState(bill);
  return (
    <tr>
      <td>{bill.cycle_id === null ? bill.reference : <Link to={`/cycles/${encodeURIComponent(bill.cycle_id)}`}>{bill.cycle_id}</Link>}</td>
      <td className="number">
        <Money minor={bill.amount_minor} currency={bill.currency} />
      </td>
      <td>{bill.collection_at === null ? '—' : <Day value={bill.collection_at} />}</td>
      <td>{bill.status === 'due' ? <Instant value={bill.retry_until} /> : bill.paid_at === null ? '—' : <Instant value={bill.paid_at} />}</td>
      <td>
        <span className={state.badge}>{t(`wallet.bills.state.${state.key}`)}</span>
        {state.key === 'failed' && bill.last_failure_reason !== null ? (
          <>
            <br />
            <span className="muted">{t(`wallet.failure.${bill.last_failure_reason}`, { defaultValue: bill.last_failure_reason })}</span>
          </>
        ) : null}
        {state.key === 'failed' && bill.next_attempt_at !== null ? (
          <>
            <br />
            <span className="muted">
              {t('wallet.bills.nextAttempt')} <Instant value={bill.next_attempt_at} />
            </span>
          </>
        ) : null}
      </td>
      <td>{bill.retryable ? <RetryButton membership_id={membership_id} bill={bill} /> : null}</td>
    </tr>
  );
}

function Bills({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const bills = useBills(membership.membership_id);
  if (membership.funding_model !== 'post_paid') {
    return (
      <div className="alert info">
        <p>{t('wallet.bills.prepaidNote')}</p>
        <Link to={`/me/memberships/${membership.membership_id}/wallet`}>{t('wallet.toWallet')}</Link>
      </div>
    );
  }
  if (bills.isPending) return <Loading />;
  if (bills.isError) return <ErrorState error={bills.error} onRetry={() => void bills.refetch()} />;
  const failed = bills.data.filter((bill) => bill.status === 'due' && bill.attempts > 0);
  return (
    <>
      <p className="muted">{t('wallet.bills.intro')}</p>
      {failed.length > 0 ? (
        <div className="alert warning" role="status">
          <p>{t('wallet.bills.failedNotice', { count: failed.length })}</p>
        </div>
      ) : null}
      {bills.data.length === 0 ? (
        <div className="card">
          <p>{membership.status === 'waiting' ? t('wallet.bills.noneWaiting') : t('wallet.bills.none')}</p>
          {membership.status === 'waiting' ? (
            <p>
              {t('wallet.coverFrom')} <Day value={membership.waiting_until} />
            </p>
          ) : null}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="money-table">
            <caption>{t('wallet.bills.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wallet.bills.cycle')}</th>
                <th scope="col" className="number">
                  {t('wallet.amount')}
                </th>
                <th scope="col">{t('wallet.bills.collection')}</th>
                <th scope="col">{t('wallet.bills.deadlineOrPaid')}</th>
                <th scope="col">{t('wallet.status')}</th>
                <th scope="col">{t('wallet.bills.action')}</th>
              </tr>
            </thead>
            <tbody>
              {bills.data.map((bill) => (
                <BillRow key={bill.charge_id} membership_id={membership.membership_id} bill={bill} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function BillsPage() {
  const { membership_id = '' } = useParams();
  return (
    <RequireSession>
      <WalletFrame membership_id={membership_id} titleKey="wallet.bills.title">
        {(membership) => <Bills membership={membership} />}
      </WalletFrame>
    </RequireSession>
  );
}
