import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { formatCalendarDate, parseNationalId, planTakesMembers, type PlanRulesJson } from '../../../shared/members/join-rules';
import { TextField } from '../../../shared/ui/field';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useHousehold, useJoin, usePlan, type Household, type Plan } from '../api/members-api';
import { FirstPayment } from '../components/first-payment';
import {
  checkEligibility,
  checkNewPerson,
  coverStartsOn,
  familyRelationships,
  fieldOfApiError,
  provinces,
  type FieldName,
  type FieldProblem,
  type NewPersonFields,
  type Problems,
} from '../components/join-form-rules';
import { usePlanName } from '../components/plan-name';

type Who = 'self-new' | 'family-new' | `person:${string}`;

function Problem({ problem, id }: { problem: FieldProblem | string | undefined; id: string }) {
  const { t } = useTranslation();
  if (problem === undefined) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {typeof problem === 'string' ? problem : t(problem.key, problem.values ?? {})}
    </span>
  );
}

function RulesSummary({ plan, rules }: { plan: Plan; rules: PlanRulesJson }) {
  const { t } = useTranslation();
  const currency = rules.currency;
  return (
    <div className="card">
      <ul className="rules-list">
        <li>
          {t('memberships.join.rules.age', { min: rules.join_age.min_years > 0 ? t('memberships.join.rules.years', { count: rules.join_age.min_years }) : t('memberships.join.rules.days', { count: rules.join_age.min_days }), max: rules.join_age.max_years })}
        </li>
        {rules.aid_bands.map((band, index) => (
          <li key={band.max_age_years}>
            {index === rules.aid_bands.length - 1 && index > 0
              ? t('memberships.join.rules.aidBandFrom', { from: (rules.aid_bands[index - 1]?.max_age_years ?? 0) + 1 })
              : t('memberships.join.rules.aidBand', { from: index === 0 ? 0 : (rules.aid_bands[index - 1]?.max_age_years ?? 0) + 1, to: band.max_age_years })}{' '}
            <Money minor={band.aid_minor} currency={currency} />
          </li>
        ))}
        <li>{t('memberships.join.rules.fee', { percent: (rules.fee_bps / 100).toString() })}</li>
        {rules.caps.per_case_minor === null ? null : (
          <li>
            {t('memberships.join.rules.capCase')} <Money minor={rules.caps.per_case_minor} currency={currency} />
          </li>
        )}
        {rules.caps.per_year_minor === null ? null : (
          <li>
            {t('memberships.join.rules.capYear')} <Money minor={rules.caps.per_year_minor} currency={currency} />
          </li>
        )}
        <li>
          {rules.funding.model === 'post_paid'
            ? t('memberships.join.rules.postPaid', { days: rules.schedule.collection_days_of_month.join(t('memberships.join.rules.and')) })
            : t('memberships.join.rules.prepaid', { grace: rules.funding.grace_days })}
        </li>
        <li>{t('memberships.join.rules.illnesses', { count: rules.illnesses.length })}</li>
      </ul>
      <Link to={`/plans/${plan.id}`}>{t('memberships.join.rules.full')}</Link>
    </div>
  );
}

