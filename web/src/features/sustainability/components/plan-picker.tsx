import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/i18n';
import type { Plan } from '../api';

/** The plan whose figures the page shows; the choice lives in the address, so a link opens the same plan. */
export function PlanPicker({ plans, value, onChange }: { plans: readonly Plan[]; value: string; onChange: (plan_id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <div className="field sustainability-plan-picker">
      <label htmlFor={id}>{t('sustainability.plan')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {language === 'en' ? plan.name_en : plan.name_zh}
          </option>
        ))}
      </select>
    </div>
  );
}
