import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Instant } from '../../../shared/ui/money';
import { isStaffView, type AnyComplaint, type ComplaintState } from '../api';

const badgeTone: Record<ComplaintState, string> = { filed: 'warn', assigned: 'warn', responded: '', accepted: '', disputed: 'bad' };

/** The state as a badge; an overdue complaint says so beside it (the deadline has passed unanswered). */
export function ComplaintStateBadge({ complaint }: { complaint: AnyComplaint }) {
  const { t } = useTranslation();
  return (
    <span className="complaint-badges">
      <span className={`badge ${badgeTone[complaint.state]}`}>{t(`complaints.state.${complaint.state}`)}</span>
      {complaint.overdue ? <span className="badge bad">{t('complaints.overdue')}</span> : null}
    </span>
  );
}

/** What the complaint is about, as the member and staff read it. */
export function subjectText(t: TFunction, complaint: Pick<AnyComplaint, 'subject_kind' | 'subject_label'>): string {
  return t('complaints.subjectOf', { kind: t(`complaints.kind.${complaint.subject_kind}`), label: complaint.subject_label });
}

/** The complaint's facts: what about, when filed, the deadline, who owns it (staff only). */
export function ComplaintFacts({ complaint }: { complaint: AnyComplaint }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('complaints.subject')}</dt>
        <dd>{subjectText(t, complaint)}</dd>
      </div>
      <div>
        <dt>{t('complaints.memberCode')}</dt>
        <dd className="claims-code">{complaint.member_code}</dd>
      </div>
      <div>
        <dt>{t('complaints.filedAt')}</dt>
        <dd>
          <Instant value={complaint.filed_at} />
        </dd>
      </div>
      <div>
        <dt>{t('complaints.deadline')}</dt>
        <dd>
          <Instant value={complaint.deadline_at} /> <span className="muted">({t('complaints.days', { count: complaint.response_days })})</span>
        </dd>
      </div>
      <div>
        <dt>{t('complaints.owner')}</dt>
        <dd>{isStaffView(complaint) ? (complaint.owner_name ?? t('complaints.unassigned')) : complaint.assigned ? t('complaints.ownerAssigned') : t('complaints.unassigned')}</dd>
      </div>
      {complaint.escalated_at === null ? null : (
        <div>
          <dt>{t('complaints.escalatedAt')}</dt>
          <dd>
            <Instant value={complaint.escalated_at} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The text, the outcome and the reply, each when there is one. */
export function ComplaintTexts({ complaint, staff = false }: { complaint: AnyComplaint; staff?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="complaint-text">
        <h2 id="complaint-text">{t(staff ? 'complaints.textOfMember' : 'complaints.text')}</h2>
        <p className="complaint-text">{complaint.text}</p>
      </section>
      {complaint.outcome === null ? null : (
        <section className="card" aria-labelledby="complaint-outcome">
          <h2 id="complaint-outcome">{t('complaints.response')}</h2>
          <p>
            <strong>{t(`complaints.outcome.${complaint.outcome}`)}</strong>
            {complaint.responded_at === null ? null : (
              <span className="muted">
                {' '}
                · <Instant value={complaint.responded_at} />
              </span>
            )}
          </p>
          <p className="complaint-text">{complaint.outcome_text}</p>
        </section>
      )}
      {complaint.reply === null ? null : (
        <section className="card" aria-labelledby="complaint-reply">
          <h2 id="complaint-reply">{t('complaints.memberReply')}</h2>
          <p>
            <strong>{t(`complaints.reply.${complaint.reply}`)}</strong>
            {complaint.replied_at === null ? null : (
              <span className="muted">
                {' '}
                · <Instant value={complaint.replied_at} />
              </span>
            )}
          </p>
          {complaint.reply_text === null ? null : <p className="complaint-text">{complaint.reply_text}</p>}
        </section>
      )}
    </>
  );
}

/** Staff's events name their actor as `user:<id>` (or `system`); members file and reply. */
const memberEvents: ReadonlySet<string> = new Set(['filed', 'replied']);

/** Who took a step, as staff read it: a staff member's name, "the member" or "the system". */
function actorName(t: TFunction, entry: { event: string; actor: string }, names: ReadonlyMap<string, string>): string {
  if (entry.actor === 'system') return t('complaints.actor.system');
  if (memberEvents.has(entry.event)) return t('complaints.actor.member');
  return names.get(entry.actor.replace(/^user:/, '')) ?? t('complaints.actor.staff');
}

/** The trail: each step and when; staff also read who took it (`names`: staff user ids to names). */
export function ComplaintTrail({ complaint, names }: { complaint: AnyComplaint; names?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="complaint-trail">
      <h2 id="complaint-trail">{t('complaints.trail')}</h2>
      <ol className="timeline">
        {complaint.events.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <strong>{t(`complaints.event.${entry.event}`, { defaultValue: entry.event })}</strong>{' '}
            <span className="muted">
              <Instant value={entry.at} />
              {'actor' in entry ? ` · ${actorName(t, entry, names ?? new Map())}` : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
