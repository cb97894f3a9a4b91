import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useRequeuePayout, type Payout } from '../api';

/** A payout the operator may send again: attempts used up, or its last attempt failed and it waits for the next. */
export function mayRequeue(payout: Payout): boolean {
  return payout.status === 'failed' || (payout.status === 'due' && payout.last_failure_reason !== null);
}

/**
 * Requeue with a confirmation. One Idempotency-Key per confirmed request, kept while it is retried
 * after a lost answer, so a requeue counts once; disabled while the request (or the payout's attempt) is pending.
 */
export function RequeueButton({ payout }: { payout: Payout }) {
  const { t } = useTranslation();
  const requeue = useRequeuePayout();
  const [confirming, setConfirming] = useState(false);
  const key = useRef<string | null>(null);
  const pending = requeue.isPending || payout.status === 'in_flight';
  const confirm = () => {
    key.current ??= newIdempotencyKey();
    requeue.mutate(
      { payout_id: payout.id, key: key.current },
      {
        onSuccess: () => {
          key.current = null;
          setConfirming(false);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) key.current = null;
        },
      },
    );
  };
  if (!confirming) {
    return (
      <button type="button" className="button secondary" disabled={pending} onClick={() => setConfirming(true)} aria-label={t('staffCycles.payouts.requeueFor', { id: payout.id })}>
        {t('staffCycles.payouts.requeue')}
      </button>
    );
  }
  return (
    <div className="staff-cycles-confirm" role="group" aria-label={t('staffCycles.payouts.confirmLabel', { id: payout.id })}>
      <p>{t('staffCycles.payouts.confirmText', { id: payout.id, case: payout.case_number })}</p>
      <div className="row">
        <button type="button" className="button" disabled={pending} onClick={confirm}>
          {t('staffCycles.payouts.confirm')}
        </button>
        <button type="button" className="button secondary" disabled={requeue.isPending} onClick={() => setConfirming(false)}>
          {t('staffCycles.payouts.cancel')}
        </button>
      </div>
      {requeue.isError ? (
        <p className="field-error" role="alert">
          {errorMessage(t, requeue.error)}
        </p>
      ) : null}
    </div>
  );
}
