import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { useConfirmSignUp, useResendSignUpCode } from '../api/account-api';
import { DevMailboxLink } from '../components/dev-mailbox-link';
import { FormError, useFieldErrors } from '../components/form-error';
import { forgetPendingContact, pendingContact, rememberPendingContact } from '../components/pending-contact';
import { ResendButton, resendTime, retryAfterSeconds } from '../components/resend-button';
import { isCode, isContact } from '../components/validate';
import type { CodeSentState } from './signup-page';

export function SignUpConfirmPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sent = (useLocation().state ?? null) as CodeSentState | null;
  const confirm = useConfirmSignUp();
  const resend = useResendSignUpCode();
  const [contact, setContact] = useState(pendingContact);
  const [code, setCode] = useState('');
  const [checks, setChecks] = useState<{ contact?: string; code?: string }>({});
  const [resendAt, setResendAt] = useState(sent?.resend_at ?? 0);
  const [resentTo, setResentTo] = useState<string | undefined>(undefined);
  const apiError = useFieldErrors(confirm.error, ['contact', 'code'] as const);
  const resendError = resend.error === null ? undefined : errorMessage(t, resend.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(isContact(contact) ? {} : { contact: t('account.badContact') }),
      ...(isCode(code) ? {} : { code: t('account.badCode') }),
    };
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    confirm.mutate(
      { contact: contact.trim(), code: code.trim() },
      {
        onSuccess: () => {
          forgetPendingContact();
          void navigate('/account', { replace: true, state: { welcome: true } });
        },
      },
    );
  };

  const askAgain = () => {
    if (!isContact(contact)) {
      setChecks({ contact: t('account.badContact') });
      return;
    }
    rememberPendingContact(contact.trim());
    resend.mutate(
      { contact: contact.trim() },
      {
        onSuccess: (answer) => {
          setResendAt(resendTime(answer.resend_after_seconds));
          setResentTo(answer.contact_masked);
        },
        onError: (error) => {
          const seconds = error instanceof ApiError ? retryAfterSeconds(error.details) : undefined;
          if (seconds !== undefined) setResendAt(resendTime(seconds));
        },
      },
    );
  };

  const sentTo = resentTo ?? sent?.contact_masked;
  return (
    <Page title={t('account.confirmTitle')}>
      {sentTo === undefined ? (
        <p>{t('account.confirmIntro')}</p>
      ) : (
        <p className="alert info" role="status">
          {t(resentTo === undefined ? 'account.codeSentTo' : 'account.codeResentTo', { to: sentTo, minutes: 10 })}
        </p>
      )}
      <form className="card account-form" noValidate onSubmit={submit}>
        <TextField
          label={t('account.contact')}
          name="contact"
          autoComplete="email"
          value={contact}
          onChange={(event) => setContact(event.target.value)}
          error={checks.contact ?? apiError('contact')}
        />
        <TextField
          label={t('account.code')}
          hint={t('account.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
          error={checks.code ?? apiError('code')}
        />
        <FormError message={apiError('form')} />
        <div className="row">
          <button type="submit" className="button" disabled={confirm.isPending}>
            {confirm.isPending ? t('account.confirming') : t('account.confirmSubmit')}
          </button>
          <ResendButton availableAt={resendAt} pending={resend.isPending} onResend={askAgain} />
        </div>
        {resendError === undefined ? null : (
          <p className="field-error" role="alert">
            {resendError}
          </p>
        )}
      </form>
      <DevMailboxLink />
      <p>
        <Link to="/signup">{t('account.startOver')}</Link>
      </p>
    </Page>
  );
}
