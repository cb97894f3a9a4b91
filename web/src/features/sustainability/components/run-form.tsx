import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { scenarioTitle } from '../figures';
import type { Plan } from '../api';
import { useStartRun, type Scenario, type Scenarios } from '../simulation-api';
import { defaultDraft, requestOf, startingRules, type DraftProblem, type RunDraft } from '../simulation-form';

/** "18–29", "30–39" … "50–59": the scenario's age bands, each up to the next one's start. */
export function ageBandLabels(scenario: Scenario): string[] {
  const starts = scenario.age_bands_years;
  return starts.map((start, index) => `${start}–${(starts[index + 1] ?? scenario.max_age_years + 1) - 1}`);
}

function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="sustainability-fieldset">
      <legend>{legend}</legend>
      {hint === undefined ? null : <p className="muted sustainability-fieldset-hint">{hint}</p>}
      <div className="sustainability-controls">{children}</div>
    </fieldset>
  );
}

/** The form for one scenario (and plan): remounted when either changes, so its defaults are theirs. */
function DraftForm({ scenario, plan, options }: { scenario: Scenario; plan: Plan | undefined; options: Scenarios['options'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const start = useStartRun();
  const rules = useMemo(() => startingRules(scenario, plan), [scenario, plan]);
  const defaults = useMemo(() => defaultDraft(scenario, rules, options), [scenario, rules, options]);
  const [draft, setDraft] = useState<RunDraft>(defaults);
  const [publish, setPublish] = useState(false);
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  // One key per request the person asked for, kept while it is retried after a lost answer.
  const key = useRef<string | null>(null);
  const what_if = scenario.what_if;
  const number = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value);
  const problemOf = (field: string): string | undefined => {
    const problem = problems.find((entry) => entry.field === field);
    if (problem === undefined) return undefined;
    return problem.min === undefined ? t('sustainability.form.badAmount') : t('sustainability.form.outOfBounds', { min: typeof problem.min === 'number' ? number(problem.min) : problem.min, max: typeof problem.max === 'number' ? number(problem.max) : problem.max });
  };
  const set = <K extends keyof RunDraft>(field: K, value: RunDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));
  const setAt = (field: 'aid_yuan' | 'age_weights' | 'risk_weights', index: number, value: string) =>
    setDraft((current) => ({ ...current, [field]: current[field].map((entry, at) => (at === index ? value : entry)) }));
  const bands = ageBandLabels(scenario);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = requestOf({ scenario, plan_id: plan?.id, rules, draft, defaults, options, publish: plan !== undefined && publish });
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    key.current ??= newIdempotencyKey();
    start.mutate(
      { body: result.request, key: key.current },
      {
        onSuccess: (answer) => {
          key.current = null;
          void navigate(`/staff/sustainability/simulations/${answer.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) key.current = null;
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="simulator-form-title" className="sustainability-run-form">
      <Fieldset legend={t('sustainability.form.rules')} hint={plan === undefined ? t('sustainability.form.rulesFromScenario') : t('sustainability.form.rulesFromPlan')}>
        <TextField
          label={t('sustainability.form.fee')}
          hint={t('sustainability.form.feeHint', { min: number(what_if.fee_bps.min / 100), max: number(what_if.fee_bps.max / 100) })}
          inputMode="decimal"
          value={draft.fee_percent}
          onChange={(event) => set('fee_percent', event.target.value)}
          error={problemOf('fee_percent')}
        />
        <div className="sustainability-cap">
          <TextField
            label={t('sustainability.form.cap', { currency: scenario.currency })}
            inputMode="decimal"
            value={draft.cap_yuan}
            disabled={draft.no_cap}
            onChange={(event) => set('cap_yuan', event.target.value)}
            error={problemOf('cap_yuan')}
          />
          <label className="choice">
            <input type="checkbox" checked={draft.no_cap} onChange={(event) => set('no_cap', event.target.checked)} /> {t('sustainability.form.noCap')}
          </label>
        </div>
        {rules.aid_bands.map((band, index) => (
          <TextField
            key={band.max_age_years}
            label={t('sustainability.form.aid', { age: band.max_age_years, currency: scenario.currency })}
            inputMode="decimal"
            value={draft.aid_yuan[index] ?? ''}
            onChange={(event) => setAt('aid_yuan', index, event.target.value)}
            error={problemOf(`aid_yuan.${index}`)}
          />
        ))}
        <TextField
          label={t('sustainability.form.waiting')}
          hint={t('sustainability.form.bounds', { min: number(what_if.waiting_days.min), max: number(what_if.waiting_days.max) })}
          inputMode="numeric"
          value={draft.waiting_days}
          onChange={(event) => set('waiting_days', event.target.value)}
          error={problemOf('waiting_days')}
        />
      </Fieldset>
      <Fieldset legend={t('sustainability.form.joiners')} hint={t('sustainability.form.weightsHint')}>
        {draft.age_weights.map((value, index) => (
          <TextField
            key={`age-${index}`}
            label={t('sustainability.form.ageWeight', { band: bands[index] ?? '' })}
            inputMode="decimal"
            value={value}
            onChange={(event) => setAt('age_weights', index, event.target.value)}
            error={problemOf(`age_weights.${index}`)}
          />
        ))}
        {draft.risk_weights.map((value, index) => (
          <TextField
            key={`risk-${index}`}
            label={t('sustainability.form.riskWeight', { risk: (language === 'zh-CN' ? scenario.risk_classes_zh[index] : null) ?? scenario.risk_classes[index] ?? '' })}
            inputMode="decimal"
            value={value}
            onChange={(event) => setAt('risk_weights', index, event.target.value)}
            error={problemOf(`risk_weights.${index}`)}
          />
        ))}
      </Fieldset>
      <Fieldset legend={t('sustainability.form.behaviour')}>
        <TextField
          label={t('sustainability.form.elasticity')}
          hint={t('sustainability.form.elasticityHint', { min: number(what_if.churn_elasticity.min), max: number(what_if.churn_elasticity.max) })}
          inputMode="decimal"
          value={draft.churn_elasticity}
          onChange={(event) => set('churn_elasticity', event.target.value)}
          error={problemOf('churn_elasticity')}
        />
        <TextField
          label={t('sustainability.form.selectionFactor')}
          hint={t('sustainability.form.selectionFactorHint')}
          inputMode="decimal"
          value={draft.selection_factor}
          onChange={(event) => set('selection_factor', event.target.value)}
          error={problemOf('selection_factor')}
        />
        <TextField
          label={t('sustainability.form.wearOff')}
          hint={t('sustainability.form.bounds', { min: number(what_if.selection.wear_off_days.min), max: number(what_if.selection.wear_off_days.max) })}
          inputMode="decimal"
          value={draft.wear_off_days}
          onChange={(event) => set('wear_off_days', event.target.value)}
          error={problemOf('wear_off_days')}
        />
      </Fieldset>
      <Fieldset legend={t('sustainability.form.options')}>
        <TextField
          label={t('sustainability.form.paths')}
          hint={t('sustainability.form.bounds', { min: number(options.paths.min), max: number(options.paths.max) })}
          inputMode="numeric"
          value={draft.paths}
          onChange={(event) => set('paths', event.target.value)}
          error={problemOf('paths')}
        />
        <TextField
          label={t('sustainability.form.periods')}
          hint={t('sustainability.form.periodsHint', { min: number(options.periods.min), max: number(options.periods.max), perYear: scenario.periods_per_year })}
          inputMode="numeric"
          value={draft.periods}
          onChange={(event) => set('periods', event.target.value)}
          error={problemOf('periods')}
        />
        <TextField
          label={t('sustainability.form.seed')}
          hint={t('sustainability.form.seedHint')}
          inputMode="numeric"
          value={draft.seed}
          onChange={(event) => set('seed', event.target.value)}
          error={problemOf('seed')}
        />
      </Fieldset>
      {plan === undefined ? null : (
        <label className="choice">
          <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} /> {t('sustainability.form.publish')}
        </label>
      )}
      {problems.length === 0 ? null : (
        <p className="alert error" role="alert">
          {t('sustainability.form.fix', { count: problems.length })}
        </p>
      )}
      {start.isError ? (
        <p className="alert error" role="alert">
          {errorMessage(t, start.error)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? t('sustainability.form.starting') : t('sustainability.form.start')}
        </button>
        <button type="button" className="button secondary" onClick={() => setDraft(defaults)}>
          {t('sustainability.form.reset')}
        </button>
      </div>
    </form>
  );
}

/** Choose the scenario and where its members come from (the scenario's own, or a plan's today), then the what-ifs. */
export function RunForm({ scenarios, plans }: { scenarios: Scenarios; plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scenarioId = useId();
  const planId = useId();
  const [scenarioName, setScenarioName] = useState(scenarios.scenarios[0]?.name ?? '');
  const [fromPlan, setFromPlan] = useState('');
  const scenario = scenarios.scenarios.find((entry) => entry.name === scenarioName);
  const plan = plans.find((entry) => entry.id === fromPlan);
  return (
    <section className="card" aria-labelledby="simulator-form-title">
      <h2 id="simulator-form-title">{t('sustainability.form.title')}</h2>
      <div className="sustainability-controls">
        <div className="field">
          <label htmlFor={scenarioId}>{t('sustainability.form.scenario')}</label>
          <select id={scenarioId} value={scenarioName} onChange={(event) => setScenarioName(event.target.value)}>
            {scenarios.scenarios.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {scenarioTitle(t, entry.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={planId}>{t('sustainability.form.members')}</label>
          <select id={planId} value={fromPlan} onChange={(event) => setFromPlan(event.target.value)}>
            <option value="">{t('sustainability.form.scenarioMembers')}</option>
            {plans.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {t('sustainability.form.fromPlan', { plan: language === 'en' ? entry.name_en : entry.name_zh })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {scenario === undefined ? null : (
        <>
          {language === 'zh-CN' && scenario.description_zh !== null ? (
            <p className="muted">{scenario.description_zh}</p>
          ) : (
            <p className="muted" lang="en">
              {scenario.description}
            </p>
          )}
          <p className="muted">
            {t('sustainability.form.scenarioFacts', {
              members: new Intl.NumberFormat(language).format(scenario.initial_members),
              perYear: scenario.periods_per_year,
              threshold: new Intl.NumberFormat(language).format(scenario.member_threshold),
            })}
          </p>
          <DraftForm key={`${scenario.name}|${fromPlan}`} scenario={scenario} plan={plan} options={scenarios.options} />
        </>
      )}
    </section>
  );
}
