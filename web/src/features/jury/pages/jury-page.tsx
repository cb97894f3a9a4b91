import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { formatDay, formatInstant } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useJurors, usePanels, type JurorStanding, type PanelSeat } from '../api/jury-api';
import { VerdictText } from '../components/verdict';

function StandingCard({ juror }: { juror: JurorStanding }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = language === 'en' ? juror.plan_name_en : juror.plan_name_zh;
  const passed = juror.quiz_passed_at !== null;
  const [now] = useState(() => Date.now());
  const tenureMet = Date.parse(juror.tenure_from) <= now;
  return (
    <li className="card">
      <div className="spread">
        <h3>{plan}</h3>
        <span className={juror.eligible ? 'badge' : 'badge warn'}>{juror.eligible ? t('jury.status.eligible') : t('jury.status.notEligible')}</span>
      </div>
      <p className="muted">
        {t(`jury.relationship.${juror.relationship}`, { defaultValue: juror.relationship })} · {juror.name_masked} · {t('jury.memberCode')} <span className="jury-code">{juror.member_code}</span>
      </p>
      <ul className="jury-checks">
        <li>
          <span aria-hidden="true">{passed ? '✓' : '✗'}</span>{' '}
          {passed ? t('jury.standing.quizPassed', { date: formatInstant(juror.quiz_passed_at!, language) }) : t('jury.standing.quizNotPassed')}
        </li>
        <li>
          <span aria-hidden="true">{juror.membership_status === 'active' ? '✓' : '✗'}</span>{' '}
          {juror.membership_status === 'active'
            ? t('jury.standing.paying')
            : t('jury.standing.notPaying', { status: t(`jury.membershipStatus.${juror.membership_status}`, { defaultValue: juror.membership_status }) })}
        </li>
        <li>
          <span aria-hidden="true">{tenureMet ? '✓' : '✗'}</span> {t(tenureMet ? 'jury.standing.tenureMet' : 'jury.standing.tenureFrom', { date: formatDay(juror.tenure_from, language) })}
        </li>
        <li>
          <span aria-hidden="true">{juror.adult ? '✓' : '✗'}</span> {juror.adult ? t('jury.standing.adult') : t('jury.standing.notAdult')}
        </li>
      </ul>
      {passed ? null : (
        <Link className="button" to={`/jury/quiz?membership=${juror.membership_id}`}>
          {t('jury.takeQuiz')}
        </Link>
      )}
    </li>
  );
}

/** One card per claim: a payer may hold several seats on one panel. */
function groupByClaim(seats: readonly PanelSeat[]): PanelSeat[][] {
  const groups = new Map<string, PanelSeat[]>();
  for (const seat of seats) groups.set(seat.claim_id, [...(groups.get(seat.claim_id) ?? []), seat]);
  return [...groups.values()];
}

function PanelCard({ seats }: { seats: PanelSeat[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const first = seats[0]!;
  const waiting = seats.filter((seat) => !seat.voted).length;
  return (
    <li className="card">
      <div className="spread">
        <h3>
          <Link to={`/jury/panels/${first.claim_id}`}>{t('jury.panels.case', { case_number: first.case_number })}</Link>
        </h3>
        <span className={first.phase === 'open' ? (waiting > 0 ? 'badge warn' : 'badge') : 'badge'}>{t(`jury.phase.${first.phase}`)}</span>
      </div>
      {first.phase === 'open' ? (
        <p>{t('jury.panels.closesAt', { date: formatInstant(first.window.closes_at, language) })}</p>
      ) : (
        <p className="muted">
          {t('jury.panels.window')} <Instant value={first.window.opens_at} /> – <Instant value={first.window.closes_at} />
        </p>
      )}
      <ul className="jury-checks">
        {seats.map((seat) => (
          <li key={seat.member_code}>
            {t(seat.voted ? 'jury.panels.seatVoted' : seat.phase === 'open' ? 'jury.panels.seatNotVoted' : 'jury.panels.seatDidNotVote', { member_code: seat.member_code })}
          </li>
        ))}
      </ul>
      {first.phase === 'closed' && first.counts !== null && first.verdict !== null ? (
        <p>
          <strong>
            <VerdictText outcome={first.verdict.outcome} operatorDecision={first.verdict.operator_decision} />
          </strong>{' '}
          · {t('jury.result.countsLine', { approve: first.counts.approve, reject: first.counts.reject, cast: first.counts.cast })}
        </p>
      ) : null}
      <Link className={first.phase === 'open' && waiting > 0 ? 'button' : 'button secondary'} to={`/jury/panels/${first.claim_id}`}>
        {first.phase === 'open' && waiting > 0 ? t('jury.panels.openToVote') : t('jury.panels.openCase')}
      </Link>
    </li>
  );
}

function JuryContent() {
  const { t } = useTranslation();
  const jurors = useJurors();
  const panels = usePanels();
  return (
    <Page title={t('jury.title')}>
      <p>{t('jury.intro')}</p>
      <section aria-labelledby="jury-status">
        <h2 id="jury-status">{t('jury.statusHeading')}</h2>
        <QueryState query={jurors}>
          {(data) =>
            data.jurors.length === 0 ? (
              <div className="alert info">
                <p>{t('jury.noMemberships')}</p>
                <Link to="/plans">{t('jury.seePlans')}</Link>
              </div>
            ) : (
              <ul className="grid two jury-list">
                {data.jurors.map((juror) => (
                  <StandingCard key={juror.membership_id} juror={juror} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="jury-panels">
        <h2 id="jury-panels">{t('jury.panels.heading')}</h2>
        <QueryState query={panels}>
          {(data) =>
            data.panels.length === 0 ? (
              <p className="muted">{t('jury.panels.none')}</p>
            ) : (
              <ul className="grid two jury-list">
                {groupByClaim(data.panels).map((seats) => (
                  <PanelCard key={seats[0]!.claim_id} seats={seats} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="jury-how">
        <h2 id="jury-how">{t('jury.how.heading')}</h2>
        <p>{t('jury.how.draw')}</p>
        <p>{t('jury.how.secret')}</p>
      </section>
    </Page>
  );
}

export function JuryPage() {
  return (
    <RequireSession>
      <JuryContent />
    </RequireSession>
  );
}
