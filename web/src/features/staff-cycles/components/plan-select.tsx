import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/i18n';
import { usePlans } from '../api';

/** A plan picker from the plans the API lists; `anyLabel` adds a first choice for "every plan" (''). */
export function PlanSelect({ value, onChange, label, anyLabel, required }: { value: string; onChange: (plan_id: string) => void; label: string; anyLabel?: string; required?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const plans = usePlans();
  const language = useLanguage();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={required} onChange={(event) => onChange(event.target.value)}>
        {anyLabel === undefined ? <option value="">{t('staffCycles.choosePlan')}</option> : <option value="">{anyLabel}</option>}
        {(plans.data?.plans ?? []).map((plan) => (
          <option key={plan.id} value={plan.id}>
            {language === 'en' ? plan.name_en : plan.name_zh}
          </option>
        ))}
      </select>
    </div>
  );
}
