import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePlanClosure } from '../../../shared/api/plan-closure';
import { RequireSession } from '../../../shared/auth/require-session';
import { minorToDecimal, parseMoneyInput } from '../../../shared/format/money';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Day, Money } from '../../../shared/ui/money';
import { InstantDay } from '../components/instant-day';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useMoney, usePlan, useRefund, useShareHistory, useTopUp, type Membership, type MoneyStatement, type Plan } from '../api/wallet-api';
import { useKeyedAction } from '../components/keyed-action';
import { WalletFrame } from '../components/wallet-frame';

type PrepaidRules = Extract<Plan['current_version']['rules']['funding'], { model: 'prepaid' }>;

/** How many of the latest shares the low-balance notice looks ahead: two cycles, about a month. */
const sharesAhead = 2;

function LowBalance({ membership, balance_minor, funding, currency }: { membership: Membership; balance_minor: bigint; funding: PrepaidRules; currency: string }) {
  const { t } = useTranslation();
  const shares = useShareHistory();
  const recent = (shares.data?.lines ?? []).filter((line) => line.membership_id === membership.membership_id).slice(0, sharesAhead);
  const expected_minor = recent.reduce((sum, line) => sum + BigInt(line.share_minor), 0n);
  const threshold_minor = expected_minor > BigInt(funding.low_balance_minor) ? expected_minor : BigInt(funding.low_balance_minor);
  if (shares.isPending || balance_minor >= threshold_minor) return null;
  return (
    <div className="alert warning" role="status">
      <p>
        <strong>{t('wallet.low.title')}</strong>
      </p>
      <p>
        {recent.length > 0 ? (
          <>
            {t('wallet.low.expected', { count: recent.length })} <Money minor={expected_minor} currency={currency} />
            {t('wallet.low.end')}
          </>
        ) : (
          <>
            {t('wallet.low.threshold')} <Money minor={funding.low_balance_minor} currency={currency} />
            {t('wallet.low.end')}
          </>
        )}{' '}
        {t('wallet.low.lapse', { days: funding.grace_days })}
      </p>
    </div>
  );
}

