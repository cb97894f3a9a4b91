import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireSession } from '../../../shared/auth/require-session';
import { formatInstant, formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading, QueryState } from '../../../shared/ui/query-state';
import { TextField } from '../../../shared/ui/field';
import { useCaseCard, useCastVote, useJuryRecord, usePanels, type CaseCard, type JuryRecord, type PanelSeat, type VoteChoice } from '../api/jury-api';
import { errorMessage } from '../../../shared/i18n/error-message';
import { ballotCommitment, receiptPattern, receiptsFor, saveReceipt, type StoredReceipt } from '../components/receipts';
import { VerdictText } from '../components/verdict';

type Phase = PanelSeat['phase'];

function phaseOf(record: JuryRecord, seats: readonly PanelSeat[]): Phase {
  if (record.status === 'closed') return 'closed';
  if (seats[0] !== undefined) return seats[0].phase;
  return Date.now() < Date.parse(record.window.closes_at) ? 'open' : 'counting';
}

function CaseSummary({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="jury-case">
      <h2 id="jury-case">{t('jury.case.heading')}</h2>
      <p className="muted">{language === 'en' ? card.plan_name_en : card.plan_name_zh}</p>
      <dl className="jury-facts">
        <div>
          <dt>{t('jury.case.illness')}</dt>
          <dd>{language === 'en' ? card.illness.name_en : card.illness.name_zh}</dd>
        </div>
        <div>
          <dt>{t('jury.case.aid')}</dt>
          <dd>
            <Money minor={card.aid_minor} currency={card.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('jury.case.age')}</dt>
          <dd>{t('jury.case.years', { count: card.age_at_diagnosis_years })}</dd>
        </div>
        <div>
          <dt>{t('jury.case.gender')}</dt>
          <dd>{t(`jury.case.gender_${card.gender}`)}</dd>
        </div>
        <div>
          <dt>{t('jury.case.province')}</dt>
          <dd>{card.province}</dd>
        </div>
        <div>
          <dt>{t('jury.case.daysAsMember')}</dt>
          <dd>{t('jury.case.days', { count: card.days_as_member })}</dd>
        </div>
        <div>
          <dt>{t('jury.case.sharesPaid')}</dt>
          <dd>
            <Money minor={card.shares_paid_minor} currency={card.currency} />
          </dd>
        </div>
        {card.notice_starts_at === null ? null : (
          <div>
            <dt>{t('jury.case.notice')}</dt>
            <dd>
              <Day value={card.notice_starts_at} />
              {card.notice_ends_at === null ? null : (
                <>
                  {' – '}
                  <Day value={card.notice_ends_at} />
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      <p className="muted">{t('jury.case.privacy')}</p>
      <Link to={`/cases/${card.case_number}`}>{t('jury.case.publicPage')}</Link>
    </section>
  );
}

function VoteRules({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const majority = record.rules.majority_bps / 100;
  return (
    <section className="card" aria-labelledby="jury-rules">
      <h2 id="jury-rules">{t('jury.rules.heading')}</h2>
      <ul>
        <li>{t('jury.rules.meaning')}</li>
        <li>{t('jury.rules.secret')}</li>
        <li>{t('jury.rules.once')}</li>
        <li>{t('jury.rules.quorum', { count: record.quorum, majority })}</li>
        <li>{t('jury.rules.tie', { majority, outcome: t(`jury.rules.outcome_${record.rules.on_tie}`) })}</li>
        <li>{t('jury.rules.missed', { count: record.quorum, outcome: t(`jury.rules.outcome_${record.rules.on_missed_quorum}`) })}</li>
        <li>{t('jury.rules.published')}</li>
      </ul>
    </section>
  );
}

function ReceiptCard({ receipt }: { receipt: StoredReceipt }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="alert info jury-receipt" role="status">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('jury.receipt.heading')}
      </h3>
      <p>{t('jury.receipt.taken', { member_code: receipt.member_code, date: formatInstant(receipt.voted_at, language) })}</p>
      <p>
        {t('jury.receipt.label')} <code className="jury-receipt-code">{receipt.receipt_hex}</code>
      </p>
      <p>{t('jury.receipt.explain')}</p>
    </div>
  );
}

function VoteSection({ record, claim_id, seats }: { record: JuryRecord; claim_id: string; seats: readonly PanelSeat[] }) {
  const { t } = useTranslation();
  const vote = useCastVote(claim_id);
  const open = seats.filter((seat) => !seat.voted);
  const [memberCode, setMemberCode] = useState(open[0]?.member_code ?? '');
  const [choice, setChoice] = useState<VoteChoice | undefined>(undefined);
  const [checked, setChecked] = useState(false);
  const [receipt, setReceipt] = useState<StoredReceipt | undefined>(undefined);
  const choiceId = useId();
  const codeId = useId();
  const stored = receiptsFor(record.case_number);

  // The chosen seat, or the first one still to vote once the chosen one has voted.
  const chosenCode = open.some((seat) => seat.member_code === memberCode) ? memberCode : (open[0]?.member_code ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (choice === undefined || chosenCode === '') return;
    vote.mutate(
      { vote: choice, member_code: chosenCode },
      {
        onSuccess: (answer) => {
          const kept = { case_number: record.case_number, member_code: answer.member_code, receipt_hex: answer.receipt_hex, voted_at: answer.voted_at };
          saveReceipt(kept);
          setReceipt(kept);
          setChoice(undefined);
          setChecked(false);
        },
      },
    );
  }

  const choiceError = checked && choice === undefined ? t('jury.vote.chooseSide') : undefined;
  const apiError = vote.error === null ? undefined : errorMessage(t, vote.error);
  const codeError = vote.error instanceof ApiError && vote.error.code === 'JURY_MEMBER_CODE_REQUIRED' ? apiError : undefined;

  return (
    <section className="card jury-vote" aria-labelledby="jury-vote">
      <h2 id="jury-vote">{t('jury.vote.heading')}</h2>
      {receipt === undefined ? null : <ReceiptCard receipt={receipt} />}
      {seats
        .filter((seat) => seat.voted && seat.member_code !== receipt?.member_code)
        .map((seat) => {
          const kept = stored.find((entry) => entry.member_code === seat.member_code);
          return (
            <p key={seat.member_code}>
              {t('jury.vote.alreadyVoted', { member_code: seat.member_code })}
              {kept === undefined ? null : (
                <>
                  {' '}
                  {t('jury.receipt.label')} <code className="jury-receipt-code">{kept.receipt_hex}</code>
                </>
              )}
            </p>
          );
        })}
      {apiError === undefined || codeError !== undefined ? null : (
        <div className="alert error" role="alert">
          {apiError}
        </div>
      )}
      {open.length === 0 ? (
        <p className="muted">{t('jury.vote.allVoted')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {seats.length > 1 ? (
            <div className="field">
              <label htmlFor={codeId}>{t('jury.vote.memberCode')}</label>
              <span className="field-hint" id={`${codeId}-hint`}>
                {t('jury.vote.memberCodeHint')}
              </span>
              <select
                id={codeId}
                value={chosenCode}
                onChange={(event) => setMemberCode(event.target.value)}
                aria-invalid={codeError === undefined ? undefined : true}
                aria-describedby={`${codeId}-hint${codeError === undefined ? '' : ` ${codeId}-error`}`}
              >
                {open.map((seat) => (
                  <option key={seat.member_code} value={seat.member_code}>
                    {seat.member_code}
                  </option>
                ))}
              </select>
              {codeError === undefined ? null : (
                <span className="field-error" id={`${codeId}-error`} role="alert">
                  {codeError}
                </span>
              )}
            </div>
          ) : (
            <p>{t('jury.vote.asMember', { member_code: chosenCode })}</p>
          )}
          <fieldset className="field" aria-describedby={choiceError === undefined ? undefined : `${choiceId}-error`}>
            <legend>{t('jury.vote.question')}</legend>
            <label className="choice">
              <input type="radio" name="vote" checked={choice === 'approve'} onChange={() => setChoice('approve')} />
              {t('jury.vote.approve')}
            </label>
            <label className="choice">
              <input type="radio" name="vote" checked={choice === 'reject'} onChange={() => setChoice('reject')} />
              {t('jury.vote.reject')}
            </label>
            {choiceError === undefined ? null : (
              <span className="field-error" id={`${choiceId}-error`} role="alert">
                {choiceError}
              </span>
            )}
          </fieldset>
          <button type="submit" className="button" disabled={vote.isPending}>
            {vote.isPending ? t('jury.vote.sending') : t('jury.vote.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

function ReceiptCheck({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const stored = receiptsFor(record.case_number);
  const [value, setValue] = useState(stored[0]?.receipt_hex ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [found, setFound] = useState<boolean | undefined>(undefined);
  const commitments = record.ballot_commitments ?? [];

  async function check(event: FormEvent) {
    event.preventDefault();
    const receipt = value.trim().toLowerCase();
    setFound(undefined);
    if (!receiptPattern.test(receipt)) {
      setError(t('jury.check.badReceipt'));
      return;
    }
    setError(undefined);
    setFound(commitments.includes(await ballotCommitment(record.case_number, receipt)));
  }

  return (
    <form onSubmit={(event) => void check(event)} noValidate className="jury-receipt-check">
      <h3>{t('jury.check.heading')}</h3>
      <p>{t('jury.check.explain', { count: commitments.length })}</p>
      <TextField label={t('jury.check.receipt')} value={value} onChange={(event) => setValue(event.target.value)} error={error} autoComplete="off" spellCheck={false} />
      <button type="submit" className="button secondary">
        {t('jury.check.submit')}
      </button>
      {found === undefined ? null : (
        <p className={found ? 'alert info' : 'alert warning'} role="status">
          {found ? t('jury.check.counted') : t('jury.check.notFound')}
        </p>
      )}
    </form>
  );
}

function Result({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (record.counts === null || record.verdict === null) return null;
  return (
    <section className="card" aria-labelledby="jury-result">
      <h2 id="jury-result">{t('jury.result.heading')}</h2>
      <p className="stat">
        <VerdictText outcome={record.verdict.outcome} operatorDecision={record.verdict.operator_decision} />
      </p>
      <div className="jury-counts">
        <div>
          <div className="stat">{formatNumber(record.counts.approve, language)}</div>
          <div className="stat-label">{t('jury.result.approve')}</div>
        </div>
        <div>
          <div className="stat">{formatNumber(record.counts.reject, language)}</div>
          <div className="stat-label">{t('jury.result.reject')}</div>
        </div>
        <div>
          <div className="stat">{formatNumber(record.counts.cast, language)}</div>
          <div className="stat-label">{t('jury.result.cast', { quorum: record.quorum })}</div>
        </div>
      </div>
      <p>{t(`jury.result.reason_${record.verdict.reason}`, { defaultValue: record.verdict.reason, quorum: record.quorum })}</p>
      <p className="muted">{t('jury.result.secret')}</p>
      <ReceiptCheck record={record} />
    </section>
  );
}

function PublicRecord({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  return (
    <details className="card jury-record">
      <summary>{t('jury.record.heading')}</summary>
      <p>{t('jury.record.explain')}</p>
      <dl className="jury-facts">
        <div>
          <dt>{t('jury.record.seed')}</dt>
          <dd>
            <code className="jury-receipt-code">{record.seed_hex}</code>
          </dd>
        </div>
        <div>
          <dt>{t('jury.record.eligible')}</dt>
          <dd>{record.eligible_count}</dd>
        </div>
        <div>
          <dt>{t('jury.record.panelSize')}</dt>
          <dd>{record.panel_size}</dd>
        </div>
        <div>
          <dt>{t('jury.record.quorum')}</dt>
          <dd>{record.quorum}</dd>
        </div>
      </dl>
      <h3>{t('jury.record.panel')}</h3>
      <p className="jury-codes">{record.panel.join(' ')}</p>
      {record.ballot_commitments === null ? null : (
        <>
          <h3>{t('jury.record.commitments')}</h3>
          <ul className="jury-codes">
            {record.ballot_commitments.map((commitment) => (
              <li key={commitment}>
                <code className="jury-receipt-code">{commitment}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

function PanelContent({ claim_id }: { claim_id: string }) {
  const { t } = useTranslation();
  const record = useJuryRecord(claim_id);
  const card = useCaseCard(record.data?.case_number);
  const panels = usePanels();
  const title = record.data === undefined ? t('jury.panel.title') : t('jury.panel.titleCase', { case_number: record.data.case_number });
  return (
    <Page title={title}>
      <p>
        <Link to="/jury">{t('jury.panel.back')}</Link>
      </p>
      <QueryState query={record}>
        {(data) => {
          if (panels.isPending) return <Loading />;
          if (panels.isError) return <ErrorState error={panels.error} onRetry={() => void panels.refetch()} />;
          const seats = panels.data.panels.filter((seat) => seat.claim_id === claim_id);
          const phase = phaseOf(data, seats);
          return (
            <>
              <div className={phase === 'counting' ? 'alert warning' : 'alert info'}>
                <p>
                  <strong>{t(`jury.phase.${phase}`)}</strong> · {t('jury.panels.window')} <Instant value={data.window.opens_at} /> – <Instant value={data.window.closes_at} />
                </p>
                {seats.length === 0 ? <p>{t('jury.panel.notOnPanel')}</p> : null}
                {phase === 'open' && seats.some((seat) => !seat.voted) ? (
                  <p>
                    <a href="#jury-vote">{t('jury.panel.toVote')}</a>
                  </p>
                ) : null}
              </div>
              {phase === 'closed' ? <Result record={data} /> : null}
              {phase === 'counting' ? <p>{t('jury.panel.counting')}</p> : null}
              {/* Read the case and the rules first, then vote. */}
              <QueryState query={card}>{(cardData) => <CaseSummary card={cardData.case} />}</QueryState>
              <VoteRules record={data} />
              {phase === 'open' && seats.length > 0 ? <VoteSection record={data} claim_id={claim_id} seats={seats} /> : null}
              <PublicRecord record={data} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export function PanelPage() {
  const { claim_id = '' } = useParams();
  return <RequireSession>{/^\d{1,19}$/.test(claim_id) ? <PanelContent claim_id={claim_id} /> : <NotAPanel />}</RequireSession>;
}

function NotAPanel() {
  const { t } = useTranslation();
  return (
    <Page title={t('jury.panel.title')}>
      <p>{t('jury.panel.unknown')}</p>
      <Link to="/jury">{t('jury.panel.back')}</Link>
    </Page>
  );
}
