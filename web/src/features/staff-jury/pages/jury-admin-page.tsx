import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatInstant, formatNumber } from '../../../shared/format/dates';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading, QueryState } from '../../../shared/ui/query-state';
import {
  recomputeSeed,
  useCloseJury,
  useDecideAfterJury,
  useJuryOverview,
  useJuryRecord,
  useOpenJury,
  type JuryOverview,
  type JuryRecord,
} from '../api';
import { PhaseBadge, VerdictWords } from '../components/phase';
import { useSingleFlight } from '../components/single-flight';

const defaultWindowHours = 72;
const maxWindowHours = 30 * 24;

function ApiFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <div className="alert error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}

function OpenForm({ claim_id }: { claim_id: string }) {
  const { t } = useTranslation();
  const open = useOpenJury(claim_id);
  const once = useSingleFlight();
  const [hours, setHours] = useState(String(defaultWindowHours));
  const [checked, setChecked] = useState(false);
  const value = Number(hours);
  const valid = /^\d+$/.test(hours) && value >= 1 && value <= maxWindowHours;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!valid) return;
    once(() => open.mutateAsync(value));
  }

  return (
    <section className="card" aria-labelledby="staff-jury-open">
      <h2 id="staff-jury-open">{t('staffJury.open.heading')}</h2>
      <p>{t('staffJury.open.explain')}</p>
      <ApiFailure error={open.error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('staffJury.open.windowHours')}
          hint={t('staffJury.open.windowHint', { max: maxWindowHours, days: maxWindowHours / 24 })}
          inputMode="numeric"
          value={hours}
          onChange={(event) => setHours(event.target.value.trim())}
          error={checked && !valid ? t('staffJury.open.windowInvalid', { max: maxWindowHours }) : undefined}
        />
        <button type="submit" className="button" disabled={open.isPending}>
          {open.isPending ? t('staffJury.open.opening') : t('staffJury.open.submit')}
        </button>
      </form>
    </section>
  );
}

