import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { Loading } from '../../../shared/ui/query-state';
import { useLogin } from '../api/account-api';
import { FormError, useFieldErrors } from '../components/form-error';
import { safeNext } from '../components/safe-next';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [checks, setChecks] = useState<{ username?: string; password?: string }>({});
  const apiError = useFieldErrors(login.error, ['username', 'password'] as const, { AUTH_INVALID_CREDENTIALS: 'password', AUTH_USER_DISABLED: 'username' });

  if (session.isPending) return <Loading />;
  // Already logged in (a second tab, the back button): straight on.
  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to={next ?? '/account'} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(username.trim() === '' ? { username: t('account.required') } : {}),
      ...(password === '' ? { password: t('account.required') } : {}),
    };
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(next ?? '/account', { replace: true }) },
    );
  };

  return (
    <Page title={t('account.loginTitle')}>
      {next === undefined ? null : <p className="alert info">{t('account.loginToContinue')}</p>}
      <form className="card account-form" noValidate onSubmit={submit}>
        <TextField
          label={t('account.loginName')}
          hint={t('account.loginNameHint')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={checks.username ?? apiError('username')}
        />
        <TextField
          label={t('account.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={checks.password ?? apiError('password')}
        />
        <FormError message={apiError('form')} />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('account.loggingIn') : t('account.login')}
        </button>
      </form>
      <p>
        {t('account.noAccount')} <Link to="/signup">{t('account.signupLink')}</Link>
      </p>
      <p>
        <Link to="/password-reset">{t('account.forgotPassword')}</Link>
      </p>
    </Page>
  );
}
