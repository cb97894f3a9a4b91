import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { lengthChars, outcomeTextMaxChars, outcomes, useAssign, useComplaint, useOwners, useRespond, type Outcome, type StaffComplaint } from '../api';
import { ComplaintFacts, ComplaintStateBadge, ComplaintTexts, ComplaintTrail } from '../components/complaint-parts';
import { ComplaintNotFound } from './complaint-page';

function AssignForm({ complaint }: { complaint: StaffComplaint }) {
  const { t } = useTranslation();
  const owners = useOwners();
  const session = useSession();
  const assign = useAssign(complaint.complaint_id);
  const [owner, setOwner] = useState(complaint.owner_user_id ?? session.data?.id ?? '');
  const [error, setError] = useState<string | undefined>();
  const id = useId();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (assign.isPending || owner === '') return;
    setError(undefined);
    assign.mutate(owner, { onError: (failure) => setError(errorMessage(t, failure)) });
  }
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('complaints.assign.title')}</h2>
      <form onSubmit={onSubmit} className="complaint-assign" noValidate>
        <div className="field">
          <label htmlFor={id}>{t('complaints.owner')}</label>
          <select id={id} value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value="">{t('complaints.assign.pick')}</option>
            {(owners.data ?? []).map((entry) => (
              <option key={entry.user_id} value={entry.user_id}>
                {entry.display_name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary" disabled={assign.isPending || owner === ''}>
          {complaint.owner_user_id === null ? t('complaints.assign.submit') : t('complaints.assign.handOver')}
        </button>
      </form>
      {error === undefined ? null : (
        <div className="alert error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </section>
  );
}

function RespondForm({ complaint }: { complaint: StaffComplaint }) {
  const { t } = useTranslation();
  const respond = useRespond(complaint.complaint_id);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [text, setText] = useState('');
  const [error, setError] = useState<{ field: 'outcome' | 'text' | 'form'; message: string } | undefined>();
  const textId = useId();
  const outcomeName = useId();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (respond.isPending) return;
    if (outcome === '') {
      setError({ field: 'outcome', message: t('complaints.respond.errors.outcome') });
      return;
    }
    const length = lengthChars(text);
    if (length < 1 || length > outcomeTextMaxChars) {
      setError({ field: 'text', message: t('complaints.respond.errors.text', { max: outcomeTextMaxChars }) });
      document.getElementById(textId)?.focus();
      return;
    }
    setError(undefined);
    respond.mutate({ outcome, outcome_text: text.trim() }, { onError: (failure) => setError({ field: 'form', message: errorMessage(t, failure) }) });
  }
  return (
    <section className="card" aria-labelledby="respond-title">
      <h2 id="respond-title">{t('complaints.respond.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="field" aria-describedby={error?.field === 'outcome' ? `${outcomeName}-error` : undefined}>
          <legend>{t('complaints.respond.outcome')}</legend>
          {outcomes.map((entry) => (
            <label key={entry} className="complaint-choice">
              <input type="radio" name={outcomeName} value={entry} checked={outcome === entry} onChange={() => setOutcome(entry)} /> {t(`complaints.outcome.${entry}`)}
            </label>
          ))}
          {error?.field === 'outcome' ? (
            <span className="field-error" id={`${outcomeName}-error`} role="alert">
              {error.message}
            </span>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor={textId}>{t('complaints.respond.text')}</label>
          <span className="field-hint" id={`${textId}-hint`}>
            {t('complaints.respond.textHint', { max: outcomeTextMaxChars })}
          </span>
          <textarea
            id={textId}
            rows={5}
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
        <button type="submit" className="button" disabled={respond.isPending}>
          {t('complaints.respond.submit')}
        </button>
      </form>
    </section>
  );
}

function Workbench() {
  const { t } = useTranslation();
  const { complaint_id = '' } = useParams();
  const valid = /^[1-9]\d{0,18}$/.test(complaint_id);
  const complaint = useComplaint(complaint_id, valid);
  const owners = useOwners();
  const names = new Map((owners.data ?? []).map((owner) => [owner.user_id, owner.display_name]));
  if (!valid) return <ComplaintNotFound back="/staff/complaints" />;
  if (complaint.isPending) return <Loading />;
  if (complaint.isError) {
    if (complaint.error instanceof ApiError && complaint.error.status === 404) return <ComplaintNotFound back="/staff/complaints" />;
    return <ErrorState error={complaint.error} onRetry={() => void complaint.refetch()} />;
  }
  const data = complaint.data as StaffComplaint;
  const awaiting = data.state === 'filed' || data.state === 'assigned';
  return (
    <Page title={t('complaints.titleOf', { id: data.complaint_id })} actions={<ComplaintStateBadge complaint={data} />}>
      {data.overdue ? (
        <div className="alert warning" role="status">
          <p>{t('complaints.queue.overdueNote')}</p>
        </div>
      ) : null}
      <div className="grid two">
        <section className="card" aria-labelledby="complaint-facts">
          <h2 id="complaint-facts">{t('complaints.facts')}</h2>
          <ComplaintFacts complaint={data} />
        </section>
        <ComplaintTrail complaint={data} names={names} />
      </div>
      <ComplaintTexts complaint={data} staff />
      {awaiting ? (
        <div className="grid two">
          <AssignForm complaint={data} />
          <RespondForm complaint={data} />
        </div>
      ) : null}
      <p>
        <Link to="/staff/complaints">{t('complaints.queue.back')}</Link>
      </p>
    </Page>
  );
}

export function StaffComplaintPage() {
  return (
    <RequireRole roles={staffAccess.complaints}>
      <Workbench />
    </RequireRole>
  );
}