function JoinForm({ plan, household }: { plan: Plan; household: Household }) {
  const { t } = useTranslation();
  const planName = usePlanName();
  const language = useLanguage();
  const rules = plan.current_version.rules as PlanRulesJson;
  const selfPerson = household.persons.find((person) => person.relationship === 'self');
  const others = household.persons.filter((person) => person.relationship !== 'self');
  const member = (person: { memberships: ReadonlyArray<{ plan_id: string; status: string }> }) =>
    person.memberships.some((membership) => membership.plan_id === plan.id && (membership.status === 'waiting' || membership.status === 'active'));
  const suffix = (person: Parameters<typeof member>[0]) => (member(person) ? ` · ${t('memberships.join.alreadyMember')}` : '');
  const [who, setWho] = useState<Who>(selfPerson === undefined ? 'self-new' : member(selfPerson) ? 'family-new' : `person:${selfPerson.person_id}`);
  const [fields, setFields] = useState<NewPersonFields>({ name: '', id_number: '', phone: '', province: '', relationship: '' });
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [agreed, setAgreed] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const join = useJoin();
  const apiField = join.isError ? fieldOfApiError(join.error) : undefined;
  const apiMessage = join.isError ? errorMessage(t, join.error) : undefined;
  const problemOf = (field: FieldName): FieldProblem | string | undefined => problems[field] ?? (apiField === field ? apiMessage : undefined);
  const isNew = who === 'self-new' || who === 'family-new';
  const existingId = who.startsWith('person:') ? who.slice('person:'.length) : undefined;
  const existing = household.persons.find((person) => person.person_id === existingId);
  // What the ID number says, as soon as it is typed (not only once every other field is valid too).
  const id_number_hint = (() => {
    const id = parseNationalId(fields.id_number.trim());
    return id.ok ? t('memberships.join.idDerived', { birth: formatCalendarDate(id.value.birth_date), gender: t(`memberships.gender.${id.value.gender}`) }) : t('memberships.join.idHint');
  })();

  function update(field: keyof NewPersonFields, value: string) {
    setFields((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (join.isPending) return;
    const relationship = who === 'self-new' ? 'self' : who === 'family-new' ? fields.relationship : ((existing?.relationship ?? 'self') as NewPersonFields['relationship']);
    const checked = isNew ? checkNewPerson({ ...fields, relationship }) : { problems: {} };
    const has_live_membership = existing?.memberships.some((membership) => membership.plan_id === plan.id && (membership.status === 'waiting' || membership.status === 'active')) ?? false;
    const eligibility = checkEligibility({
      rules,
      plan_open: planTakesMembers(plan),
      birth_date: 'person' in checked ? checked.person?.birth_date : undefined,
      relationship: relationship === '' ? 'other' : relationship,
      answers,
      has_live_membership,
    });
    const found: Problems = { ...eligibility, ...checked.problems };
    if (!agreed) found.agreement = { key: 'memberships.join.problems.agreement' };
    setProblems(found);
    if (Object.values(found).some((problem) => problem !== undefined)) {
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"], .join-form .field-error');
      first?.focus();
      return;
    }
    if (isNew && 'person' in checked && checked.person !== undefined) join.mutate({ plan_id: plan.id, person: checked.person, answers });
    else if (existingId !== undefined) join.mutate({ plan_id: plan.id, person_id: existingId, answers });
  }

  if (join.isSuccess) {
    const funding = rules.funding;
    return (
      <section className="card" aria-labelledby="joined-title">
        <h2 id="joined-title">{t('memberships.join.done.title', { plan: planName(plan) })}</h2>
        <p>
          {t('memberships.join.done.code')} <code>{join.data.member_code}</code>
        </p>
        <p>
          {t('memberships.join.done.waiting')} <strong><Day value={join.data.waiting_until} /></strong>
        </p>
        <p className="muted">{t('memberships.join.waitingText', { days: rules.waiting_days })}</p>
        {funding.model === 'prepaid' ? (
          <FirstPayment membership_id={join.data.membership_id} currency={rules.currency} min_minor={funding.min_top_up_minor} max_minor={funding.max_top_up_minor} />
        ) : (
          <p>{t('memberships.join.done.postPaid')}</p>
        )}
        <div className="row">
          <Link className="button secondary" to={`/me/memberships/${join.data.membership_id}`}>
            {t('memberships.join.done.toMembership')}
          </Link>
          <Link to="/me">{t('memberships.join.done.toMe')}</Link>
        </div>
      </section>
    );
  }

  const formProblem = join.isError && apiField === undefined ? apiMessage : undefined;
  return (
    <form className="join-form" onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>
          <h2>{t('memberships.join.who')}</h2>
        </legend>
        {selfPerson === undefined ? (
          <label className="choice">
            <input type="radio" name="who" checked={who === 'self-new'} onChange={() => setWho('self-new')} />
            {t('memberships.join.myself')}
          </label>
        ) : (
          <label className="choice">
            <input type="radio" name="who" disabled={member(selfPerson)} checked={who === `person:${selfPerson.person_id}`} onChange={() => setWho(`person:${selfPerson.person_id}`)} />
            {t('memberships.join.myselfRegistered', { name: selfPerson.name_masked })}
            {suffix(selfPerson)}
          </label>
        )}
        {others.map((person) => (
          <label className="choice" key={person.person_id}>
            <input type="radio" name="who" disabled={member(person)} checked={who === `person:${person.person_id}`} onChange={() => setWho(`person:${person.person_id}`)} />
            {person.name_masked} ({t(`memberships.relationship.${person.relationship}`, { defaultValue: person.relationship })})
            {suffix(person)}
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="who" checked={who === 'family-new'} onChange={() => setWho('family-new')} />
          {t('memberships.join.newFamily')}
        </label>
        <Problem problem={problemOf('who')} id="who-error" />
      </fieldset>

      {isNew ? (
        <section aria-labelledby="person-title">
          <h2 id="person-title">{t('memberships.join.personTitle')}</h2>
          <p className="muted">{t('memberships.join.personNote')}</p>
          <TextField label={t('memberships.join.name')} autoComplete={who === 'self-new' ? 'name' : 'off'} value={fields.name} onChange={(event) => update('name', event.target.value)} error={msg(t, problemOf('name'))} />
          <TextField
            label={t('memberships.join.idNumber')}
            hint={id_number_hint}
            autoComplete="off"
            inputMode="text"
            maxLength={18}
            value={fields.id_number}
            onChange={(event) => update('id_number', event.target.value)}
            error={msg(t, problemOf('id_number'))}
          />
          <TextField label={t('memberships.join.phone')} type="tel" autoComplete={who === 'self-new' ? 'tel' : 'off'} inputMode="tel" value={fields.phone} onChange={(event) => update('phone', event.target.value)} error={msg(t, problemOf('phone'))} />
          <SelectField
            label={t('memberships.join.province')}
            value={fields.province}
            onChange={(value) => update('province', value)}
            options={[{ value: '', label: t('memberships.join.choose') }, ...provinces.map((province) => ({ value: province, label: province }))]}
            error={msg(t, problemOf('province'))}
          />
          {who === 'family-new' ? (
            <SelectField
              label={t('memberships.join.relationship')}
              value={fields.relationship}
              onChange={(value) => update('relationship', value)}
              options={[{ value: '', label: t('memberships.join.choose') }, ...familyRelationships.map((relationship) => ({ value: relationship, label: t(`memberships.relationship.${relationship}`) }))]}
              error={msg(t, problemOf('relationship'))}
            />
          ) : (
            <Problem problem={problemOf('relationship')} id="relationship-error" />
          )}
        </section>
      ) : (
        <Problem problem={problemOf('relationship')} id="relationship-error" />
      )}

      <section aria-labelledby="health-title">
        <h2 id="health-title">{t('memberships.join.healthTitle')}</h2>
        <p className="muted">{t('memberships.join.healthNote')}</p>
        {rules.health_questions.map((question) => (
          <HealthQuestion
            key={question.code}
            name={`health-${question.code}`}
            text={language === 'zh-CN' ? question.text_zh : question.text_en}
            value={answers[question.code]}
            onChange={(value) => {
              setAnswers((current) => ({ ...current, [question.code]: value }));
              setProblems((current) => ({ ...current, health: undefined }));
            }}
          />
        ))}
        <Problem problem={problemOf('health')} id="health-error" />
      </section>

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('memberships.join.rulesTitle')}</h2>
        <RulesSummary plan={plan} rules={rules} />
        <h3>{t('memberships.join.waitingTitle')}</h3>
        <p>
          {t('memberships.join.waitingStarts', { days: rules.waiting_days })} <strong><Day value={coverStartsOn(rules.waiting_days)} /></strong>
        </p>
        <p className="muted">{t('memberships.join.waitingText', { days: rules.waiting_days })}</p>
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={agreed} aria-invalid={problemOf('agreement') === undefined ? undefined : true} aria-describedby="agreement-error" onChange={(event) => {
              setAgreed(event.target.checked);
              setProblems((current) => ({ ...current, agreement: undefined }));
            }} />
            {t('memberships.join.agree')}
          </label>
          <Problem problem={problemOf('agreement')} id="agreement-error" />
        </div>
      </section>

      {formProblem === undefined ? null : <ErrorState error={join.error} />}
      <button type="submit" className="button" disabled={join.isPending}>
        {join.isPending ? t('memberships.join.sending') : t('memberships.join.submit')}
      </button>
    </form>
  );
}

function msg(t: TFunction, problem: FieldProblem | string | undefined): string | undefined {
  if (problem === undefined) return undefined;
  return typeof problem === 'string' ? problem : t(problem.key, problem.values ?? {});
}

function HealthQuestion({ name, text, value, onChange }: { name: string; text: string; value: boolean | undefined; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field health-question">
      <legend>{text}</legend>
      <div className="row">
        <label className="choice">
          <input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} />
          {t('memberships.join.no')}
        </label>
        <label className="choice">
          <input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} />
          {t('memberships.join.yes')}
        </label>
      </div>
    </fieldset>
  );
}

function SelectField({ label, value, onChange, options, error }: { label: string; value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }>; error: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? undefined : `${id}-error`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A closed or closing plan: no form to fill in only to be refused on submit (PLAN_CLOSED, PLAN_CLOSING). */
function NotTakingMembers({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <div className="alert warning" data-testid="join-not-taking">
      <p>
        {plan.closure_date === null ? (
          t('memberships.join.planClosed')
        ) : (
          <>
            {t('memberships.join.planClosing')} <Day value={plan.closure_date} />
          </>
        )}
      </p>
      <p>
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan.id)}`}>
          {t('memberships.join.aboutPlan')}
        </Link>
      </p>
    </div>
  );
}

function Join() {
  const { t } = useTranslation();
  const { plan_id = '' } = useParams();
  const plan = usePlan(plan_id);
  const household = useHousehold();
  const planName = usePlanName();
  const title = plan.data === undefined ? t('memberships.join.titleLoading') : t('memberships.join.title', { plan: planName(plan.data) });
  return (
    <Page title={title}>
      {plan.isPending || household.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : household.isError ? (
        <ErrorState error={household.error} onRetry={() => void household.refetch()} />
      ) : planTakesMembers(plan.data) ? (
        <JoinForm plan={plan.data} household={household.data} />
      ) : (
        <NotTakingMembers plan={plan.data} />
      )}
    </Page>
  );
}

export function JoinPage() {
  return (
    <RequireSession>
      <Join />
    </RequireSession>
  );
}
