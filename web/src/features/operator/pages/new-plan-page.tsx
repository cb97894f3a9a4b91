import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { ErrorState, QueryState } from '../../../shared/ui/query-state';
import { useCreatePlan, usePlans, type Plan, type PlanRules } from '../api';
import { RuleFields } from '../components/rule-fields';
import { issuesByPath, rulesOf, valuesOf } from '../rule-form';

const planIdPattern = /^[a-z][a-z0-9-]{1,47}$/;
type Model = PlanRules['funding']['model'];

/** Which field a refusal of the server concerns. */
function serverErrors(error: unknown, t: ReturnType<typeof useTranslation>['t']): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const message = errorMessage(t, error);
  if (error.code === 'PLAN_BAD_ID' || error.code === 'PLAN_EXISTS') return { id: message };
  if (error.code === 'PLAN_BAD_NAME') return { name_zh: message, name_en: message };
  if (error.code === 'PLAN_BAD_RULES') return issuesByPath(error.details);
  return {};
}

/** The rules a new plan starts from: those in force of an existing plan with the chosen funding model (the sample plans). */
function templateFor(plans: readonly Plan[], model: Model): PlanRules | undefined {
  return (plans.find((plan) => plan.current_version.rules.funding.model === model) ?? plans[0])?.current_version.rules;
}

function PlanForm({ plans }: { plans: readonly Plan[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const modelId = useId();
  const [model, setModel] = useState<Model>('post_paid');
  const base = templateFor(plans, model);
  const [values, setValues] = useState(() => (base === undefined ? {} : valuesOf(base)));
  const [bands, setBands] = useState(base?.aid_bands.length ?? 1);
  const [identity, setIdentity] = useState({ id: '', name_zh: '', name_en: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useCreatePlan();
  const parsed = useMemo(() => (base === undefined ? undefined : rulesOf(base, values, bands, t)), [base, values, bands, t]);
  if (base === undefined || parsed === undefined) return <p>{t('operator.newPlan.noTemplate')}</p>;
  const errors = { ...parsed.errors, ...serverErrors(create.error, t), ...clientErrors };
  const unmatched = create.error !== null && Object.keys(serverErrors(create.error, t)).length === 0;

  const chooseModel = (next: Model) => {
    setModel(next);
    const template = templateFor(plans, next);
    if (template !== undefined) {
      setValues(valuesOf(template));
      setBands(template.aid_bands.length);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!planIdPattern.test(identity.id)) found.id = t('errors.PLAN_BAD_ID');
    if (identity.name_zh.trim() === '') found.name_zh = t('operator.newPlan.nameRequired');
    if (identity.name_en.trim() === '') found.name_en = t('operator.newPlan.nameRequired');
    setClientErrors(found);
    if (Object.keys(found).length > 0 || Object.keys(parsed.errors).length > 0) return;
    create.mutate({ ...identity, rules: parsed.rules }, { onSuccess: (data) => void navigate(`/staff/plans/${data.plan.id}`) });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="card">
        <div className="operator-field-grid">
          <TextField
            label={t('operator.newPlan.id')}
            name="id"
            value={identity.id}
            hint={t('operator.newPlan.idHint')}
            error={errors.id}
            autoComplete="off"
            onChange={(event) => setIdentity({ ...identity, id: event.target.value })}
          />
          <TextField label={t('operator.newPlan.nameZh')} name="name_zh" lang="zh-CN" value={identity.name_zh} error={errors.name_zh} onChange={(event) => setIdentity({ ...identity, name_zh: event.target.value })} />
          <TextField label={t('operator.newPlan.nameEn')} name="name_en" lang="en" value={identity.name_en} error={errors.name_en} onChange={(event) => setIdentity({ ...identity, name_en: event.target.value })} />
          <div className="field">
            <label htmlFor={modelId}>{t('operator.newPlan.model')}</label>
            <select id={modelId} value={model} onChange={(event) => chooseModel(event.target.value as Model)}>
              <option value="post_paid">{t('operator.rules.choice.post_paid')}</option>
              <option value="prepaid">{t('operator.rules.choice.prepaid')}</option>
            </select>
          </div>
        </div>
        <p className="muted">{t('operator.newPlan.templateNote', { count: base.illnesses.length })}</p>
      </div>
      <RuleFields base={base} bands={bands} values={values} errors={errors} onChange={(path, value) => setValues((old) => ({ ...old, [path]: value }))} onBands={setBands} />
      {unmatched ? <ErrorState error={create.error} /> : null}
      <div className="row operator-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('operator.newPlan.creating') : t('operator.newPlan.create')}
        </button>
      </div>
    </form>
  );
}

function NewPlan() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <Page title={t('operator.newPlan.title')}>
      <QueryState query={plans}>{(data) => <PlanForm plans={data.plans} />}</QueryState>
    </Page>
  );
}

export function NewPlanPage() {
  return (
    <RequireRole roles={staffAccess.plans}>
      <NewPlan />
    </RequireRole>
  );
}
