import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { useAskPasswordReset, useConfirmPasswordReset } from '../api/account-api';
import { DevMailboxLink } from '../components/dev-mailbox-link';
import { FormError, useFieldErrors } from '../components/form-error';
import { forgetPendingContact, pendingContact, rememberPendingContact } from '../components/pending-contact';
import { ResendButton, resendTime, retryAfterSeconds } from '../components/resend-button';
import { isCode, isContact, minPasswordLength } from '../components/validate';

/** Two steps on one page: ask for a code, then the code and a new password. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const ask = useAskPasswordReset();
  const confirm = useConfirmPasswordReset();
  const [contact, setContact] = useState(pendingContact);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const [resendAt, setResendAt] = useState(0);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [checks, setChecks] = useState<{ contact?: string; code?: string; new_password?: string }>({});
  const askError = useFieldErrors(ask.error, ['contact'] as const, { AUTH_RESEND_TOO_SOON: 'contact' });
  const confirmError = useFieldErrors(confirm.error, ['code', 'new_password'] as const, { AUTH_WEAK_PASSWORD: 'new_password' });

  const askForCode = (event?: FormEvent) => {
    event?.preventDefault();
    if (!isContact(contact)) {
      setChecks({ contact: t('account.badContact') });
      return;
    }
    setChecks({});
    rememberPendingContact(contact.trim());
    ask.mutate(
      { contact: contact.trim() },
      {
        onSuccess: (answer) => {
          setSentTo(answer.contact_masked);
          setResendAt(resendTime(answer.resend_after_seconds));
        },
        onError: (error) => {
          const seconds = error instanceof ApiError ? retryAfterSeconds(error.details) : undefined;
          if (seconds !== undefined) setResendAt(resendTime(seconds));
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(isCode(code) ? {} : { code: t('account.badCode') }),
      ...(password.length >= minPasswordLength ? {} : { new_password: t('account.passwordTooShort', { count: minPasswordLength }) }),
    };
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    confirm.mutate({ contact: contact.trim(), code: code.trim(), new_password: password }, { onSuccess: forgetPendingContact });
  };

  if (confirm.isSuccess) {
    return (
      <Page title={t('account.resetTitle')}>
        <p className="alert info" role="status">
          {t('account.resetDone')}
        </p>
        <Link className="button" to="/login">
          {t('account.loginLink')}
        </Link>
      </Page>
    );
  }

  return (
    <Page title={t('account.resetTitle')}>
      {sentTo === undefined ? (
        <>
          <p>{t('account.resetIntro')}</p>
          <form className="card account-form" noValidate onSubmit={askForCode}>
            <TextField
              label={t('account.contact')}
              hint={t('account.contactHint')}
              name="contact"
              autoComplete="email"
              inputMode="email"
              value={contact}
              onChange={(event) => setContact(event.target.value)}
              error={checks.contact ?? askError('contact')}
            />
            <FormError message={askError('form')} />
            <button type="submit" className="button" disabled={ask.isPending}>
              {ask.isPending ? t('account.sending') : t('account.resetAsk')}
            </button>
          </form>
        </>
      ) : (
        <>
          <p className="alert info" role="status">
            {t('account.resetSentTo', { to: sentTo, minutes: 10 })}
          </p>
          <form className="card account-form" noValidate onSubmit={submit}>
            <TextField
              label={t('account.code')}
              hint={t('account.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              error={checks.code ?? confirmError('code')}
            />
            <TextField
              label={t('account.newPassword')}
              hint={t('account.passwordHint', { count: minPasswordLength })}
              type="password"
              name="new_password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={checks.new_password ?? confirmError('new_password')}
            />
            <FormError message={confirmError('form')} />
            <div className="row">
              <button type="submit" className="button" disabled={confirm.isPending}>
                {confirm.isPending ? t('account.saving') : t('account.resetSubmit')}
              </button>
              <ResendButton availableAt={resendAt} pending={ask.isPending} onResend={() => askForCode()} />
            </div>
            {ask.error === null ? null : (
              <p className="field-error" role="alert">
                {errorMessage(t, ask.error)}
              </p>
            )}
          </form>
          <DevMailboxLink />
          <p>
            <button type="button" className="button secondary" onClick={() => setSentTo(undefined)}>
              {t('account.otherContact')}
            </button>
          </p>
        </>
      )}
    </Page>
  );
}
