import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { useLanguage } from '../../../shared/i18n/i18n';
import { RequireRole } from '../../../shared/auth/require-role';
import { hasRole, useSession } from '../../../shared/auth/session';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useAnnounceClosure, useClosureStatus, useClosureStep, usePlanIds, type ClosureStatus, type ClosureStep, type LastCyclesPayer } from '../api';
import { ClosureSummary } from '../components/closure-summary';
import { TransferOfferConsole } from '../components/transfer-offer';

/** The step each state leads to, in the order the service runs them. */
const nextStep: Record<ClosureStatus['step'], ClosureStep | null> = {
  announced: 'close',
  closed: 'refunds',
  refunds_done: 'receivables',
  receivables_done: 'finalise',
  finalised: null,
};

function AnnounceForm({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const announce = useAnnounceClosure(plan_id);
  // Set in the submit's own event: the second click of a double click finds it and sends nothing.
  const inFlight = useRef(false);
  const [closure_date, setDate] = useState('');
  const [payer, setPayer] = useState<LastCyclesPayer>('members');
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        if (inFlight.current) return;
        inFlight.current = true;
        announce.mutate({ closure_date, last_cycles_paid_by: payer }, { onSettled: () => (inFlight.current = false) });
      }}
    >
      <h2>{t('closure.console.announce')}</h2>
      <div className="field">
        <label htmlFor="closure-date">{t('closure.closureDate')}</label>
        <input id="closure-date" type="date" required value={closure_date} onChange={(event) => setDate(event.target.value)} />
      </div>
      <fieldset>
        <legend>{t('closure.paidBy')}</legend>
        {(['members', 'operator'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="payer" value={value} checked={payer === value} onChange={() => setPayer(value)} /> {t(`closure.payer.${value}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('closure.console.announceNote')}</p>
      {announce.isError ? <ErrorState error={announce.error} /> : null}
      <button type="submit" className="button" disabled={announce.isPending}>
        {t('closure.console.announceButton')}
      </button>
    </form>
  );
}

function Steps({ closure }: { closure: ClosureStatus }) {
  const { t } = useTranslation();
  const run = useClosureStep(closure.plan_id);
  // One key per step until it succeeds: a retry after a lost answer is the same request.
  const key = useRef<{ step: ClosureStep; key: string } | null>(null);
  // Set in the click's own event, before React disables the button: a double click posts once.
  const inFlight = useRef(false);
  const step = nextStep[closure.step];
  return (
    <section className="card" aria-labelledby="closure-next">
      <h2 id="closure-next">{t('closure.console.next')}</h2>
      {step === null ? (
        <p>{t('closure.console.done')}</p>
      ) : (
        <>
          <p>{t(`closure.console.stepHelp.${step}`)}</p>
          {step === 'finalise' ? (
            <p className="muted" data-testid="closure-finalise-from">
              {t('closure.console.finaliseFrom', { last_claim_date: closure.last_claim_date, finalise_from_date: closure.finalise_from_date })}
            </p>
          ) : null}
          {run.isError ? <ErrorState error={run.error} /> : null}
          <button
            type="button"
            className="button"
            disabled={run.isPending}
            onClick={() => {
              if (inFlight.current) return;
              inFlight.current = true;
              if (key.current?.step !== step) key.current = { step, key: newIdempotencyKey() };
              const current = key.current;
              run.mutate(current, {
                onSuccess: () => (key.current = null),
                onError: (error) => {
                  // A refusal was answered: the next press is a new request. A lost answer keeps the key.
                  if (error instanceof ApiError && error.status < 500) key.current = null;
                },
                onSettled: () => (inFlight.current = false),
              });
            }}
          >
            {t(`closure.console.run.${step}`)}
          </button>
        </>
      )}
    </section>
  );
}

function PlanClosure({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const status = useClosureStatus(plan_id);
  // Only an operator runs the steps; an administrator (for the transfer file) reads along.
  const operates = hasRole(useSession().data, 'operator');
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data === null) return operates ? <AnnounceForm plan_id={plan_id} /> : <p className="muted">{t('closure.console.noneReadOnly')}</p>;
  return (
    <>
      {operates ? <Steps closure={status.data} /> : <p className="muted">{t('closure.console.readOnly')}</p>}
      <ClosureSummary closure={status.data} />
      <TransferOfferConsole plan_id={plan_id} finalised={status.data.step === 'finalised'} operates={operates} />
    </>
  );
}

const consoleSteps = ['announce', 'close', 'refunds', 'receivables', 'finalise'] as const;

/** What the console does, shown until a plan is chosen. */
function Intro() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="closure-intro">
      <h2 id="closure-intro">{t('closure.console.intro.title')}</h2>
      <p>{t('closure.console.intro.body')}</p>
      <ol>
        {consoleSteps.map((step) => (
          <li key={step}>
            <strong>{t(`closure.console.intro.steps.${step}.name`)}</strong> {t(`closure.console.intro.steps.${step}.text`)}
          </li>
        ))}
      </ol>
      <p className="muted">{t('closure.console.intro.safe')}</p>
    </section>
  );
}

function Console() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlanIds();
  const [plan_id, setPlan] = useState('');
  return (
    <Page title={t('closure.console.title')}>
      <div className="field">
        <label htmlFor="closure-plan">{t('closure.console.plan')}</label>
        <select id="closure-plan" value={plan_id} onChange={(event) => setPlan(event.target.value)}>
          <option value="">{t('closure.console.choose')}</option>
          {(plans.data?.plans ?? []).map((plan) => (
            <option key={plan.id} value={plan.id}>
              {language === 'en' ? plan.name_en : plan.name_zh}
            </option>
          ))}
        </select>
      </div>
      {plan_id === '' ? <Intro /> : <PlanClosure plan_id={plan_id} />}
    </Page>
  );
}

/** The operator's wind-down of a plan: announce, then run each step in turn and follow the figures. */
export function ClosureConsolePage() {
  return (
    <RequireRole roles={staffAccess.closure}>
      <Console />
    </RequireRole>
  );
}
