import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/ui/field';
import type { PlanRules } from '../api';
import { fieldLabel, ruleFields, type RuleField, type RuleValues } from '../rule-form';

const groups = ['join', 'aid', 'costs', 'schedule', 'funding', 'claims', 'jury'] as const;

function ChoiceField({ field, value, error, onChange }: { field: RuleField; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const options = field.kind === 'yesNo' ? ['yes', 'no'] : (field.options ?? []);
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(field.path, t)}</label>
      <select id={id} name={field.path} value={value} aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? undefined : `${id}-error`} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {field.kind === 'yesNo' ? t(`operator.rules.${option}`) : t(`operator.rules.choice.${option}`)}
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

/** The editable rules, grouped as the public plan page groups them; errors (the form's or the API's) at their fields. */
export function RuleFields({
  base,
  bands,
  values,
  errors,
  onChange,
  onBands,
}: {
  base: PlanRules;
  bands: number;
  values: RuleValues;
  errors: Record<string, string>;
  onChange: (path: string, value: string) => void;
  onBands: (bands: number) => void;
}) {
  const { t } = useTranslation();
  const fields = ruleFields(base, bands);
  const hint = (field: RuleField) =>
    field.kind === 'money' || field.kind === 'optionalMoney'
      ? t(field.kind === 'optionalMoney' ? 'operator.form.hintOptionalMoney' : 'operator.form.hintMoney', { currency: base.currency })
      : field.kind === 'percent'
        ? t('operator.form.hintPercent')
        : field.kind === 'dayList'
          ? t('operator.form.hintDays')
          : undefined;
  return (
    <div className="operator-rule-groups">
      {groups.map((group) => (
        <fieldset key={group} className="card operator-fieldset">
          <legend>{t(`operator.rules.group.${group}`)}</legend>
          <div className="operator-field-grid">
            {fields
              .filter((field) => field.group === group)
              .map((field) =>
                field.kind === 'choice' || field.kind === 'yesNo' ? (
                  <ChoiceField key={field.path} field={field} value={values[field.path] ?? ''} error={errors[field.path]} onChange={(value) => onChange(field.path, value)} />
                ) : (
                  <TextField
                    key={field.path}
                    label={fieldLabel(field.path, t)}
                    name={field.path}
                    inputMode={field.kind === 'dayList' ? 'text' : 'decimal'}
                    value={values[field.path] ?? ''}
                    hint={hint(field)}
                    error={errors[field.path]}
                    onChange={(event) => onChange(field.path, event.target.value)}
                  />
                ),
              )}
          </div>
          {group === 'aid' ? (
            <div className="row">
              <button type="button" className="button secondary" disabled={bands >= 20} onClick={() => onBands(bands + 1)}>
                {t('operator.form.addBand')}
              </button>
              <button type="button" className="button secondary" disabled={bands <= 1} onClick={() => onBands(bands - 1)}>
                {t('operator.form.removeBand')}
              </button>
            </div>
          ) : null}
        </fieldset>
      ))}
    </div>
  );
}
