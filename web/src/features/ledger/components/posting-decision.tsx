import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useApprovePosting, useRejectPosting, type ManualPosting } from '../api/ledger-api';
import { useKeyedAction } from './keyed-action';
import { useMayAct } from './ledger-parts';

/**
 * The decision on a pending manual posting: approve (only an operator other than its maker: the
 * page says so to the maker, and the API refuses her anyway) or reject with a reason (the maker
 * too: that withdraws it). Someone who may not act sees nothing here.
 */
export function PostingDecision({ posting }: { posting: ManualPosting }) {
  const { t } = useTranslation();
  const mayAct = useMayAct();
  const session = useSession();
  const approve = useApprovePosting();
  const rejectPosting = useRejectPosting();
  const approving = useKeyedAction((id: string, idempotency_key: string) => approve.mutateAsync({ id, idempotency_key }));
  const rejecting = useKeyedAction((reason: string, idempotency_key: string) => rejectPosting.mutateAsync({ id: posting.id, reason, idempotency_key }));
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonId = useId();
  if (!mayAct || posting.status !== 'pending') return null;
  const isMaker = session.data?.id === posting.requested_by.user_id;

  function submitReject(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    void rejecting.run(reason.trim());
  }

  const failure = approve.error ?? rejectPosting.error;
  return (
    <div className="ledger-decision">
      {isMaker ? (
        <p className="alert info ledger-own">{t('ledger.decision.ownPosting')}</p>
      ) : (
        <p>
          <button type="button" className="button" disabled={approving.busy} onClick={() => void approving.run(posting.id)}>
            {approving.busy ? t('ledger.decision.approving') : t('ledger.decision.approve', { id: posting.id })}
          </button>
        </p>
      )}
      <form className="ledger-reject" onSubmit={submitReject} noValidate>
        <div className="field">
          <label htmlFor={reasonId}>{isMaker ? t('ledger.decision.withdrawReason') : t('ledger.decision.rejectReason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={500}
            value={reason}
            aria-invalid={reasonMissing ? true : undefined}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonMissing ? (
            <span className="field-error" id={`${reasonId}-error`} role="alert">
              {t('ledger.decision.reasonRequired')}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button secondary" disabled={rejecting.busy}>
          {isMaker ? t('ledger.decision.withdraw') : t('ledger.decision.reject')}
        </button>
      </form>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {errorMessage(t, failure)}
        </p>
      )}
    </div>
  );
}
