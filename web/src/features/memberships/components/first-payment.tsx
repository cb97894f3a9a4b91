import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { minorToDecimal, parseMoneyInput } from '../../../shared/format/money';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Money } from '../../../shared/ui/money';
import { useFirstTopUp } from '../api/members-api';

/**
 * The first top-up of a prepaid membership, right after joining. One Idempotency-Key per action:
 * made at the first press, kept for a retry of the same amount, new after a change or a success;
 * the button is disabled (and a second press ignored) while the request is out.
 */
export function FirstPayment({ membership_id, currency, min_minor, max_minor }: { membership_id: string; currency: string; min_minor: string; max_minor: string }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(minorToDecimal(min_minor, currency));
  const [problem, setProblem] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const key = useRef<string | null>(null);
  const topUp = useFirstTopUp(membership_id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const amount_minor = parseMoneyInput(amount, currency);
    if (amount_minor === undefined || amount_minor <= 0n) return setProblem(t('memberships.firstPayment.badAmount'));
    if (amount_minor < BigInt(min_minor) || amount_minor > BigInt(max_minor)) {
      return setProblem(t('memberships.firstPayment.outOfRange', { min: minorToDecimal(min_minor, currency), max: minorToDecimal(max_minor, currency) }));
    }
    setProblem(undefined);
    setSending(true);
    key.current ??= newIdempotencyKey();
    try {
      await topUp.mutateAsync({ amount_minor: amount_minor.toString(), key: key.current });
      key.current = null;
    } catch (error) {
      // A refusal released the key on the server; a lost answer keeps it, so a retry pays once.
      if (error instanceof ApiError && error.status < 500) key.current = null;
    } finally {
      setSending(false);
    }
  }

  if (topUp.isSuccess) {
    return (
      <div className="alert info" role="status">
        <p>
          {t('memberships.firstPayment.requested')} <Money minor={topUp.data.amount_minor} currency={topUp.data.currency} />
        </p>
        <p>{t('memberships.firstPayment.confirmNote')}</p>
        <Link to={`/me/memberships/${membership_id}/wallet`}>{t('memberships.firstPayment.toWallet')}</Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="first-payment-title">
      <h3 id="first-payment-title">{t('memberships.firstPayment.title')}</h3>
      <p>{t('memberships.firstPayment.text', { min: minorToDecimal(min_minor, currency) })}</p>
      <TextField
        label={t('memberships.firstPayment.amount', { currency })}
        inputMode="decimal"
        value={amount}
        onChange={(event) => {
          setAmount(event.target.value);
          key.current = null;
        }}
        error={problem ?? (topUp.isError ? errorMessage(t, topUp.error) : undefined)}
      />
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('memberships.firstPayment.sending') : t('memberships.firstPayment.pay')}
      </button>
    </form>
  );
}
