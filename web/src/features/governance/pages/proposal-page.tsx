import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useCastVote, useLeave, useMyProposal, type MemberProposal, type VoteChoice } from '../api/governance-api';
import { RuleChanges } from '../components/rule-changes';
import { VoteCount, VoteRules } from '../components/vote-count';

const choices: readonly VoteChoice[] = ['yes', 'no', 'abstain'];

/** The vote form: choose, confirm, send; afterwards only "you voted" (the choice is not kept on this page). */
function VoteForm({ proposal }: { proposal: MemberProposal }) {
  const { t } = useTranslation();
  const vote = useCastVote(proposal.id);
  const seats = proposal.memberships.filter((membership) => membership.eligible && !membership.voted);
  const [membershipId, setMembershipId] = useState(seats[0]?.membership_id ?? '');
  const [choice, setChoice] = useState<VoteChoice | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const choiceId = useId();
  const seatId = useId();
  const chosen = seats.some((seat) => seat.membership_id === membershipId) ? membershipId : (seats[0]?.membership_id ?? '');

  useEffect(() => {
    if (vote.isSuccess) doneRef.current?.focus();
  }, [vote.isSuccess]);

  function review(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (choice !== undefined) setConfirming(true);
  }

  function send() {
    if (choice === undefined) return;
    vote.mutate(
      { choice, ...(seats.length > 1 ? { membership_id: chosen } : {}) },
      {
        onSettled: () => {
          setConfirming(false);
          setChoice(undefined);
          setChecked(false);
        },
      },
    );
  }

  const choiceError = checked && choice === undefined ? t('governance.vote.choose') : undefined;
  return (
    <section className="card governance-vote" aria-labelledby="governance-vote">
      <h2 id="governance-vote">{t('governance.vote.heading')}</h2>
      {vote.isSuccess ? (
        <p className="alert info" role="status" tabIndex={-1} ref={doneRef} data-testid="governance-voted">
          {t('governance.vote.done', { member_code: vote.data.member_code })}
        </p>
      ) : null}
      {vote.error === null ? null : (
        <div className="alert error" role="alert" data-testid="governance-vote-error">
          {errorMessage(t, vote.error)}
        </div>
      )}
      {proposal.voted && seats.length === 0 ? <p data-testid="governance-already-voted">{t('governance.vote.already')}</p> : null}
      {!proposal.can_vote || seats.length === 0 ? null : confirming && choice !== undefined ? (
        <div className="governance-confirm">
          <p>{t('governance.vote.confirm', { choice: t(`governance.choice.${choice}`) })}</p>
          <p className="muted">{t('governance.vote.final')}</p>
          <div className="governance-actions">
            <button type="button" className="button" onClick={send} disabled={vote.isPending}>
              {vote.isPending ? t('governance.vote.sending') : t('governance.vote.send')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)} disabled={vote.isPending}>
              {t('governance.vote.back')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={review} noValidate>
          {seats.length > 1 ? (
            <div className="field">
              <label htmlFor={seatId}>{t('governance.vote.membership')}</label>
              <select id={seatId} value={chosen} onChange={(event) => setMembershipId(event.target.value)}>
                {seats.map((seat) => (
                  <option key={seat.membership_id} value={seat.membership_id}>
                    {seat.member_code}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p>{t('governance.vote.asMember', { member_code: seats[0]?.member_code ?? '' })}</p>
          )}
          <fieldset className="field" aria-describedby={choiceError === undefined ? undefined : `${choiceId}-error`}>
            <legend>{t('governance.vote.question')}</legend>
            {choices.map((option) => (
              <label className="choice" key={option}>
                <input type="radio" name="governance-choice" checked={choice === option} onChange={() => setChoice(option)} />
                {t(`governance.choice.${option}`)}
              </label>
            ))}
            {choiceError === undefined ? null : (
              <span className="field-error" id={`${choiceId}-error`} role="alert">
                {choiceError}
              </span>
            )}
          </fieldset>
          <button type="submit" className="button">
            {t('governance.vote.review')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Leaving before the change takes effect, with the whole wallet refunded: confirmed first, sent once. */
function LeaveSection({ proposal }: { proposal: MemberProposal }) {
  const { t } = useTranslation();
  const leave = useLeave(proposal.id);
  const [confirming, setConfirming] = useState(false);
  const key = useRef<string | null>(null);
  const live = proposal.memberships.filter((membership) => membership.live);
  const [membershipId, setMembershipId] = useState(live[0]?.membership_id ?? '');
  const seatId = useId();
  if (!proposal.can_leave && !leave.isSuccess) return null;
  const send = () => {
    key.current ??= newIdempotencyKey();
    leave.mutate(
      { key: key.current, ...(live.length > 1 ? { membership_id: membershipId } : {}) },
      {
        onSuccess: () => {
          key.current = null;
          setConfirming(false);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) key.current = null;
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="governance-leave">
      <h2 id="governance-leave">{t('governance.leave.heading')}</h2>
      {leave.isSuccess ? (
        <p className="alert info" role="status">
          {t('governance.leave.done')} <Money minor={leave.data.leave.refund_minor} />
        </p>
      ) : (
        <>
          <p>
            {t('governance.leave.intro')} {proposal.effective_at === null ? null : <Day value={proposal.effective_at} />}
          </p>
          {leave.error === null ? null : (
            <div className="alert error" role="alert">
              {errorMessage(t, leave.error)}
            </div>
          )}
          {live.length > 1 ? (
            <div className="field">
              <label htmlFor={seatId}>{t('governance.vote.membership')}</label>
              <select id={seatId} value={membershipId} onChange={(event) => setMembershipId(event.target.value)}>
                {live.map((seat) => (
                  <option key={seat.membership_id} value={seat.membership_id}>
                    {seat.member_code}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {confirming ? (
            <div className="governance-actions">
              <p>{t('governance.leave.confirm')}</p>
              <button type="button" className="button danger" onClick={send} disabled={leave.isPending}>
                {t('governance.leave.send')}
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
                {t('governance.vote.back')}
              </button>
            </div>
          ) : (
            <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
              {t('governance.leave.button')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ProposalView({ proposal }: { proposal: MemberProposal }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <span className={`badge governance-status-${proposal.status}`}>{t(`governance.status.${proposal.status}`)}</span>
      </p>
      <p>{proposal.note}</p>
      {proposal.status !== 'voting' || proposal.closes_at === null ? null : (
        <p>
          {t('governance.closesAt')} <Instant value={proposal.closes_at} />
        </p>
      )}
      <RuleChanges changes={proposal.changes} caption={t('governance.diff.caption', { version: proposal.base_version })} />
      <VoteRules proposal={proposal} />
      {proposal.count === null ? null : <VoteCount proposal={proposal} />}
      {proposal.status === 'voting' ? <VoteForm proposal={proposal} /> : null}
      <LeaveSection proposal={proposal} />
    </>
  );
}

/** Asks only inside RequireSession, so a visitor's page asks nothing. */
function MyProposal({ id }: { id: string }) {
  return <QueryState query={useMyProposal(id)}>{(data) => <ProposalView proposal={data.proposal} />}</QueryState>;
}

export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireSession>
      <Page title={t('governance.proposalNumber', { id })}>
        <MyProposal id={id} />
        <p>
          <Link className="more-link" to="/proposals">
            {t('governance.mine.back')}
          </Link>
        </p>
      </Page>
    </RequireSession>
  );
}
