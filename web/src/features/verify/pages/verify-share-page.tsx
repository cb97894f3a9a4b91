import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { loginPath } from '../../../shared/auth/require-session';
import { useSession } from '../../../shared/auth/session';
import { ErrorState, Loading, QueryState } from '../../../shared/ui/query-state';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { checkShareProof, readProof, type MemberProof, type ShareCheck } from '../../../shared/verify/share-check';
import { useMembershipProof, useOperatorKey, usePublicCycle } from '../api/verify-queries';

/** `?membership=<id>&cycle=<cycle_id>`: the member pages link here to check the member's own proof. */
function useAccountProofRequest(): { membership_id: string; cycle_id: string } | null {
  const [params] = useSearchParams();
  const membership_id = params.get('membership');
  const cycle_id = params.get('cycle');
  if (membership_id === null || cycle_id === null || !/^[1-9][0-9]{0,18}$/.test(membership_id) || cycle_id === '') return null;
  return { membership_id, cycle_id };
}

function AccountProofNotice({ request, state }: { request: { cycle_id: string }; state: 'visitor' | 'loaded' }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (state === 'visitor') {
    return (
      <div className="alert warning">
        <p>{t('verify.share.loginNeeded', { cycle: request.cycle_id })}</p>
        <Link className="button secondary" to={loginPath(location.pathname + location.search)}>
          {t('verify.share.loginLink')}
        </Link>
      </div>
    );
  }
  return <p className="alert info">{t('verify.share.loadedFromAccount', { cycle: request.cycle_id })}</p>;
}

function CheckLine({ check }: { check: ShareCheck }) {
  const { t } = useTranslation();
  return (
    <li className={check.ok ? 'verify-check' : 'verify-check failed'}>
      <span className={check.ok ? 'badge' : 'badge bad'}>
        <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
        {check.ok ? t('verify.share.passed') : t('verify.share.notPassed')}
      </span>{' '}
      <span className="verify-sentence">{t(`verify.share.checks.${check.id}.${check.ok ? 'ok' : 'failed'}`, check.values)}</span>
    </li>
  );
}

/** The checks of one proof against the cycle's signed header and the operator's key. */
function ResultHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The result appears below the form: take the reader (and the screen reader) to it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id="share-result-heading" ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}

function ShareResult({ proof }: { proof: MemberProof }) {
  const { t } = useTranslation();
  const cycle = usePublicCycle(proof.cycle_id);
  const key = useOperatorKey();
  const header_json = cycle.data?.header_json;
  const public_key_hex = key.data?.public_key_hex;
  const check = useQuery({
    queryKey: ['verify', 'share-check', proof, header_json, public_key_hex],
    queryFn: () => checkShareProof(proof, { header_json: header_json ?? null }, public_key_hex ?? ''),
    enabled: header_json !== undefined && public_key_hex !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  if (cycle.isError) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (key.isError) return <ErrorState error={key.error} onRetry={() => void key.refetch()} />;
  return (
    <QueryState query={check}>
      {(result) => (
        <section className="card verify-result" aria-labelledby="share-result-heading">
          <ResultHeading>{t('verify.share.resultTitle')}</ResultHeading>
          <div className={result.ok ? 'alert info' : 'alert error'} role="status">
            <p className="verify-verdict">{result.ok ? t('verify.share.ok') : t('verify.share.failed')}</p>
            <p>{result.ok ? t('verify.share.okText', { cycle: proof.cycle_id }) : t('verify.share.failedText', { cycle: proof.cycle_id })}</p>
          </div>
          <dl className="verify-facts">
            <dt>{t('verify.share.member', { member_code: proof.member_code })}</dt>
            <dd>{t('verify.share.leaf', { leaf: proof.leaf_index + 1, tree_size: proof.tree_size })}</dd>
            <dt>{t('verify.share.shareLabel')}</dt>
            <dd>
              <Money minor={proof.share_minor} currency={cycle.data?.cycle.currency ?? 'CNY'} />
            </dd>
          </dl>
          <ul className="verify-checks">
            {result.checks.map((item) => (
              <CheckLine key={item.id} check={item} />
            ))}
          </ul>
          <p className="muted">
            {t('verify.share.engine', { hash: t(`verify.share.engines.${result.engine.hash}`), signature: t(`verify.share.engines.${result.engine.signature}`) })}
          </p>
          <p>
            <Link to={`/verify/cycle?cycle=${encodeURIComponent(proof.cycle_id)}`}>{t('verify.share.toCycle')}</Link>
          </p>
        </section>
      )}
    </QueryState>
  );
}

export function VerifySharePage() {
  const { t } = useTranslation();
  const id = useId();
  const request = useAccountProofRequest();
  const session = useSession();
  const accountProof = useMembershipProof(session.data ? request : null);
  const accountText = accountProof.data === undefined ? null : JSON.stringify(accountProof.data, null, 2);

  // What the person typed or opened; until then the proof loaded from their account, if any.
  const [draft, setDraft] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [fileError, setFileError] = useState(false);
  const text = draft ?? accountText ?? '';
  const checked = submitted ?? accountText;
  const reading = checked === null || checked.trim() === '' ? null : readProof(checked);

  let fieldError: string | undefined;
  if (fileError) fieldError = t('verify.share.fileUnreadable');
  else if (submitted !== null && submitted.trim() === '') fieldError = t('verify.share.errorEmpty');
  else if (reading !== null && !reading.ok) fieldError = t(reading.reason === 'json' ? 'verify.share.errorJson' : 'verify.share.errorFormat', { message: reading.message });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFileError(false);
    setSubmitted(text);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    try {
      const content = await file.text();
      setFileError(false);
      setDraft(content);
      setSubmitted(content);
    } catch {
      setFileError(true);
    }
  }

  const describedBy = [`${id}-hint`, fieldError === undefined ? null : `${id}-error`].filter((part) => part !== null).join(' ');
  return (
    <Page title={t('verify.share.title')}>
      <p className="verify-lead">{t('verify.share.intro')}</p>
      {request === null ? null : session.isPending || (session.data && accountProof.isPending) ? (
        <Loading />
      ) : session.isError ? (
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      ) : !session.data ? (
        <AccountProofNotice request={request} state="visitor" />
      ) : accountProof.isError ? (
        <ErrorState error={accountProof.error} onRetry={() => void accountProof.refetch()} />
      ) : (
        <AccountProofNotice request={request} state="loaded" />
      )}
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-proof`}>{t('verify.share.proofLabel')}</label>
          <span className="field-hint" id={`${id}-hint`}>
            {t('verify.share.proofHint')}
          </span>
          <textarea
            id={`${id}-proof`}
            className="verify-proof-text"
            rows={8}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={text}
            onChange={(event) => setDraft(event.target.value)}
            aria-invalid={fieldError === undefined ? undefined : true}
            aria-describedby={describedBy}
          />
          {fieldError === undefined ? null : (
            <span className="field-error" id={`${id}-error`} role="alert">
              {fieldError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('verify.share.fileLabel')}</label>
          <input id={`${id}-file`} type="file" accept=".json,application/json" onChange={(event) => void onFile(event)} />
        </div>
        <button type="submit" className="button">
          {t('verify.share.check')}
        </button>
      </form>
      {reading?.ok === true ? <ShareResult proof={reading.proof} /> : null}
    </Page>
  );
}
