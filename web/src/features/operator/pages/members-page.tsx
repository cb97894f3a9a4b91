import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { Day } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMemberSearch } from '../api';
import { planName } from '../components/plan-name';

/** A whole code (M and 12 characters) or a prefix of M and at least 3: in Crockford's alphabet, upper case. */
const codePattern = /^M[0-9A-HJKMNP-TV-Z]{3,12}$/;

function Results({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const search = useMemberSearch(code);
  return (
    <QueryState query={search}>
      {(data) =>
        data.memberships.length === 0 ? (
          <p role="status">{t('operator.members.none', { code })}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t('operator.members.results', { count: data.memberships.length, code })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.members.code')}</th>
                  <th scope="col">{t('operator.members.name')}</th>
                  <th scope="col">{t('operator.members.plan')}</th>
                  <th scope="col">{t('operator.members.status')}</th>
                  <th scope="col">{t('operator.members.joined')}</th>
                </tr>
              </thead>
              <tbody>
                {data.memberships.map((membership) => (
                  <tr key={membership.membership_id}>
                    <th scope="row">
                      <Link to={`/staff/members/${membership.membership_id}`}>{membership.member_code}</Link>
                    </th>
                    <td>{membership.person.name_masked}</td>
                    <td>{planName({ name_zh: membership.plan_name_zh, name_en: membership.plan_name_en }, language)}</td>
                    <td>
                      <span className="badge">{t(`operator.status.${membership.status}`)}</span>
                    </td>
                    <td>
                      <Day value={membership.joined_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.next_after === null ? null : <p className="muted">{t('operator.members.more')}</p>}
          </div>
        )
      }
    </QueryState>
  );
}

function Members() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? undefined;
  const [text, setText] = useState(code ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = text.trim().toUpperCase();
    if (!codePattern.test(normalized)) {
      setError(t('operator.members.badCode'));
      return;
    }
    setError(undefined);
    setParams({ code: normalized });
  };
  return (
    <Page title={t('operator.members.title')}>
      <form className="card row operator-search" role="search" onSubmit={onSubmit} noValidate>
        <TextField label={t('operator.members.search')} name="member_code" value={text} hint={t('operator.members.hint')} error={error} autoComplete="off" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button">
          {t('operator.members.find')}
        </button>
      </form>
      {code === undefined || !codePattern.test(code) ? null : <Results code={code} />}
    </Page>
  );
}

export function MembersPage() {
  return (
    <RequireRole roles={staffAccess.members}>
      <Members />
    </RequireRole>
  );
}
