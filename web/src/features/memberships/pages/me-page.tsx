import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useHousehold, usePlans, type HouseholdMembership, type HouseholdPerson } from '../api/members-api';
import { CoverLine, StatusBadge, StatusHistory } from '../components/membership-status';
import { usePlanName } from '../components/plan-name';
import { planTakesMembers } from '../../../shared/members/join-rules';

function QuickLinks() {
  const { t } = useTranslation();
  const links = [
    { to: '/me/shares', key: 'memberships.links.shares' },
    { to: '/me/claims', key: 'memberships.links.claims' },
    { to: '/me/objections', key: 'memberships.links.objections' },
    { to: '/complaints', key: 'memberships.links.complaints' },
    { to: '/me/notifications', key: 'memberships.links.notifications' },
    { to: '/jury', key: 'memberships.links.jury' },
    { to: '/proposals', key: 'memberships.links.proposals' },
    { to: '/plans', key: 'memberships.links.joinPlan' },
  ];
  return (
    <nav aria-labelledby="me-links-title" className="card">
      <h2 id="me-links-title">{t('memberships.links.label')}</h2>
      <ul className="me-links">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{t(link.key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MembershipItem({ membership }: { membership: HouseholdMembership }) {
  const { t } = useTranslation();
  const planName = usePlanName();
  const moneyLink =
    membership.funding_model === 'prepaid'
      ? { to: `/me/memberships/${membership.membership_id}/wallet`, label: t('memberships.wallet') }
      : { to: `/me/memberships/${membership.membership_id}/bills`, label: t('memberships.bills') };
  return (
    <li className="membership-item">
      <div className="spread">
        <h3>{planName(membership)}</h3>
        <StatusBadge status={membership.status} />
      </div>
      <CoverLine membership={membership} />
      <p className="muted">
        {t('memberships.memberCode')} <code>{membership.member_code}</code> · {t(`memberships.funding.${membership.funding_model}`)}
      </p>
      <div className="row">
        <Link className="button secondary" to={`/me/memberships/${membership.membership_id}`} aria-label={`${t('memberships.details')}: ${planName(membership)}`}>
          {t('memberships.details')}
        </Link>
        <Link className="button secondary" to={moneyLink.to} aria-label={`${moneyLink.label}: ${planName(membership)}`}>
          {moneyLink.label}
        </Link>
      </div>
      <details>
        <summary>{t('memberships.history')}</summary>
        <StatusHistory events={membership.events} />
      </details>
    </li>
  );
}

function PersonCard({ person }: { person: HouseholdPerson }) {
  const { t } = useTranslation();
  return (
    <section className="card person-card" aria-labelledby={`person-${person.person_id}`}>
      <div className="spread">
        <h2 id={`person-${person.person_id}`}>
          {person.name_masked} <span className="muted">({t(`memberships.relationship.${person.relationship}`, { defaultValue: person.relationship })})</span>
        </h2>
      </div>
      <ul className="membership-list">
        {person.memberships.map((membership) => (
          <MembershipItem key={membership.membership_id} membership={membership} />
        ))}
      </ul>
    </section>
  );
}

/** The open plans, each with its join link: the friendly start of an account with no memberships. */
function JoinPlans({ first }: { first: boolean }) {
  const { t } = useTranslation();
  const plans = usePlans();
  const planName = usePlanName();
  return (
    <section className="card" aria-labelledby="start-title">
      <h2 id="start-title">{first ? t('memberships.start.title') : t('memberships.start.another')}</h2>
      <p>{first ? t('memberships.start.text') : t('memberships.start.anotherText')}</p>
      <QueryState query={plans}>
        {(data) => (
          <ul className="membership-list">
            {data.plans
              .filter((plan) => planTakesMembers(plan))
              .map((plan) => (
                <li key={plan.id} className="membership-item">
                  <h3>{planName(plan)}</h3>
                  <p className="muted">{t(`memberships.funding.${plan.current_version.rules.funding.model}`)}</p>
                  <div className="row">
                    <Link className="button" to={`/join/${plan.id}`}>
                      {t('memberships.start.join', { plan: planName(plan) })}
                    </Link>
                    <Link to={`/plans/${plan.id}`}>{t('memberships.start.readRules')}</Link>
                  </div>
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function Me() {
  const { t } = useTranslation();
  const household = useHousehold();
  return (
    <Page title={t('memberships.me.title')}>
      <QueryState query={household}>
        {(data) => (
          <>
            {data.persons
              .filter((person) => person.memberships.length > 0)
              .map((person) => (
                <PersonCard key={person.person_id} person={person} />
              ))}
            <JoinPlans first={data.persons.every((person) => person.memberships.length === 0)} />
          </>
        )}
      </QueryState>
      <QuickLinks />
    </Page>
  );
}

export function MePage() {
  return (
    <RequireSession>
      <Me />
    </RequireSession>
  );
}
