import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Instant, Money } from '../../../shared/ui/money';
import type { ManualPosting } from '../api/ledger-api';
import { AccountLink, StatusBadge, transactionAmount } from './ledger-parts';

/** What a manual posting asks for and who asked and decided, as a definition list. */
export function PostingFacts({ posting }: { posting: ManualPosting }) {
  const { t } = useTranslation();
  const legs = posting.request.legs;
  return (
    <dl className="facts">
      <div>
        <dt>{t('ledger.postings.status')}</dt>
        <dd>
          <StatusBadge status={posting.status} />
        </dd>
      </div>
      <div>
        <dt>{t('ledger.postings.kind')}</dt>
        <dd>{t(`ledger.postings.kinds.${posting.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('ledger.postings.reason')}</dt>
        <dd>{posting.request.description === '' ? '—' : posting.request.description}</dd>
      </div>
      <div>
        <dt>{t('ledger.postings.amount')}</dt>
        <dd>
          <Money minor={transactionAmount(posting.request)} currency={posting.request.currency} />
        </dd>
      </div>
      {legs.map((leg, index) => (
        <div key={index}>
          <dt>{t(leg.side === 'debit' ? 'ledger.legs.debit' : 'ledger.legs.credit')}</dt>
          <dd>
            <AccountLink code={leg.account_code} /> <Money minor={leg.amount_minor} currency={posting.request.currency} />
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('ledger.postings.askedBy')}</dt>
        <dd>
          {posting.requested_by.username} · <Instant value={posting.requested_at} />
        </dd>
      </div>
      {posting.decided_by === null ? null : (
        <div>
          <dt>{t(posting.status === 'approved' ? 'ledger.postings.approvedBy' : 'ledger.postings.rejectedBy')}</dt>
          <dd>
            {posting.decided_by.username}
            {posting.decided_at === null ? null : (
              <>
                {' · '}
                <Instant value={posting.decided_at} />
              </>
            )}
          </dd>
        </div>
      )}
      {posting.decision_reason === null ? null : (
        <div>
          <dt>{t('ledger.postings.decisionReason')}</dt>
          <dd>{posting.decision_reason}</dd>
        </div>
      )}
      {posting.transaction_id === null ? null : (
        <div>
          <dt>{t('ledger.postings.transaction')}</dt>
          <dd>
            <Link to={`/staff/ledger/transactions/${posting.transaction_id}`}>#{posting.transaction_id}</Link>
          </dd>
        </div>
      )}
    </dl>
  );
}
