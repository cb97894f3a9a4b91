import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { useSignUp } from '../api/account-api';
import { FormError, useFieldErrors } from '../components/form-error';
import { rememberPendingContact } from '../components/pending-contact';
import { resendTime } from '../components/resend-button';
import { isContact, minPasswordLength } from '../components/validate';

/** What the code page is told by the sign-up page (router state, gone after a reload). */
export interface CodeSentState {
  readonly contact_masked: string;
  readonly channel: 'email' | 'sms';
  readonly resend_at: number;
}

type Field = 'contact' | 'display_name' | 'password';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [values, setValues] = useState<Record<Field, string>>({ contact: '', display_name: '', password: '' });
  const [checks, setChecks] = useState<Partial<Record<Field, string>>>({});
  const apiError = useFieldErrors(signUp.error, ['contact', 'display_name', 'password'] as const, { AUTH_RESEND_TOO_SOON: 'contact' });

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!isContact(values.contact)) found.contact = t('account.badContact');
    if (values.display_name.trim() === '') found.display_name = t('account.required');
    if (values.password.length < minPasswordLength) found.password = t('account.passwordTooShort', { count: minPasswordLength });
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const contact = values.contact.trim();
    signUp.mutate(
      { contact, display_name: values.display_name.trim(), password: values.password },
      {
        onSuccess: (answer) => {
          rememberPendingContact(contact);
          const state: CodeSentState = { contact_masked: answer.contact_masked, channel: answer.channel, resend_at: resendTime(answer.resend_after_seconds) };
          void navigate('/signup/confirm', { state });
        },
      },
    );
  };

  return (
    <Page title={t('account.signupTitle')}>
      <p>{t('account.signupIntro')}</p>
      <form className="card account-form" noValidate onSubmit={submit}>
        <TextField
          label={t('account.contact')}
          hint={t('account.contactHint')}
          name="contact"
          autoComplete="email"
          inputMode="email"
          value={values.contact}
          onChange={set('contact')}
          error={checks.contact ?? apiError('contact')}
        />
        <TextField
          label={t('account.displayName')}
          hint={t('account.displayNameHint')}
          name="display_name"
          autoComplete="nickname"
          maxLength={100}
          value={values.display_name}
          onChange={set('display_name')}
          error={checks.display_name ?? apiError('display_name')}
        />
        <TextField
          label={t('account.password')}
          hint={t('account.passwordHint', { count: minPasswordLength })}
          type="password"
          name="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={checks.password ?? apiError('password')}
        />
        <FormError message={apiError('form')} />
        <button type="submit" className="button" disabled={signUp.isPending}>
          {signUp.isPending ? t('account.sending') : t('account.signupSubmit')}
        </button>
      </form>
      <p>
        {t('account.haveAccount')} <Link to="/login">{t('account.loginLink')}</Link>
      </p>
    </Page>
  );
}
