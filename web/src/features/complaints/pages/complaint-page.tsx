import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { lengthChars, replyTextMaxChars, useComplaint, useReply, type AnyComplaint } from '../api';
import { ComplaintFacts, ComplaintStateBadge, ComplaintTexts, ComplaintTrail } from '../components/complaint-parts';

/** The member's answer to the outcome: accept it or dispute it, once, with an optional note. */
function ReplyForm({ complaint }: { complaint: AnyComplaint }) {
  const { t } = useTranslation();
  const reply = useReply(complaint.complaint_id);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const noteId = useId();

  function send(event: FormEvent, answer: 'accept' | 'dispute') {
    event.preventDefault();
    if (reply.isPending) return;
    if (lengthChars(note) > replyTextMaxChars) {
      setError(t('complaints.replyForm.tooLong', { max: replyTextMaxChars }));
      return;
    }
    setError(undefined);
    reply.mutate({ reply: answer, ...(note.trim() === '' ? {} : { reply_text: note.trim() }) }, { onError: (failure) => setError(errorMessage(t, failure)) });
  }

  return (
    <section className="card" aria-labelledby="reply-title">
      <h2 id="reply-title">{t('complaints.replyForm.title')}</h2>
      <p>{t('complaints.replyForm.intro')}</p>
      <form onSubmit={(event) => send(event, 'accept')} noValidate>
        <div className="field">
          <label htmlFor={noteId}>{t('complaints.replyForm.note')}</label>
          <span className="field-hint" id={`${noteId}-hint`}>
            {t('complaints.replyForm.noteHint', { max: replyTextMaxChars })}
          </span>
          <textarea id={noteId} rows={3} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby={`${noteId}-hint`} />
        </div>
        {error === undefined ? null : (
          <div className="alert error" role="alert">
            <p>{error}</p>
          </div>
        )}
        <div className="complaint-actions">
          <button type="submit" className="button" disabled={reply.isPending}>
            {t('complaints.replyForm.accept')}
          </button>
          <button type="button" className="button secondary" disabled={reply.isPending} onClick={(event) => send(event, 'dispute')}>
            {t('complaints.replyForm.dispute')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ComplaintNotFound({ back }: { back: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('complaints.notFoundTitle')}>
      <div className="alert warning" role="alert">
        <p>{t('complaints.notFoundText')}</p>
      </div>
      <Link to={back}>{t('complaints.backToList')}</Link>
    </Page>
  );
}

function Complaint() {
  const { t } = useTranslation();
  const { complaint_id = '' } = useParams();
  const valid = /^[1-9]\d{0,18}$/.test(complaint_id);
  const complaint = useComplaint(complaint_id, valid);
  if (!valid) return <ComplaintNotFound back="/complaints" />;
  if (complaint.isPending) return <Loading />;
  if (complaint.isError) {
    // Someone else's complaint is "not found", exactly as a missing one.
    if (complaint.error instanceof ApiError && complaint.error.status === 404) return <ComplaintNotFound back="/complaints" />;
    return <ErrorState error={complaint.error} onRetry={() => void complaint.refetch()} />;
  }
  const data = complaint.data;
  return (
    <Page title={t('complaints.titleOf', { id: data.complaint_id })} actions={<ComplaintStateBadge complaint={data} />}>
      <div className={`alert ${data.overdue || data.state === 'disputed' ? 'warning' : 'info'}`} role="status">
        <p>{t(`complaints.stateMeaning.${data.state}`)}</p>
      </div>
      <div className="grid two">
        <section className="card" aria-labelledby="complaint-facts">
          <h2 id="complaint-facts">{t('complaints.facts')}</h2>
          <ComplaintFacts complaint={data} />
        </section>
        <ComplaintTrail complaint={data} />
      </div>
      <ComplaintTexts complaint={data} />
      {data.state === 'responded' ? <ReplyForm complaint={data} /> : null}
      <p>
        <Link to="/complaints">{t('complaints.backToList')}</Link>
      </p>
    </Page>
  );
}

export function ComplaintPage() {
  return (
    <RequireSession>
      <Complaint />
    </RequireSession>
  );
}
