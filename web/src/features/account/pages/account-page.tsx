import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { useResetSession, useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useChangePassword, useLogout, useMyContacts } from '../api/account-api';
import { FormError, useFieldErrors } from '../components/form-error';
import { minPasswordLength } from '../components/validate';

export function AccountPage() {
  return (
    <RequireSession>
      <Account />
    </RequireSession>
  );
}

function Account() {
  const { t } = useTranslation();
  const user = useSession().data;
  const contacts = useMyContacts();
  const logout = useLogout();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const welcome = (useLocation().state as { welcome?: boolean } | null)?.welcome === true;
  if (user === null || user === undefined) return null;
  return (
    <Page title={t('account.accountTitle')}>
      {welcome ? (
        <p className="alert info" role="status">
          {t('account.welcome', { name: user.display_name })}
        </p>
      ) : null}
      <section className="card account-form" aria-labelledby="who-am-i">
        <h2 id="who-am-i">{t('account.whoAmI')}</h2>
        <dl className="account-facts">
          <dt>{t('account.displayName')}</dt>
          <dd>{user.display_name}</dd>
          <dt>{t('account.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{user.roles.map((role) => t(`account.role.${role}`)).join(t('account.listSeparator'))}</dd>
          <dt>{t('account.contacts')}</dt>
          <dd>
            <QueryState query={contacts}>
              {(data) =>
                data.contacts.length === 0 ? (
                  <span className="muted">{t('account.noContacts')}</span>
                ) : (
                  <ul className="account-contacts">
                    {data.contacts.map((contact) => (
                      <li key={contact.kind + contact.masked}>
                        {t(contact.kind === 'email' ? 'account.kindEmail' : 'account.kindPhone')}: {contact.masked}
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </dd>
        </dl>
        <p className="muted">{t('account.loginWithAny')}</p>
      </section>
      <ChangePassword />
      <section className="card account-form" aria-labelledby="log-out">
        <h2 id="log-out">{t('account.logoutTitle')}</h2>
        <FormError message={logout.error === null ? undefined : errorMessage(t, logout.error)} />
        <button
          type="button"
          className="button secondary"
          disabled={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, {
              onSuccess: async () => {
                await navigate('/', { replace: true });
                await resetSession();
              },
            })
          }
        >
          {t('account.logout')}
        </button>
      </section>
    </Page>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [checks, setChecks] = useState<{ current_password?: string; new_password?: string }>({});
  const apiError = useFieldErrors(change.error, ['current_password', 'new_password'] as const, {
    AUTH_INVALID_CREDENTIALS: 'current_password',
    AUTH_WEAK_PASSWORD: 'new_password',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(current === '' ? { current_password: t('account.required') } : {}),
      ...(next.length >= minPasswordLength ? {} : { new_password: t('account.passwordTooShort', { count: minPasswordLength }) }),
    };
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
      },
    );
  };
  return (
    <section className="card account-form" aria-labelledby="change-password">
      <h2 id="change-password">{t('account.changePassword')}</h2>
      <form noValidate onSubmit={submit}>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          name="current_password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => {
            setCurrent(event.target.value);
            change.reset();
          }}
          error={checks.current_password ?? apiError('current_password')}
        />
        <TextField
          label={t('account.newPassword')}
          hint={t('account.passwordHint', { count: minPasswordLength })}
          type="password"
          name="new_password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => setNext(event.target.value)}
          error={checks.new_password ?? apiError('new_password')}
        />
        <FormError message={apiError('form')} />
        {change.isSuccess ? (
          <p className="alert info" role="status">
            {t('account.passwordChanged')}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? t('account.saving') : t('account.changePasswordSubmit')}
        </button>
      </form>
    </section>
  );
}