function SeedDerivation({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const [recomputed, setRecomputed] = useState<string | undefined>(undefined);
  const { case_number, ledger_seq, ledger_hash_hex } = record.seed_inputs;
  useEffect(() => {
    let live = true;
    void recomputeSeed(case_number, ledger_hash_hex).then((seed) => live && setRecomputed(seed));
    return () => {
      live = false;
    };
  }, [case_number, ledger_hash_hex]);
  return (
    <section className="card" aria-labelledby="staff-jury-seed">
      <h2 id="staff-jury-seed">{t('staffJury.seed.heading')}</h2>
      <p>{t('staffJury.seed.explain')}</p>
      <p className="staff-jury-formula">
        <code>seed_hex = SHA-256(case_number + "|" + ledger_hash_hex)</code>
      </p>
      <dl className="staff-jury-facts">
        <div>
          <dt>{t('staffJury.seed.caseNumber')}</dt>
          <dd>
            <code>{case_number}</code>
          </dd>
        </div>
        <div>
          <dt>{t('staffJury.seed.ledgerSeq')}</dt>
          <dd>
            <code>{ledger_seq}</code>
          </dd>
        </div>
        <div>
          <dt>{t('staffJury.seed.ledgerHash')}</dt>
          <dd>
            <code className="staff-jury-hex">{ledger_hash_hex}</code>
          </dd>
        </div>
      </dl>
      <p className="staff-jury-formula">
        <code className="staff-jury-hex">
          SHA-256("{case_number}|{ledger_hash_hex}")
        </code>
        <br />
        <code className="staff-jury-hex" data-testid="staff-jury-seed">
          = {record.seed_hex}
        </code>
      </p>
      {recomputed === undefined ? null : (
        <p className={recomputed === record.seed_hex ? 'alert info' : 'alert error'} role="status">
          {recomputed === record.seed_hex ? t('staffJury.seed.matches') : t('staffJury.seed.differs')}
        </p>
      )}
      <p className="muted">{t('staffJury.seed.draw')}</p>
    </section>
  );
}

function DrawFacts({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="staff-jury-draw">
      <h2 id="staff-jury-draw">{t('staffJury.draw.heading')}</h2>
      <div className="grid stat-cards">
        <div className="card">
          <div className="stat">{formatNumber(record.eligible_count, language)}</div>
          <div className="stat-label">{t('staffJury.draw.eligible')}</div>
        </div>
        <div className="card">
          <div className="stat">{formatNumber(record.panel_size, language)}</div>
          <div className="stat-label">{t('staffJury.draw.panel')}</div>
        </div>
        <div className="card">
          <div className="stat">{formatNumber(record.quorum, language)}</div>
          <div className="stat-label">{t('staffJury.draw.quorum')}</div>
        </div>
      </div>
      <p className="muted">
        {t('staffJury.draw.window', { opens: formatInstant(record.window.opens_at, language), closes: formatInstant(record.window.closes_at, language) })}
      </p>
      <p>
        <a href={`/api/claims/${encodeURIComponent(record.case_number)}/jury`}>{t('staffJury.draw.publicRecord')}</a>
      </p>
    </section>
  );
}

function Progress({ overview }: { overview: JuryOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const progressId = useId();
  const cast = overview.votes_cast ?? 0;
  const seats = overview.panel_size ?? 0;
  return (
    <section className="card" aria-labelledby="staff-jury-progress">
      <h2 id="staff-jury-progress">{t('staffJury.progress.heading')}</h2>
      <p className="stat" data-testid="staff-jury-votes">
        {t('staffJury.votesOfSeats', { cast: formatNumber(cast, language), seats: formatNumber(seats, language) })}
      </p>
      <label htmlFor={progressId} className="stat-label">
        {t('staffJury.progress.label')}
      </label>
      <progress id={progressId} className="staff-jury-progress" value={cast} max={Math.max(seats, 1)} />
      <p className="muted">{t('staffJury.progress.secret')}</p>
    </section>
  );
}

function CloseSection({ overview, claim_id }: { overview: JuryOverview; claim_id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const close = useCloseJury(claim_id);
  const once = useSingleFlight();
  const reasonId = useId();
  const voting = overview.phase === 'voting';
  return (
    <section className="card" aria-labelledby="staff-jury-close">
      <h2 id="staff-jury-close">{t('staffJury.close.heading')}</h2>
      <p>{t('staffJury.close.explain')}</p>
      <ApiFailure error={close.error} />
      <button
        type="button"
        className="button"
        disabled={voting || close.isPending}
        aria-describedby={voting ? reasonId : undefined}
        onClick={() => once(() => close.mutateAsync())}
      >
        {close.isPending ? t('staffJury.close.closing') : t('staffJury.close.submit')}
      </button>
      {voting && overview.window !== null ? (
        <p id={reasonId} className="muted">
          {t('staffJury.close.notYet', { closes: formatInstant(overview.window.closes_at, language) })}
        </p>
      ) : null}
    </section>
  );
}

function Result({ record, overview }: { record: JuryRecord; overview: JuryOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (record.counts === null || record.verdict === null) return null;
  return (
    <section className="card" aria-labelledby="staff-jury-result">
      <h2 id="staff-jury-result">{t('staffJury.result.heading')}</h2>
      <p className="stat">
        <VerdictWords verdict={record.verdict.outcome} decision={record.verdict.operator_decision} />
      </p>
      <p>
        {t('staffJury.result.counts', {
          approve: formatNumber(record.counts.approve, language),
          reject: formatNumber(record.counts.reject, language),
          cast: formatNumber(record.counts.cast, language),
          quorum: formatNumber(record.quorum, language),
        })}
      </p>
      <p className="muted">{t('staffJury.result.claimState', { state: t(`claims.state.${overview.claim_state}`, { defaultValue: overview.claim_state }) })}</p>
    </section>
  );
}

function DecisionForm({ claim_id }: { claim_id: string }) {
  const { t } = useTranslation();
  const decide = useDecideAfterJury(claim_id);
  const once = useSingleFlight();
  const [decision, setDecision] = useState<'approve' | 'reject' | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const reasonId = useId();
  const choiceError = checked && decision === undefined ? t('staffJury.decision.chooseSide') : undefined;
  const reasonError = checked && reason.trim() === '' ? t('staffJury.decision.reasonRequired') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (decision === undefined || reason.trim() === '') return;
    once(() => decide.mutateAsync({ decision, reason: reason.trim() }));
  }

  return (
    <section className="card" aria-labelledby="staff-jury-decision">
      <h2 id="staff-jury-decision">{t('staffJury.decision.heading')}</h2>
      <p>{t('staffJury.decision.explain')}</p>
      <ApiFailure error={decide.error} />
      <form onSubmit={submit} noValidate>
        <fieldset className="field staff-jury-choices">
          <legend>{t('staffJury.decision.question')}</legend>
          <label className="choice">
            <input type="radio" name="decision" checked={decision === 'approve'} onChange={() => setDecision('approve')} />
            {t('staffJury.decision.approve')}
          </label>
          <label className="choice">
            <input type="radio" name="decision" checked={decision === 'reject'} onChange={() => setDecision('reject')} />
            {t('staffJury.decision.reject')}
          </label>
          {choiceError === undefined ? null : (
            <span className="field-error" role="alert">
              {choiceError}
            </span>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={reasonId}>{t('staffJury.decision.reason')}</label>
          <textarea
            id={reasonId}
            rows={3}
            maxLength={4000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reasonError === undefined ? undefined : true}
            aria-describedby={reasonError === undefined ? undefined : `${reasonId}-error`}
          />
          {reasonError === undefined ? null : (
            <span className="field-error" id={`${reasonId}-error`} role="alert">
              {reasonError}
            </span>
          )}
        </div>
        <button type="submit" className="button" disabled={decide.isPending}>
          {decide.isPending ? t('staffJury.decision.sending') : t('staffJury.decision.submit')}
        </button>
      </form>
    </section>
  );
}

function OpenedJury({ overview, claim_id }: { overview: JuryOverview; claim_id: string }) {
  const record = useJuryRecord(claim_id, true);
  return (
    <QueryState query={record}>
      {(data) => (
        <>
          {overview.phase === 'closed' ? <Result record={data} overview={overview} /> : null}
          {overview.awaiting_operator ? <DecisionForm claim_id={claim_id} /> : null}
          {overview.phase === 'closed' ? null : <Progress overview={overview} />}
          {overview.phase === 'closed' ? null : <CloseSection overview={overview} claim_id={claim_id} />}
          <SeedDerivation record={data} />
          <DrawFacts record={data} />
        </>
      )}
    </QueryState>
  );
}

function JuryAdmin({ claim_id }: { claim_id: string }) {
  const { t } = useTranslation();
  const overview = useJuryOverview(claim_id);
  const title = overview.data === undefined ? t('staffJury.detail.titleLoading') : t('staffJury.detail.title', { case_number: overview.data.case_number });
  return (
    <Page title={title}>
      <p>
        <Link to="/staff/jury">{t('staffJury.detail.back')}</Link>
      </p>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <p className="row">
            <PhaseBadge jury={overview.data} />
            <span className="muted">{t('staffJury.detail.plan', { plan: overview.data.plan_id })}</span>
          </p>
          {overview.data.phase === 'to_open' ? <OpenForm claim_id={claim_id} /> : <OpenedJury overview={overview.data} claim_id={claim_id} />}
        </>
      )}
    </Page>
  );
}

/** /staff/jury/:claim_id: open the jury, its seed and how it was derived, the vote's progress, close, decide. */
export function JuryAdminPage() {
  const { claim_id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.jury}>
      <JuryAdmin claim_id={claim_id} />
    </RequireRole>
  );
}
