import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { staffAccess, type Role } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import {
  changedState,
  evidenceUrl,
  rejectCodes,
  reloadClaim,
  useAddNote,
  useAudit,
  useDecision,
  useInvestigators,
  useNotes,
  usePlans,
  useStaffClaim,
  type Decision,
  type RejectCode,
  type RuleCheck,
  type StaffClaim,
} from '../api';
import { StateBadge } from '../components/state-badge';

const maxTextLength = 4000;
const maxFindingsLength = 20_000;
const maxNoteLength = 2000;
const fraudStates: readonly string[] = ['submitted', 'in_review', 'investigating', 'approved_for_notice', 'in_notice', 'objected', 'in_jury', 'approved', 'appealed'];

/** What the page lets this user do: the API's roles (an admin passes every check). */
function useAbilities(claim: StaffClaim) {
  const session = useSession();
  const roles = session.data?.roles ?? [];
  const has = (...wanted: Role[]) => roles.includes('admin') || wanted.some((role) => roles.includes(role));
  const open = claim.investigations.find((entry) => entry.completed_at === null);
  return {
    review: has('reviewer'),
    notice: has('reviewer', 'operator'),
    fraud: has('operator'),
    notes: has('reviewer', 'investigator', 'operator'),
    findings: open !== undefined && open.investigator_user_id === session.data?.id && claim.state === 'investigating',
    evidence: has('reviewer', 'investigator'),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="staff-claims-facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TextArea({ label, value, onChange, max, rows = 3 }: { label: string; value: string; onChange: (value: string) => void; max: number; rows?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} maxLength={max} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

function CheckFigures({ check }: { check: RuleCheck }) {
  const { t } = useTranslation();
  return (
    <ul className="staff-claims-figures">
      {Object.entries(check.figures).map(([name, value]) => (
        <li key={name}>
          {t(`staffClaims.figures.${name}`)}:{' '}
          {value === null ? '—' : name === 'aid_minor' ? <Money minor={String(value)} /> : String(value)}
        </li>
      ))}
    </ul>
  );
}

function Workbench({ claim }: { claim: StaffClaim }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const can = useAbilities(claim);
  const decision = useDecision(claim.claim_id);
  const plans = usePlans();
  const investigators = useInvestigators(can.review);
  const notes = useNotes(claim.claim_id);
  const addNote = useAddNote(claim.claim_id);
  const audit = useAudit(claim.claim_id);
  const [changed, setChanged] = useState<{ state: string; state_changed_at: string } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [investigator, setInvestigator] = useState('');
  const [findings, setFindings] = useState('');
  const [recommendation, setRecommendation] = useState<'approve' | 'reject'>('approve');
  const [rejectCode, setRejectCode] = useState<RejectCode>('INSUFFICIENT_EVIDENCE');
  const [rejectText, setRejectText] = useState('');
  const [fraudText, setFraudText] = useState('');
  const [appealDecision, setAppealDecision] = useState<'refer_to_jury' | 'close_rejection'>('refer_to_jury');
  const [appealText, setAppealText] = useState('');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [resolutions, setResolutions] = useState<Record<string, { decision: 'dismiss' | 'uphold' | 'refer_to_jury'; text: string }>>({});

  const plan = plans.data?.plans.find((entry) => entry.id === claim.plan_id);
  const illness = plan?.illnesses.find((entry) => entry.code === claim.illness_code);
  const illnessName = illness === undefined ? claim.illness_code : `${claim.illness_code} ${language === 'en' ? illness.name_en : illness.name_zh}`;
  // A double click must not send twice: the ref holds before React renders the disabled button.
  const sending = useRef(false);
  const pending = decision.isPending;
  const blocked = pending || changed !== undefined;

  function decide(next: Decision, after?: () => void) {
    if (blocked || sending.current) return;
    sending.current = true;
    setFailure(undefined);
    decision.mutate(
      { seen: claim.state_changed_at, decision: next },
      {
        onSettled: () => {
          sending.current = false;
        },
        onSuccess: () => after?.(),
        onError: (error) => {
          const current = changedState(error);
          if (current !== undefined) setChanged(current);
          else setFailure(errorMessage(t, error));
        },
      },
    );
  }

  function lookAgain() {
    setChanged(undefined);
    setFailure(undefined);
    void reloadClaim(client, claim.claim_id);
  }

  function onNote(event: FormEvent) {
    event.preventDefault();
    if (addNote.isPending) return;
    const text = note.trim();
    if (text === '' || text.length > maxNoteLength) {
      setNoteError(t('staffClaims.notes.bad', { limit: maxNoteLength }));
      return;
    }
    setNoteError(undefined);
    addNote.mutate(text, { onSuccess: () => setNote(''), onError: (error) => setNoteError(errorMessage(t, error)) });
  }

  const submitWith = (next: Decision, valid: boolean, after?: () => void) => (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      setFailure(t('staffClaims.decide.needText'));
      return;
    }
    decide(next, after);
  };
  const openObjections = claim.objections.filter((entry) => entry.status === 'open');
  const decisionShown =
    (can.review && ['submitted', 'in_review', 'investigating'].includes(claim.state)) || (can.notice && ['approved_for_notice', 'in_notice'].includes(claim.state));
  const readOnly = !can.review && !can.notice && !can.fraud && !can.notes && !can.findings;

  return (
    <>
      <div className="row staff-claims-head">
        <StateBadge state={claim.state} />
        <span>
          {t('staffClaims.workbench.since')} <Instant value={claim.state_changed_at} />
        </span>
        <span>
          {t('staffClaims.workbench.aid')} <Money minor={claim.aid_minor} />
        </span>
        {readOnly ? <span className="badge">{t('staffClaims.workbench.readOnly')}</span> : null}
      </div>

      {changed === undefined ? null : (
        <div className="alert warning" role="alert" data-testid="claim-changed">
          <p>
            {t('staffClaims.changed.text', { state: t(`staffClaims.state.${changed.state}`) })} <Instant value={changed.state_changed_at} />
          </p>
          <button type="button" className="button" onClick={lookAgain}>
            {t('staffClaims.changed.reload')}
          </button>
        </div>
      )}
      {failure === undefined ? null : (
        <div className="alert error" role="alert">
          <p>{failure}</p>
        </div>
      )}

      <div className="staff-claims-columns">
        <div>
          <Section id="wb-person" title={t('staffClaims.workbench.person')}>
            <Facts
              items={[
                [t('staffClaims.workbench.name'), claim.person.name_masked],
                [t('staffClaims.workbench.idNumber'), claim.person.id_number_masked],
                [t('staffClaims.workbench.phone'), claim.person.phone_masked],
                [t('staffClaims.workbench.gender'), t(`staffClaims.gender.${claim.person.gender}`)],
                [t('staffClaims.workbench.memberCode'), <span className="staff-claims-code">{claim.member_code}</span>],
                [t('staffClaims.workbench.plan'), plan === undefined ? claim.plan_id : language === 'en' ? plan.name_en : plan.name_zh],
              ]}
            />
          </Section>

          <Section id="wb-diagnosis" title={t('staffClaims.workbench.diagnosis')}>
            <Facts
              items={[
                [t('staffClaims.workbench.illness'), illnessName],
                [t('staffClaims.workbench.diagnosisDate'), <Day value={claim.diagnosis_date} />],
                [t('staffClaims.workbench.age'), t('staffClaims.workbench.years', { count: claim.age_at_diagnosis_years })],
                [t('staffClaims.workbench.hospital'), claim.hospital ?? <span className="muted">{t('staffClaims.workbench.hidden')}</span>],
                [t('staffClaims.workbench.submitted'), <Instant value={claim.submitted_at} />],
                [t('staffClaims.workbench.planVersion'), String(claim.plan_version)],
              ]}
            />
          </Section>

          <Section id="wb-checks" title={t('staffClaims.checks.title')}>
            <div className="table-wrap">
              <table aria-label={t('staffClaims.checks.title')}>
                <thead>
                  <tr>
                    <th scope="col">{t('staffClaims.checks.rule')}</th>
                    <th scope="col">{t('staffClaims.checks.result')}</th>
                    <th scope="col">{t('staffClaims.checks.figures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {claim.checks.map((check) => (
                    <tr key={check.code}>
                      <td>{t(`staffClaims.checks.${check.code}`)}</td>
                      <td>
                        <span className={check.pass ? 'badge' : 'badge bad'}>{check.pass ? t('staffClaims.checks.pass') : t('staffClaims.checks.fail')}</span>
                      </td>
                      <td>
                        <CheckFigures check={check} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <Section id="wb-membership" title={t('staffClaims.workbench.membership')}>
            <Facts
              items={[
                [t('staffClaims.workbench.status'), t(`staffClaims.membershipStatus.${claim.membership.status}`)],
                [t('staffClaims.workbench.joined'), <Instant value={claim.membership.joined_at} />],
                [t('staffClaims.workbench.coveredFrom'), <Day value={claim.membership.waiting_until} />],
              ]}
            />
            <div className="table-wrap">
              <table aria-label={t('staffClaims.workbench.history')}>
                <thead>
                  <tr>
                    <th scope="col">{t('staffClaims.workbench.when')}</th>
                    <th scope="col">{t('staffClaims.workbench.change')}</th>
                    <th scope="col">{t('staffClaims.workbench.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {claim.membership.history.map((entry, index) => (
                    <tr key={index}>
                      <td>
                        <Instant value={entry.at} />
                      </td>
                      <td>
                        {entry.from_status === null ? '—' : t(`staffClaims.membershipStatus.${entry.from_status}`)} → {t(`staffClaims.membershipStatus.${entry.to_status}`)}
                      </td>
                      <td>{entry.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <Section id="wb-evidence" title={t('staffClaims.evidence.title')}>
            {claim.evidence.length === 0 ? <p className="muted">{t('staffClaims.evidence.none')}</p> : null}
            <ul className="staff-claims-evidence">
              {claim.evidence.map((file, index) => {
                const label = t('staffClaims.evidence.file', { index: index + 1, kind: t(`staffClaims.evidence.${file.kind}`) });
                return (
                  <li key={file.sha256}>
                    <p>
                      <strong>{label}</strong> <span className="muted">{file.content_type}</span> · {Math.ceil(file.size_bytes / 1024)} KB
                      {file.file_name === undefined ? null : <span className="muted"> · {file.file_name}</span>}
                    </p>
                    {!can.evidence ? null : (
                      <p>
                        <a href={evidenceUrl(claim.claim_id, file.sha256)} target="_blank" rel="noopener noreferrer">
                          {t('staffClaims.evidence.open', { label })}
                        </a>
                      </p>
                    )}
                    {!can.evidence ? null : file.content_type === 'application/pdf' ? (
                      <iframe className="staff-claims-pdf" src={evidenceUrl(claim.claim_id, file.sha256)} title={label} />
                    ) : (
                      <img className="staff-claims-image" src={evidenceUrl(claim.claim_id, file.sha256)} alt={label} />
                    )}
                  </li>
                );
              })}
            </ul>
          </Section>
        </div>

        <div>
          <Section id="wb-decide" title={t('staffClaims.decide.title')}>
            {can.review && claim.state === 'submitted' ? (
              <button type="button" className="button" disabled={blocked} onClick={() => decide({ kind: 'start-review' })}>
                {t('staffClaims.decide.startReview')}
              </button>
            ) : null}
            {can.review && claim.state === 'in_review' ? (
              <button type="button" className="button" disabled={blocked} onClick={() => decide({ kind: 'approve-for-notice' })}>
                {t('staffClaims.decide.approve')}
              </button>
            ) : null}
            {can.notice && claim.state === 'approved_for_notice' ? (
              <button type="button" className="button" disabled={blocked} onClick={() => decide({ kind: 'publish-notice' })}>
                {t('staffClaims.decide.publish')}
              </button>
            ) : null}
            {can.notice && claim.state === 'in_notice' ? (
              <>
                <p className="muted">
                  {t('staffClaims.decide.noticeEnds')} {claim.notice_ends_at === null ? '—' : <Instant value={claim.notice_ends_at} />}
                </p>
                <button type="button" className="button" disabled={blocked} onClick={() => decide({ kind: 'end-notice' })}>
                  {t('staffClaims.decide.endNotice')}
                </button>
              </>
            ) : null}
            {can.review && ['submitted', 'in_review', 'investigating'].includes(claim.state) ? (
              <form className="staff-claims-form" onSubmit={submitWith({ kind: 'reject', reason_code: rejectCode, reason_text: rejectText.trim() }, rejectText.trim() !== '')}>
                <h3>{t('staffClaims.decide.reject')}</h3>
                <Select label={t('staffClaims.decide.reason')} value={rejectCode} onChange={(value) => setRejectCode(value as RejectCode)}>
                  {rejectCodes.map((code) => (
                    <option key={code} value={code}>
                      {t(`staffClaims.reasons.${code}`)}
                    </option>
                  ))}
                </Select>
                <TextArea label={t('staffClaims.decide.reasonText')} value={rejectText} onChange={setRejectText} max={maxTextLength} />
                <button type="submit" className="button danger" disabled={blocked}>
                  {t('staffClaims.decide.rejectSubmit')}
                </button>
              </form>
            ) : null}
            {claim.rejection_code === null ? null : (
              <p>
                {t('staffClaims.decide.rejectedFor')} {t(`staffClaims.reasons.${claim.rejection_code}`)}: {claim.rejection_text}
              </p>
            )}
            {decisionShown ? null : <p className="muted">{t('staffClaims.decide.none')}</p>}
          </Section>

          <Section id="wb-investigation" title={t('staffClaims.investigation.title')}>
            {claim.investigations.length === 0 ? <p className="muted">{t('staffClaims.investigation.none')}</p> : null}
            {claim.investigations.map((entry, index) => (
              <div key={index} className="staff-claims-investigation">
                <Facts
                  items={[
                    [t('staffClaims.investigation.assignee'), entry.investigator_name],
                    [t('staffClaims.investigation.assigned'), <Instant value={entry.assigned_at} />],
                    [t('staffClaims.investigation.recommendation'), entry.recommendation === null ? t('staffClaims.investigation.open') : t(`staffClaims.investigation.${entry.recommendation}`)],
                  ]}
                />
                {entry.findings === null ? null : <p className="staff-claims-text">{entry.findings}</p>}
              </div>
            ))}
            {can.review && claim.state === 'in_review' ? (
              <form className="staff-claims-form" onSubmit={submitWith({ kind: 'investigation', investigator_user_id: investigator }, investigator !== '')}>
                <Select label={t('staffClaims.investigation.pick')} value={investigator} onChange={setInvestigator}>
                  <option value="">{t('staffClaims.investigation.choose')}</option>
                  {(investigators.data?.investigators ?? []).map((entry) => (
                    <option key={entry.user_id} value={entry.user_id}>
                      {entry.display_name}
                    </option>
                  ))}
                </Select>
                <button type="submit" className="button secondary" disabled={blocked}>
                  {t('staffClaims.investigation.assign')}
                </button>
              </form>
            ) : null}
            {can.findings ? (
              <form className="staff-claims-form" onSubmit={submitWith({ kind: 'findings', findings: findings.trim(), recommendation }, findings.trim() !== '')}>
                <h3>{t('staffClaims.investigation.report')}</h3>
                <TextArea label={t('staffClaims.investigation.findings')} value={findings} onChange={setFindings} max={maxFindingsLength} rows={5} />
                <Select label={t('staffClaims.investigation.recommendation')} value={recommendation} onChange={(value) => setRecommendation(value as 'approve' | 'reject')}>
                  <option value="approve">{t('staffClaims.investigation.approve')}</option>
                  <option value="reject">{t('staffClaims.investigation.reject')}</option>
                </Select>
                <button type="submit" className="button" disabled={blocked}>
                  {t('staffClaims.investigation.submit')}
                </button>
              </form>
            ) : null}
          </Section>

          <Section id="wb-objections" title={t('staffClaims.objections.title')}>
            {claim.objections.length === 0 ? <p className="muted">{t('staffClaims.objections.none')}</p> : null}
            <ul className="staff-claims-list">
              {claim.objections.map((entry) => {
                const chosen = resolutions[entry.objection_id] ?? { decision: 'dismiss' as const, text: '' };
                const setChosen = (next: Partial<typeof chosen>) => setResolutions({ ...resolutions, [entry.objection_id]: { ...chosen, ...next } });
                return (
                  <li key={entry.objection_id}>
                    <p>
                      <span className={entry.status === 'open' ? 'badge warn' : 'badge'}>{t(`staffClaims.objections.${entry.status}`)}</span> <Instant value={entry.created_at} />
                    </p>
                    <p className="staff-claims-text">{entry.reason}</p>
                    {entry.resolution === null ? null : (
                      <p className="muted">
                        {t('staffClaims.objections.resolution')}: {entry.resolution}
                      </p>
                    )}
                    {can.review && entry.status === 'open' ? (
                      <form
                        className="staff-claims-form"
                        aria-label={t('staffClaims.objections.resolveOne')}
                        onSubmit={submitWith({ kind: 'resolve', objection_id: entry.objection_id, decision: chosen.decision, resolution: chosen.text.trim() }, chosen.text.trim() !== '')}
                      >
                        <Select label={t('staffClaims.objections.decision')} value={chosen.decision} onChange={(value) => setChosen({ decision: value as typeof chosen.decision })}>
                          <option value="dismiss">{t('staffClaims.objections.dismiss')}</option>
                          <option value="uphold">{t('staffClaims.objections.uphold')}</option>
                          <option value="refer_to_jury">{t('staffClaims.objections.refer')}</option>
                        </Select>
                        <TextArea label={t('staffClaims.objections.resolutionText')} value={chosen.text} onChange={(text) => setChosen({ text })} max={maxTextLength} />
                        <button type="submit" className="button" disabled={blocked}>
                          {t('staffClaims.objections.resolve')}
                        </button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {openObjections.length > 0 && !can.review ? <p className="muted">{t('staffClaims.objections.reviewersOnly')}</p> : null}
          </Section>

          {claim.appeal === null ? null : (
            <Section id="wb-appeal" title={t('staffClaims.appeal.title')}>
              <p>
                <Instant value={claim.appeal.at} />
              </p>
              <p className="staff-claims-text">{claim.appeal.reason}</p>
              {can.review && claim.state === 'appealed' ? (
                <form
                  className="staff-claims-form"
                  aria-label={t('staffClaims.appeal.decide')}
                  onSubmit={submitWith({ kind: 'appeal', decision: appealDecision, reason: appealText.trim() }, appealText.trim() !== '')}
                >
                  <Select label={t('staffClaims.appeal.decision')} value={appealDecision} onChange={(value) => setAppealDecision(value as typeof appealDecision)}>
                    <option value="refer_to_jury">{t('staffClaims.appeal.referToJury')}</option>
                    <option value="close_rejection">{t('staffClaims.appeal.closeRejection')}</option>
                  </Select>
                  <TextArea label={t('staffClaims.appeal.reason')} value={appealText} onChange={setAppealText} max={maxTextLength} />
                  <button type="submit" className="button" disabled={blocked}>
                    {t('staffClaims.appeal.send')}
                  </button>
                </form>
              ) : (
                <p className="muted">{t('staffClaims.appeal.next')}</p>
              )}
            </Section>
          )}

          <Section id="wb-fraud" title={t('staffClaims.fraud.title')}>
            {claim.fraud_finding === null ? (
              <p className="muted">{t('staffClaims.fraud.none')}</p>
            ) : (
              <>
                <p>
                  <Instant value={claim.fraud_finding.at} /> · {claim.fraud_finding.recorded_by}
                </p>
                <p className="staff-claims-text">{claim.fraud_finding.finding}</p>
              </>
            )}
            {can.fraud && fraudStates.includes(claim.state) ? (
              <form className="staff-claims-form" onSubmit={submitWith({ kind: 'fraud', finding: fraudText.trim() }, fraudText.trim() !== '')}>
                <p className="muted">{t('staffClaims.fraud.warning')}</p>
                <TextArea label={t('staffClaims.fraud.finding')} value={fraudText} onChange={setFraudText} max={maxFindingsLength} />
                <button type="submit" className="button danger" disabled={blocked}>
                  {t('staffClaims.fraud.submit')}
                </button>
              </form>
            ) : null}
          </Section>

          <Section id="wb-notes" title={t('staffClaims.notes.title')}>
            <QueryState query={notes}>
              {(data) =>
                data.notes.length === 0 ? (
                  <p className="muted">{t('staffClaims.notes.none')}</p>
                ) : (
                  <ul className="staff-claims-list">
                    {data.notes.map((entry) => (
                      <li key={entry.note_id}>
                        <p className="muted">
                          {entry.author_name} · <Instant value={entry.created_at} />
                        </p>
                        <p className="staff-claims-text">{entry.body}</p>
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
            {can.notes ? (
              <form className="staff-claims-form" onSubmit={onNote} noValidate>
                <TextArea label={t('staffClaims.notes.add')} value={note} onChange={setNote} max={maxNoteLength} />
                {noteError === undefined ? null : (
                  <p className="field-error" role="alert">
                    {noteError}
                  </p>
                )}
                <button type="submit" className="button secondary" disabled={addNote.isPending}>
                  {t('staffClaims.notes.submit')}
                </button>
              </form>
            ) : null}
          </Section>
        </div>
      </div>

      <Section id="wb-audit" title={t('staffClaims.audit.title')}>
        <QueryState query={audit}>
          {(data) => (
            <div className="table-wrap">
              <table aria-label={t('staffClaims.audit.title')}>
                <thead>
                  <tr>
                    <th scope="col">{t('staffClaims.workbench.when')}</th>
                    <th scope="col">{t('staffClaims.audit.event')}</th>
                    <th scope="col">{t('staffClaims.workbench.change')}</th>
                    <th scope="col">{t('staffClaims.audit.actor')}</th>
                    <th scope="col">{t('staffClaims.workbench.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.events.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        <Instant value={entry.at} />
                      </td>
                      <td>{t(`staffClaims.events.${entry.event}`)}</td>
                      <td>
                        {entry.from_state === null ? '—' : t(`staffClaims.state.${entry.from_state}`)} → {t(`staffClaims.state.${entry.to_state}`)}
                      </td>
                      <td>{entry.actor}</td>
                      <td>{entry.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </Section>
    </>
  );
}

function Loaded({ claim_id }: { claim_id: string }) {
  const { t } = useTranslation();
  const claim = useStaffClaim(claim_id);
  return (
    <Page
      title={claim.data === undefined ? t('staffClaims.workbench.title') : t('staffClaims.workbench.titleCase', { case_number: claim.data.claim.case_number })}
      actions={<Link to="/staff/claims">{t('staffClaims.workbench.back')}</Link>}
    >
      <QueryState query={claim}>{(data) => <Workbench claim={data.claim} />}</QueryState>
    </Page>
  );
}

export function WorkbenchPage() {
  const { claim_id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.claims}>
      <Loaded claim_id={claim_id} />
    </RequireRole>
  );
}
