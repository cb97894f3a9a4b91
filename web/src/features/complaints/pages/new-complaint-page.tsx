import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/client';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Page } from '../../../shared/ui/page';
import { Loading } from '../../../shared/ui/query-state';
import { complaintTextMaxChars, complaintTextMinChars, isSubjectKind, lengthChars, useFileComplaint, useMyClaims, type SubjectKind } from '../api';

/**
 * A new complaint. Opened from a claim or a payment (?kind=claim&id=…), it is about that; opened
 * from the list, the member picks one of their claims. The server checks the subject is theirs.
 */
function NewComplaint() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const givenKind = params.get('kind');
  const givenId = params.get('id');
  const fixed = isSubjectKind(givenKind) && givenId !== null && /^[1-9]\d{0,18}$/.test(givenId) ? { kind: givenKind, id: givenId } : undefined;
  const claims = useMyClaims();
  const [claimId, setClaimId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<{ field: 'subject' | 'text' | 'form'; message: string } | undefined>();
  // One key per attempt at filing: a retried request (a double click, a lost answer) files once.
  const [key, setKey] = useState(newIdempotencyKey);
  const file = useFileComplaint();
  const subjectId = useId();
  const textId = useId();

  const subject: { kind: SubjectKind; id: string } | undefined = fixed ?? (claimId === '' ? undefined : { kind: 'claim', id: claimId });
  const fixedClaim = fixed?.kind === 'claim' ? claims.data?.find((claim) => claim.claim_id === fixed.id) : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (file.isPending) return;
    if (subject === undefined) {
      setError({ field: 'subject', message: t('complaints.new.errors.subject') });
      document.getElementById(subjectId)?.focus();
      return;
    }
    const length = lengthChars(text);
    if (length < complaintTextMinChars || length > complaintTextMaxChars) {
      setError({ field: 'text', message: t('complaints.new.errors.text', { min: complaintTextMinChars, max: complaintTextMaxChars }) });
      document.getElementById(textId)?.focus();
      return;
    }
    setError(undefined);
    file.mutate(
      { body: { subject_kind: subject.kind, subject_id: subject.id, text: text.trim() }, key },
      {
        onSuccess: (complaint) => void navigate(`/complaints/${complaint.complaint_id}`),
        onError: (failure) => {
          setKey(newIdempotencyKey());
          setError({ field: 'form', message: errorMessage(t, failure) });
        },
      },
    );
  }

  return (
    <Page title={t('complaints.new.title')}>
      <p>{t('complaints.new.intro')}</p>
      <form className="card" onSubmit={onSubmit} noValidate>
        {fixed !== undefined ? (
          <p>
            <strong>{t('complaints.subject')}:</strong> {fixedClaim !== undefined ? t('complaints.subjectOf', { kind: t('complaints.kind.claim'), label: fixedClaim.case_number }) : t('complaints.new.subjectById', { kind: t(`complaints.kind.${fixed.kind}`), id: fixed.id })}
          </p>
        ) : claims.isPending ? (
          <Loading />
        ) : (
          <div className="field">
            <label htmlFor={subjectId}>{t('complaints.new.claim')}</label>
            <span className="field-hint" id={`${subjectId}-hint`}>
              {t('complaints.new.claimHint')}
            </span>
            <select
              id={subjectId}
              value={claimId}
              onChange={(event) => setClaimId(event.target.value)}
              aria-invalid={error?.field === 'subject' ? true : undefined}
              aria-describedby={`${subjectId}-hint${error?.field === 'subject' ? ` ${subjectId}-error` : ''}`}
            >
              <option value="">{t('complaints.new.pick')}</option>
              {(claims.data ?? []).map((claim) => (
                <option key={claim.claim_id} value={claim.claim_id}>
                  {claim.case_number} · {claim.name_masked}
                </option>
              ))}
            </select>
            {error?.field === 'subject' ? (
              <span className="field-error" id={`${subjectId}-error`} role="alert">
                {error.message}
              </span>
            ) : null}
          </div>
        )}
        <div className="field">
          <label htmlFor={textId}>{t('complaints.new.text')}</label>
          <span className="field-hint" id={`${textId}-hint`}>
            {t('complaints.new.textHint', { min: complaintTextMinChars, max: complaintTextMaxChars })}
          </span>
          <textarea
            id={textId}
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={error?.field === 'text' ? true : undefined}
            aria-describedby={`${textId}-hint${error?.field === 'text' ? ` ${textId}-error` : ''}`}
          />
          {error?.field === 'text' ? (
            <span className="field-error" id={`${textId}-error`} role="alert">
              {error.message}
            </span>
          ) : null}
        </div>
        {error?.field === 'form' ? (
          <div className="alert error" role="alert">
            <p>{error.message}</p>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={file.isPending}>
          {file.isPending ? t('complaints.new.sending') : t('complaints.new.submit')}
        </button>
      </form>
      <p>
        <Link to="/complaints">{t('complaints.backToList')}</Link>
      </p>
    </Page>
  );
}

export function NewComplaintPage() {
  return (
    <RequireSession>
      <NewComplaint />
    </RequireSession>
  );
}
