import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useCreateProposal, useOpenProposal, usePlans, usePreview, useStaffProposals, type Plan, type Proposal, type RuleChange } from '../api/governance-api';
import { RuleChanges } from '../components/rule-changes';
import { VoteCount } from '../components/vote-count';

/** Write a proposal: edit the rules as JSON (starting from the latest version), preview the diff, then save it as a draft. */
function CreateProposal({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  // The rules in force to start from; the server diffs against the latest version (one announced for later too).
  const latest = plan.current_version.rules;
  const [text, setText] = useState(() => JSON.stringify(latest, null, 2));
  const [note, setNote] = useState('');
  const [parseError, setParseError] = useState<string | undefined>(undefined);
  const [changes, setChanges] = useState<readonly RuleChange[] | undefined>(undefined);
  const preview = usePreview(plan.id);
  const create = useCreateProposal(plan.id);
  const key = useRef<string | null>(null);
  const rulesId = useId();
  const noteId = useId();

  const parsed = (): unknown => {
    try {
      setParseError(undefined);
      return JSON.parse(text) as unknown;
    } catch {
      setParseError(t('governance.staff.badJson'));
      return undefined;
    }
  };

  function showPreview() {
    const rules = parsed();
    if (rules === undefined) return;
    preview.mutate(rules, { onSuccess: (answer) => setChanges(answer.changes) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const rules = parsed();
    if (rules === undefined) return;
    key.current ??= newIdempotencyKey();
    create.mutate(
      { key: key.current, rules, note },
      {
        onSuccess: () => {
          key.current = null;
          setNote('');
          setChanges(undefined);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) key.current = null;
        },
      },
    );
  }

  const apiError = create.error ?? preview.error;
  return (
    <section className="card" aria-labelledby="governance-create">
      <h2 id="governance-create">{t('governance.staff.create')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={rulesId}>{t('governance.staff.rules')}</label>
          <span className="field-hint" id={`${rulesId}-hint`}>
            {t('governance.staff.rulesHint')}
          </span>
          <textarea
            id={rulesId}
            className="governance-rules-json"
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setChanges(undefined);
            }}
            aria-describedby={`${rulesId}-hint${parseError === undefined ? '' : ` ${rulesId}-error`}`}
            aria-invalid={parseError === undefined ? undefined : true}
          />
          {parseError === undefined ? null : (
            <span className="field-error" id={`${rulesId}-error`} role="alert">
              {parseError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={noteId}>{t('governance.staff.note')}</label>
          <textarea id={noteId} rows={3} maxLength={1500} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        {apiError === null ? null : (
          <div className="alert error" role="alert">
            {errorMessage(t, apiError)}
          </div>
        )}
        {changes === undefined ? null : <RuleChanges changes={changes} currency={plan.currency} caption={t('governance.staff.previewCaption')} />}
        {create.isSuccess ? (
          <p className="alert info" role="status">
            {t('governance.staff.created', { id: create.data.proposal.id })}
          </p>
        ) : null}
        <div className="governance-actions">
          <button type="button" className="button secondary" onClick={showPreview} disabled={preview.isPending}>
            {t('governance.staff.preview')}
          </button>
          <button type="submit" className="button" disabled={create.isPending}>
            {t('governance.staff.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function StaffProposal({ proposal, plan_id }: { proposal: Proposal; plan_id: string }) {
  const { t } = useTranslation();
  const open = useOpenProposal(plan_id);
  return (
    <article className="card" aria-labelledby={`staff-proposal-${proposal.id}`}>
      <h3 id={`staff-proposal-${proposal.id}`}>
        {t('governance.proposalNumber', { id: proposal.id })} <span className={`badge governance-status-${proposal.status}`}>{t(`governance.status.${proposal.status}`)}</span>
      </h3>
      <p>{proposal.note}</p>
      {proposal.closes_at === null ? null : (
        <p className="muted">
          {t('governance.closesAt')} <Instant value={proposal.closes_at} /> · {t('governance.count.eligible')} {proposal.eligible_count}
        </p>
      )}
      <RuleChanges changes={proposal.changes} caption={t('governance.diff.caption', { version: proposal.base_version })} />
      <VoteCount proposal={proposal} />
      {open.error === null ? null : (
        <div className="alert error" role="alert">
          {errorMessage(t, open.error)}
        </div>
      )}
      {proposal.status === 'draft' ? (
        <button type="button" className="button" onClick={() => open.mutate(proposal.id)} disabled={open.isPending}>
          {t('governance.staff.open')}
        </button>
      ) : null}
    </article>
  );
}

function PlanProposals({ plans }: { plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const plan_id = params.get('plan') ?? plans[0]?.id ?? '';
  const plan = plans.find((entry) => entry.id === plan_id);
  const proposals = useStaffProposals(plan_id);
  const pickerId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={pickerId}>{t('governance.staff.plan')}</label>
        <select id={pickerId} value={plan_id} onChange={(event) => setParams({ plan: event.target.value })}>
          {plans.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {language === 'en' ? entry.name_en : entry.name_zh}
            </option>
          ))}
        </select>
      </div>
      {plan === undefined ? null : <CreateProposal key={plan.id} plan={plan} />}
      <h2>{t('governance.staff.list')}</h2>
      <QueryState query={proposals}>
        {(data) => (data.proposals.length === 0 ? <p className="muted">{t('governance.staff.none')}</p> : data.proposals.map((proposal) => <StaffProposal key={proposal.id} proposal={proposal} plan_id={plan_id} />))}
      </QueryState>
    </>
  );
}

/** The operator's proposals: write one with a preview of its diff, open it to the members' vote, read the counts. */
/** Asks only inside RequireRole, so someone without the role asks nothing. */
function StaffPlans() {
  return <QueryState query={usePlans()}>{(data) => <PlanProposals plans={data.plans} />}</QueryState>;
}

export function StaffProposalsPage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={staffAccess.governance}>
      <Page title={t('governance.staff.title')}>
        <p>{t('governance.staff.intro')}</p>
        <StaffPlans />
      </Page>
    </RequireRole>
  );
}
