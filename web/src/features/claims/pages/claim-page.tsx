import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useAppeal, useMyClaims, usePlans, type OwnClaim } from '../api';
import { ClaimStateBadge, publishedStates } from '../components/claim-state';
import { ClaimTimeline } from '../components/claim-timeline';
import { illnessName, planName } from '../illness-names';

const maxReasonLength = 4000;

/** The colour of the state's summary: a refusal reads as one, a state that waits on people as a warning. */
const alertTone: Partial<Record<OwnClaim['state'], 'error' | 'warning'>> = {
  rejected: 'error',
  rejected_final: 'error',
  objected: 'warning',
  in_jury: 'warning',
  appealed: 'warning',
};

function AppealForm({ claim }: { claim: OwnClaim }) {
  const { t } = useTranslation();
  const appeal = useAppeal(claim.claim_id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `appeal-${claim.claim_id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (appeal.isPending) return;
    const text = reason.trim();
    if (text === '') {
      setError(t('claims.appeal.errors.empty'));
      document.getElementById(id)?.focus();
      return;
    }
    if (text.length > maxReasonLength) {
      setError(t('claims.appeal.errors.long', { limit: maxReasonLength }));
      return;
    }
    setError(undefined);
    appeal.mutate(text, { onError: (failure) => setError(errorMessage(t, failure)) });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('claims.appeal.title')}</h2>
      <p>{t('claims.appeal.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('claims.appeal.reason')}</label>
          <span className="field-hint" id={`${id}-hint`}>
            {t('claims.appeal.reasonHint')}
          </span>
          <textarea
            id={id}
            rows={5}
            value={reason}
            maxLength={maxReasonLength}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
          />
          {error === undefined ? null : (
            <span className="field-error" id={`${id}-error`} role="alert">
              {error}
            </span>
          )}
        </div>
        <button type="submit" className="button" disabled={appeal.isPending}>
          {appeal.isPending ? t('claims.appeal.sending') : t('claims.appeal.submit')}
        </button>
      </form>
    </section>
  );
}

function ClaimDetail({ claim }: { claim: OwnClaim }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const published = publishedStates.includes(claim.state) && claim.notice_starts_at !== null;
  return (
    <Page title={t('claims.caseLabel', { case_number: claim.case_number })} actions={<ClaimStateBadge state={claim.state} />}>
      <div className={`alert ${alertTone[claim.state] ?? 'info'}`} role="status">
        <p>
          <strong>{t(`claims.state.${claim.state}`)}</strong>
        </p>
        <p>{t(`claims.stateMeaning.${claim.state}`)}</p>
        {(claim.state === 'in_notice' || claim.state === 'objected') && claim.notice_ends_at !== null ? (
          <p>
            {t('claims.noticeUntil')} <Instant value={claim.notice_ends_at} />
          </p>
        ) : null}
        {claim.rejection_code === null ? null : (
          <>
            <p>
              <strong>{t('claims.rejectedBecause')}</strong> {t(`claims.rejection.${claim.rejection_code}`, { defaultValue: claim.rejection_code })}
            </p>
            {claim.rejection_text === null ? null : (
              <p className="claims-note">
                <strong>{t('claims.reviewerNote')}</strong> {claim.rejection_text}
              </p>
            )}
          </>
        )}
      </div>

      <div className="grid two claims-grid">
        <section className="card" aria-labelledby="claim-facts">
          <h2 id="claim-facts">{t('claims.facts')}</h2>
          <dl className="claims-facts">
            <div>
              <dt>{t('claims.for')}</dt>
              <dd>{claim.name_masked}</dd>
            </div>
            <div>
              <dt>{t('claims.memberCode')}</dt>
              <dd className="claims-code">{claim.member_code}</dd>
            </div>
            <div>
              <dt>{t('claims.plan')}</dt>
              <dd>{planName(plans.data?.plans, claim.plan_id, language)}</dd>
            </div>
            <div>
              <dt>{t('claims.illness')}</dt>
              <dd>{illnessName(plans.data?.plans, claim.plan_id, claim.illness_code, language)}</dd>
            </div>
            <div>
              <dt>{t('claims.diagnosisDate')}</dt>
              <dd>
                <Day value={claim.diagnosis_date} />
              </dd>
            </div>
            <div>
              <dt>{t('claims.aid')}</dt>
              <dd>
                <Money minor={claim.aid_minor} />
              </dd>
            </div>
            <div>
              <dt>{t('claims.evidence')}</dt>
              <dd>{t('claims.evidenceFiles', { count: claim.evidence_files })}</dd>
            </div>
          </dl>
          {published ? (
            <p>
              <Link to={`/cases/${claim.case_number}`}>{t('claims.caseCardLink')}</Link>
            </p>
          ) : (
            <p className="muted">{t('claims.caseCardLater')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="claim-history">
          <h2 id="claim-history">{t('claims.history')}</h2>
          <ClaimTimeline events={claim.events} />
        </section>
      </div>

      {claim.state === 'rejected' ? <AppealForm claim={claim} /> : null}
      <p>
        <Link to={`/complaints/new?kind=claim&id=${claim.claim_id}`}>{t('complaints.fileAboutClaim')}</Link>
      </p>
      <p>
        <Link to="/me/claims">{t('claims.backToList')}</Link>
      </p>
    </Page>
  );
}

function ClaimNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('claims.notFoundTitle')}>
      <div className="alert warning" role="alert">
        <p>{t('claims.notFoundText')}</p>
      </div>
      <Link to="/me/claims">{t('claims.backToList')}</Link>
    </Page>
  );
}

function Claim() {
  const { claim_id } = useParams();
  const claims = useMyClaims();
  return (
    <QueryState query={claims}>
      {(data) => {
        // The API lists only the claims of memberships I pay for: anyone else's is not there.
        const claim = data.claims.find((entry) => entry.claim_id === claim_id || entry.case_number === claim_id);
        return claim === undefined ? <ClaimNotFound /> : <ClaimDetail claim={claim} />;
      }}
    </QueryState>
  );
}

export function ClaimPage() {
  return (
    <RequireSession>
      <Claim />
    </RequireSession>
  );
}
