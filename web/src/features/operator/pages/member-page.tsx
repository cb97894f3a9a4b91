import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMembership, usePersonMemberships, type MembershipDetail } from '../api';
import { planName } from '../components/plan-name';

function OtherMemberships({ membership }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const others = usePersonMemberships(membership.person_id);
  return (
    <section className="card" aria-labelledby="operator-memberships-title">
      <h2 id="operator-memberships-title">{t('operator.member.memberships')}</h2>
      <QueryState query={others}>
        {(data) => (
          <ul>
            {data.memberships.map((entry) => (
              <li key={entry.membership_id}>
                {entry.membership_id === membership.membership_id ? (
                  <strong>{entry.member_code}</strong>
                ) : (
                  <Link to={`/staff/members/${entry.membership_id}`}>{entry.member_code}</Link>
                )}{' '}
                · {planName({ name_zh: entry.plan_name_zh, name_en: entry.plan_name_en }, language)} · {t(`operator.status.${entry.status}`)} · <Day value={entry.joined_at} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function Member({ membership_id }: { membership_id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const membership = useMembership(membership_id);
  return (
    <QueryState query={membership}>
      {({ membership: data }) => (
        <Page title={t('operator.member.title', { code: data.member_code })}>
          <div className="grid operator-member-grid">
            <section className="card" aria-labelledby="operator-person-title">
              <h2 id="operator-person-title">{t('operator.member.person')}</h2>
              <dl className="operator-facts">
                <dt>{t('operator.member.name')}</dt>
                <dd>{data.person.name_masked}</dd>
                <dt>{t('operator.member.idNumber')}</dt>
                <dd>{data.person.id_number_masked}</dd>
                <dt>{t('operator.member.phone')}</dt>
                <dd>{data.person.phone_masked}</dd>
                <dt>{t('operator.member.gender')}</dt>
                <dd>{t(`operator.member.genderName.${data.person.gender}`)}</dd>
                <dt>{t('operator.member.province')}</dt>
                <dd>{data.person.province}</dd>
              </dl>
              <p className="muted">{t('operator.member.masked')}</p>
            </section>
            <section className="card" aria-labelledby="operator-membership-title">
              <h2 id="operator-membership-title">{t('operator.member.membership')}</h2>
              <dl className="operator-facts">
                <dt>{t('operator.members.plan')}</dt>
                <dd>
                  {planName({ name_zh: data.plan_name_zh, name_en: data.plan_name_en }, language)} · {t('operator.plans.version', { version: data.plan_version })}
                </dd>
                <dt>{t('operator.members.status')}</dt>
                <dd>
                  <span className="badge">{t(`operator.status.${data.status}`)}</span>
                </dd>
                <dt>{t('operator.member.funding')}</dt>
                <dd>{t(`operator.rules.choice.${data.funding_model}`)}</dd>
                <dt>{t('operator.members.joined')}</dt>
                <dd>
                  <Instant value={data.joined_at} />
                </dd>
                <dt>{t('operator.member.coveredFrom')}</dt>
                <dd>
                  <Day value={data.waiting_until} />
                </dd>
                <dt>{t('operator.member.ageAtJoin')}</dt>
                <dd>{t('operator.rules.years', { count: data.age_at_join_years })}</dd>
              </dl>
            </section>
          </div>
          <section className="card" aria-labelledby="operator-events-title">
            <h2 id="operator-events-title">{t('operator.member.history')}</h2>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('operator.member.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('operator.member.when')}</th>
                    <th scope="col">{t('operator.member.change')}</th>
                    <th scope="col">{t('operator.member.reason')}</th>
                    <th scope="col">{t('operator.member.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.events.map((event, index) => (
                    <tr key={index}>
                      <td>
                        <Instant value={event.at} />
                      </td>
                      <td>
                        {event.from_status === null ? '' : `${t(`operator.status.${event.from_status}`)} → `}
                        {t(`operator.status.${event.to_status}`)}
                      </td>
                      <td>{event.reason}</td>
                      <td>{event.actor}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <OtherMemberships membership={data} />
        </Page>
      )}
    </QueryState>
  );
}

export function MemberPage() {
  const { membership_id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.members}>
      <Member membership_id={membership_id} />
    </RequireRole>
  );
}
