import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ApiError } from '../../../shared/api/client';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { checkClosureLine } from '../../../shared/verify/closure-check';
import { useClosureLine, useOperatorKey, type ClosureLine } from '../api';
import { TransferConsentCard } from '../components/transfer-offer';

function LineCheck({ line, operator_key_hex }: { line: ClosureLine; operator_key_hex: string | null }) {
  const { t } = useTranslation();
  const result = useMemo(() => checkClosureLine(line.proof, line.signed_header_json, operator_key_hex), [line, operator_key_hex]);
  const { proof } = line;
  return (
    <>
      <section className="card" aria-labelledby="refund-line">
        <h2 id="refund-line">{t('closure.mine.line', { code: proof.member_code })}</h2>
        <dl className="facts">
          <div>
            <dt>{t('closure.walletAtClosure')}</dt>
            <dd>
              <Money minor={proof.wallet_at_closure_minor} />
            </dd>
          </div>
          <div>
            <dt>{t('closure.refunded')}</dt>
            <dd>
              <Money minor={proof.refunded_minor} />
            </dd>
          </div>
          <div>
            <dt>{t('closure.unclaimed')}</dt>
            <dd>
              <Money minor={proof.unclaimed_minor} />
            </dd>
          </div>
        </dl>
        {proof.unclaimed_minor === '0' ? null : <p>{t('closure.mine.unclaimedNote')}</p>}
      </section>
      <section className="card" aria-labelledby="refund-check">
        <h2 id="refund-check">{t('closure.mine.check')}</h2>
        <p className={result.ok ? 'alert info' : 'alert error'} role="status" data-verified={result.ok}>
          {result.ok ? t('closure.mine.ok') : t('closure.mine.failed')}
        </p>
        <ul>
          {result.checks.map((check) => (
            <li key={check.id}>
              {check.ok ? '✓' : '✗'} {t(`closure.checks.${check.id}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function MyRefund() {
  const { t } = useTranslation();
  const membership_id = useParams().id ?? '';
  const line = useClosureLine(membership_id);
  const key = useOperatorKey();
  // The check waits for the operator's published key: it is what the signature is checked against.
  return (
    <Page title={t('closure.mine.title')}>
      <TransferConsentCard membership_id={membership_id} />
      {line.isPending || key.isPending ? (
        <Loading />
      ) : line.isError ? (
        line.error instanceof ApiError && line.error.code === 'CLOSURE_REPORT_NOT_FOUND' ? (
          <div className="alert info" role="status">
            <p>{t('closure.mine.notYet')}</p>
          </div>
        ) : line.error instanceof ApiError && line.error.code === 'CLOSURE_LINE_NOT_FOUND' ? (
          // Before the close (or for a membership that ended before it) there is no line: a fact, not a failure.
          <div className="alert info" role="status" data-testid="refund-no-line">
            <p>{t('closure.mine.noLine')}</p>
          </div>
        ) : line.error instanceof ApiError && (line.error.status === 403 || line.error.status === 404) ? (
          // Not hers (or no such membership): a refusal, not a failure to retry.
          <ErrorState error={line.error} />
        ) : (
          <ErrorState error={line.error} onRetry={() => void line.refetch()} />
        )
      ) : (
        <LineCheck line={line.data} operator_key_hex={key.data?.public_key_hex ?? null} />
      )}
    </Page>
  );
}

/** A member's own refund at their plan's closure, checked in the browser against the signed report. */
export function MyRefundPage() {
  return (
    <RequireSession>
      <MyRefund />
    </RequireSession>
  );
}
