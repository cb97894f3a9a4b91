import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Day } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { allRoles, useCreateUser, useSetDisabled, useSetRoles, useUsers, type Role, type StaffUser } from '../api';

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const minPasswordLength = 10;

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <div className="alert error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}

function RoleChoices({ legend, chosen, onChange, name }: { legend: string; chosen: readonly Role[]; onChange: (roles: Role[]) => void; name: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field admin-roles">
      <legend>{legend}</legend>
      {allRoles.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            name={name}
            checked={chosen.includes(role)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, role] : chosen.filter((held) => held !== role))}
          />
          {t(`staff.roles.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const busy = useRef(false);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reviewer']);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<string | undefined>(undefined);
  const errors = {
    username: usernamePattern.test(username) ? undefined : t('admin.create.usernameInvalid'),
    displayName: displayName.trim() === '' ? t('admin.create.displayNameRequired') : undefined,
    password: password.length >= minPasswordLength ? undefined : t('admin.create.passwordShort', { count: minPasswordLength }),
    roles: roles.length === 0 ? t('admin.create.rolesRequired') : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setCreated(undefined);
    if (Object.values(errors).some((error) => error !== undefined) || busy.current) return;
    busy.current = true;
    create.mutate(
      { username, display_name: displayName.trim(), password, roles },
      {
        onSuccess: ({ user }) => {
          setCreated(user.username);
          setUsername('');
          setDisplayName('');
          setPassword('');
          setChecked(false);
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  const show = (error: string | undefined) => (checked ? error : undefined);
  return (
    <section className="card" aria-labelledby="admin-create">
      <h2 id="admin-create">{t('admin.create.heading')}</h2>
      {created === undefined ? null : (
        <p className="alert info" role="status">
          {t('admin.create.done', { username: created })}
        </p>
      )}
      <Failure error={create.error} />
      <form onSubmit={submit} noValidate className="admin-create-form">
        <TextField label={t('admin.create.username')} hint={t('admin.create.usernameHint')} value={username} onChange={(event) => setUsername(event.target.value.trim())} error={show(errors.username)} autoComplete="off" spellCheck={false} />
        <TextField label={t('admin.create.displayName')} value={displayName} onChange={(event) => setDisplayName(event.target.value)} error={show(errors.displayName)} autoComplete="off" />
        <TextField
          label={t('admin.create.password')}
          hint={t('admin.create.passwordHint', { count: minPasswordLength })}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={show(errors.password)}
          autoComplete="new-password"
        />
        <RoleChoices legend={t('admin.create.roles')} chosen={roles} onChange={setRoles} name="new-user-roles" />
        {show(errors.roles) === undefined ? null : (
          <p className="field-error" role="alert">
            {errors.roles}
          </p>
        )}
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('admin.create.creating') : t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}

function RolesEditor({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useTranslation();
  const setRolesOf = useSetRoles();
  const [roles, setRoles] = useState<Role[]>([...user.roles]);
  const busy = useRef(false);
  function save(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setRolesOf.mutate({ id: user.id, roles }, { onSuccess: onDone, onSettled: () => (busy.current = false) });
  }
  return (
    <form onSubmit={save} className="admin-roles-editor">
      <Failure error={setRolesOf.error} />
      <RoleChoices legend={t('admin.users.rolesOf', { username: user.username })} chosen={roles} onChange={setRoles} name={`roles-${user.id}`} />
      <div className="row">
        <button type="submit" className="button" disabled={setRolesOf.isPending}>
          {t('admin.users.saveRoles')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('admin.users.cancel')}
        </button>
      </div>
    </form>
  );
}

function DisableConfirm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useTranslation();
  const setDisabled = useSetDisabled();
  const busy = useRef(false);
  const disabling = !user.disabled;
  function confirm() {
    if (busy.current) return;
    busy.current = true;
    setDisabled.mutate({ id: user.id, disabled: disabling }, { onSuccess: onDone, onSettled: () => (busy.current = false) });
  }
  return (
    <div className="alert warning admin-confirm" role="group" aria-label={t('admin.users.confirmLabel', { username: user.username })}>
      <p>{disabling ? t('admin.users.confirmDisable', { username: user.username }) : t('admin.users.confirmEnable', { username: user.username })}</p>
      <Failure error={setDisabled.error} />
      <div className="row">
        <button type="button" className={disabling ? 'button danger' : 'button'} disabled={setDisabled.isPending} onClick={confirm}>
          {disabling ? t('admin.users.yesDisable') : t('admin.users.yesEnable')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('admin.users.cancel')}
        </button>
      </div>
    </div>
  );
}

function UserRow({ user, self }: { user: StaffUser; self: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'roles' | 'confirm'>('view');
  return (
    <>
      <tr>
        <th scope="row">{user.username}</th>
        <td>{user.display_name}</td>
        <td>{user.roles.map((role) => t(`staff.roles.${role}`)).join(t('staff.listSeparator'))}</td>
        <td>{user.disabled ? <span className="badge bad">{t('admin.users.disabled')}</span> : <span className="badge">{t('admin.users.active')}</span>}</td>
        <td>
          <Day value={user.created_at} />
        </td>
        <td>
          <div className="row">
            <button type="button" className="button secondary" aria-label={t('admin.users.editRolesOf', { username: user.username })} onClick={() => setMode('roles')}>
              {t('admin.users.editRoles')}
            </button>
            {self ? null : (
              <button
                type="button"
                className="button secondary"
                aria-label={user.disabled ? t('admin.users.enableUser', { username: user.username }) : t('admin.users.disableUser', { username: user.username })}
                onClick={() => setMode('confirm')}
              >
                {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
              </button>
            )}
          </div>
        </td>
      </tr>
      {mode === 'view' ? null : (
        <tr className="admin-row-editor">
          <td colSpan={6}>
            {mode === 'roles' ? <RolesEditor user={user} onDone={() => setMode('view')} /> : <DisableConfirm user={user} onDone={() => setMode('view')} />}
          </td>
        </tr>
      )}
    </>
  );
}

function UserTable({ search }: { search: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const users = useUsers(search);
  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const rows = users.data.pages.flatMap((page) => page.users);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">{t('admin.users.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="admin-users-table">
            <caption>{t('admin.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.username')}</th>
                <th scope="col">{t('admin.users.displayName')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.users.status')}</th>
                <th scope="col">{t('admin.users.created')}</th>
                <th scope="col">{t('admin.users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <UserRow key={user.id} user={user} self={user.id === session.data?.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage ? (
        <button type="button" className="button secondary" disabled={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
          {users.isFetchingNextPage ? t('common.loading') : t('admin.users.more')}
        </button>
      ) : null}
    </>
  );
}

function Users() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const searchId = useId();
  return (
    <Page title={t('admin.users.title')}>
      <p className="muted">{t('admin.users.intro')}</p>
      <CreateUser />
      <section aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.users.heading')}</h2>
        <form
          className="row admin-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setSearch(typed.trim().toLowerCase());
          }}
        >
          <div className="field">
            <label htmlFor={searchId}>{t('admin.users.search')}</label>
            <input id={searchId} type="search" value={typed} maxLength={64} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
          </div>
          <button type="submit" className="button secondary">
            {t('admin.users.searchSubmit')}
          </button>
        </form>
        <UserTable search={search} />
      </section>
    </Page>
  );
}

/** /staff/admin/users: the users and their roles; create, change roles, disable and enable. */
export function UsersPage() {
  return (
    <RequireRole roles={staffAccess.users}>
      <Users />
    </RequireRole>
  );
}