function AmountForm({
  label,
  hint,
  submitLabel,
  currency,
  check,
  send,
  fillAll,
  doneMessage,
}: {
  label: string;
  hint: string;
  submitLabel: string;
  currency: string;
  check: (amount_minor: bigint) => string | undefined;
  send: (amount_minor: string, key: string) => Promise<unknown>;
  fillAll?: { label: string; minor: bigint };
  doneMessage: string;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [apiError, setApiError] = useState<unknown>();
  const action = useKeyedAction(async (key) => {
    const amount_minor = parseMoneyInput(amount, currency)!;
    try {
      const result = await send(amount_minor.toString(), key);
      setDone(true);
      setAmount('');
      return result;
    } catch (error) {
      setApiError(error);
      throw error;
    }
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setApiError(undefined);
    const amount_minor = parseMoneyInput(amount, currency);
    const found = amount_minor === undefined || amount_minor <= 0n ? t('wallet.badAmount') : check(amount_minor);
    setProblem(found);
    if (found !== undefined) return;
    await action.run();
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={label}
        hint={hint}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(event) => {
          setAmount(event.target.value);
          setProblem(undefined);
          setDone(false);
          action.changed();
        }}
        error={problem ?? (apiError === undefined ? undefined : errorMessage(t, apiError))}
      />
      <div className="row">
        <button type="submit" className="button" disabled={action.busy}>
          {action.busy ? t('wallet.sending') : submitLabel}
        </button>
        {fillAll === undefined || fillAll.minor <= 0n ? null : (
          <button
            type="button"
            className="button secondary"
            disabled={action.busy}
            onClick={() => {
              setAmount(minorToDecimal(fillAll.minor, currency));
              setProblem(undefined);
              action.changed();
            }}
          >
            {fillAll.label}
          </button>
        )}
      </div>
      {done ? (
        <p className="alert info" role="status">
          {doneMessage}
        </p>
      ) : null}
    </form>
  );
}

const paymentSign: Record<string, string> = { top_up: '+', wallet_refund: '−', share_refund: '+', collection: '' };

function Statement({ money, currency }: { money: MoneyStatement; currency: string }) {
  const { t } = useTranslation();
  const rows = [
    ...money.payments.map((payment) => ({
      id: `p${payment.id}`,
      at: payment.created_at,
      what: t(`wallet.kind.${payment.kind}`, { defaultValue: payment.kind }),
      sign: paymentSign[payment.kind] ?? '',
      amount_minor: payment.amount_minor,
      status: t(`wallet.paymentStatus.${payment.status}`, { defaultValue: payment.status }),
      note: payment.failure_reason === null ? '' : t(`wallet.failure.${payment.failure_reason}`, { defaultValue: payment.failure_reason }),
      detail: '',
      complain: `/complaints/new?kind=payment&id=${payment.id}`,
    })),
    ...money.charges.map((charge) => ({
      id: `c${charge.id}`,
      at: charge.created_at,
      what: t('wallet.kind.shareShort'),
      detail: charge.reference.replace(/^cycle:/, ''),
      sign: '−',
      amount_minor: charge.amount_minor,
      status: t(`wallet.chargeStatus.${charge.status}`, { defaultValue: charge.status }),
      note: '',
      complain: `/complaints/new?kind=share_charge&id=${charge.id}`,
    })),
  ].sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  if (rows.length === 0) return <p className="muted">{t('wallet.statementEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="money-table">
        <caption>{t('wallet.statementCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wallet.date')}</th>
            <th scope="col">{t('wallet.what')}</th>
            <th scope="col" className="number">
              {t('wallet.amount')}
            </th>
            <th scope="col">{t('wallet.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <InstantDay value={row.at} />
              </td>
              <td>
                {row.what}
                {row.detail === '' ? null : (
                  <>
                    <br />
                    <span className="muted">{row.detail}</span>
                  </>
                )}
              </td>
              <td className="number">
                <span className="money">
                  {row.sign}
                  <Money minor={row.amount_minor} currency={currency} />
                </span>
              </td>
              <td className="status-cell">
                {row.status}
                {row.note === '' ? null : <span className="muted"> ({row.note})</span>}
                <br />
                <Link className="complaint-link" to={row.complain}>
                  {t('complaints.fileAboutThis')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Between the closure date and the signed report the closure itself refunds the wallet at closure
 * (a refund asked for beside it is refused with FUNDING_CLOSURE_REFUND_DUE), so the page offers none.
 */
function closureRefundsWallet(step: string | undefined): boolean {
  return step === 'closed' || step === 'refunds_done' || step === 'receivables_done';
}

/** The plan is closing or closed: the date, what happens to the balance, and the member's refund line. */
function ClosureNotice({ membership, step, closure_date }: { membership: Membership; step: string; closure_date: string }) {
  const { t } = useTranslation();
  const text = step === 'announced' ? 'wallet.closure.announced' : step === 'finalised' ? 'wallet.closure.finalised' : 'wallet.closure.refunding';
  return (
    <section className="alert warning" aria-labelledby="wallet-closure-title" data-testid="wallet-closure-notice">
      <h2 id="wallet-closure-title">{t(step === 'finalised' ? 'wallet.closure.closedTitle' : 'wallet.closure.closingTitle')}</h2>
      <p>
        {t('wallet.closure.date')} <Day value={closure_date} />
      </p>
      <p>{t(text)}</p>
      {/* The closure feature's page of the member's refund, linked by its path (features never import each other). */}
      <Link className="more-link" to={`/memberships/${membership.membership_id}/closure`} data-testid="wallet-closure-link">
        {t('wallet.closure.myRefund')}
      </Link>
    </section>
  );
}

function Wallet({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const money = useMoney(membership.membership_id);
  const plan = usePlan(membership.plan_id);
  const closure = usePlanClosure(membership.plan_id);
  const topUp = useTopUp(membership.membership_id);
  const refund = useRefund(membership.membership_id);
  if (membership.funding_model !== 'prepaid') {
    return (
      <div className="alert info">
        <p>{t('wallet.postPaidNote')}</p>
        <Link to={`/me/memberships/${membership.membership_id}/bills`}>{t('wallet.toBills')}</Link>
      </div>
    );
  }
  if (money.isPending || plan.isPending) return <Loading />;
  if (money.isError) return <ErrorState error={money.error} onRetry={() => void money.refetch()} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const rules = plan.data.current_version.rules;
  const funding = rules.funding;
  if (funding.model !== 'prepaid') return null;
  const currency = rules.currency;
  const balance_minor = BigInt(money.data.balance_minor ?? '0');
  const pending = money.data.payments.filter((payment) => payment.status === 'pending');
  const live = membership.status === 'waiting' || membership.status === 'active';
  const step = closure.data?.step;
  return (
    <>
      {closure.data === undefined || closure.data === null ? null : <ClosureNotice membership={membership} step={closure.data.step} closure_date={closure.data.closure_date} />}
      <section className="card" aria-labelledby="balance-title">
        <h2 id="balance-title">{t('wallet.balance')}</h2>
        <p className="stat" data-testid="wallet-balance">
          <Money minor={balance_minor} currency={currency} />
        </p>
        {pending.map((payment) => (
          <p key={payment.id} className="muted" role="status">
            {t(`wallet.pending.${payment.kind}`, { defaultValue: t('wallet.pending.other') })} <Money minor={payment.amount_minor} currency={currency} />
          </p>
        ))}
      </section>
      {live ? <LowBalance membership={membership} balance_minor={balance_minor} funding={funding} currency={currency} /> : null}
      <div className="grid two">
        {live ? (
          <section className="card" aria-labelledby="top-up-title">
            <h2 id="top-up-title">{t('wallet.topUp.title')}</h2>
            <AmountForm
              label={t('wallet.topUp.amount', { currency })}
              hint={t('wallet.topUp.hint', { min: minorToDecimal(funding.min_top_up_minor, currency), max: minorToDecimal(funding.max_top_up_minor, currency) })}
              submitLabel={t('wallet.topUp.submit')}
              currency={currency}
              check={(amount_minor) => {
                if (amount_minor < BigInt(funding.min_top_up_minor)) return t('wallet.topUp.belowMin', { min: minorToDecimal(funding.min_top_up_minor, currency) });
                if (amount_minor > BigInt(funding.max_top_up_minor)) return t('wallet.topUp.aboveMax', { max: minorToDecimal(funding.max_top_up_minor, currency) });
                if (balance_minor + amount_minor > BigInt(funding.max_wallet_balance_minor)) {
                  return t('wallet.topUp.walletLimit', { max: minorToDecimal(funding.max_wallet_balance_minor, currency) });
                }
                return undefined;
              }}
              send={(amount_minor, key) => topUp.mutateAsync({ amount_minor, key })}
              doneMessage={t('wallet.topUp.done')}
            />
          </section>
        ) : (
          <p className="alert info">{t('wallet.notLive')}</p>
        )}
        <section className="card" aria-labelledby="refund-title">
          <h2 id="refund-title">{t('wallet.refund.title')}</h2>
          {closureRefundsWallet(step) ? (
            <p data-testid="wallet-refund-by-closure">{t('wallet.closure.refundByClosure')}</p>
          ) : (
            <AmountForm
              label={t('wallet.refund.amount', { currency })}
              hint={t('wallet.refund.hint', { balance: minorToDecimal(balance_minor, currency) })}
              submitLabel={t('wallet.refund.submit')}
              currency={currency}
              check={(amount_minor) => (amount_minor > balance_minor ? t('wallet.refund.aboveBalance', { balance: minorToDecimal(balance_minor, currency) }) : undefined)}
              send={(amount_minor, key) => refund.mutateAsync({ amount_minor, key })}
              fillAll={{ label: t('wallet.refund.all'), minor: balance_minor }}
              doneMessage={t('wallet.refund.done')}
            />
          )}
        </section>
      </div>
      <section aria-labelledby="statement-title">
        <h2 id="statement-title">{t('wallet.statement')}</h2>
        <Statement money={money.data} currency={currency} />
      </section>
      {membership.status === 'waiting' ? (
        <p className="muted">
          {t('wallet.coverFrom')} <Day value={membership.waiting_until} />
        </p>
      ) : null}
    </>
  );
}

export function WalletPage() {
  const { membership_id = '' } = useParams();
  return (
    <RequireSession>
      <WalletFrame membership_id={membership_id} titleKey="wallet.title">
        {(membership) => <Wallet membership={membership} />}
      </WalletFrame>
    </RequireSession>
  );
}
