import { useTranslation } from 'react-i18next';
import { Day, Instant } from '../../../shared/ui/money';
import type { MembershipEvent, MembershipStatus } from '../api/members-api';

const badgeClass: Record<MembershipStatus, string> = {
  waiting: 'badge warn',
  active: 'badge',
  lapsed: 'badge bad',
  withdrawn: 'badge bad',
  terminated: 'badge bad',
  ended: 'badge bad',
};

export function StatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return <span className={badgeClass[status]}>{t(`memberships.status.${status}`)}</span>;
}

/** The day cover began: when the waiting period passed (its event), if it has. */
export function coveredSince(membership: { status: MembershipStatus; waiting_until: string; events: readonly MembershipEvent[] }): string | undefined {
  const passed = membership.events.find((event) => event.event === 'waiting_period_passed');
  if (passed !== undefined) return passed.at;
  return membership.status === 'active' ? membership.waiting_until : undefined;
}

/** The waiting-until / covered-since line of a membership. */
export function CoverLine({ membership }: { membership: { status: MembershipStatus; waiting_until: string; events: readonly MembershipEvent[] } }) {
  const { t } = useTranslation();
  const since = coveredSince(membership);
  if (membership.status === 'waiting') {
    return (
      <p>
        {t('memberships.waitingUntil')} <Day value={membership.waiting_until} />
      </p>
    );
  }
  if (since !== undefined) {
    return (
      <p>
        {t('memberships.coveredSince')} <Day value={since} />
      </p>
    );
  }
  return null;
}

/** The membership's status history, oldest first, each change with its reason. */
export function StatusHistory({ events }: { events: readonly MembershipEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted">{t('memberships.noHistory')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`}>
          <strong>{t(`memberships.status.${event.to_status}`, { defaultValue: event.to_status })}</strong>{' '}
          <span className="muted">
            <Instant value={event.at} />
          </span>
          <br />
          {t(`memberships.event.${event.event}`, { defaultValue: event.reason })}
          {event.event === 'fraud_found' ? <span className="muted"> ({event.reason})</span> : null}
        </li>
      ))}
    </ol>
  );
}
