import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { QueryState } from '../../../shared/ui/query-state';
import { useReconciliationSettings, useSaveReconciliationSettings } from '../api';

/** The server's bounds of the alert age (PUT /api/reconciliation/settings). */
const maxAlertDays = 365;

type Save = ReturnType<typeof useSaveReconciliationSettings>;

/** Keyed by the age in force, so the field starts from it again after a save. */
function AlertAgeForm({ current, save }: { current: number; save: Save }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(current));
  const days = Number(draft);
  const valid = /^\d+$/.test(draft) && days <= maxAlertDays;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && !save.isPending) save.mutate(days);
  };
  return (
    <form className="row recon-range" onSubmit={submit}>
      <div className="field">
        <label htmlFor="recon-alert-days">{t('reconciliation.settings.alertDays')}</label>
        <input
          id="recon-alert-days"
          type="number"
          inputMode="numeric"
          min={0}
          max={maxAlertDays}
          step={1}
          required
          value={draft}
          aria-invalid={!valid}
          aria-describedby="recon-alert-days-hint"
          onChange={(event) => setDraft(event.target.value)}
        />
        <span className="field-hint" id="recon-alert-days-hint">
          {t('reconciliation.settings.hint', { max: maxAlertDays })}
        </span>
      </div>
      <button type="submit" className="button" disabled={!valid || save.isPending || days === current}>
        {save.isPending ? t('reconciliation.settings.saving') : t('reconciliation.settings.save')}
      </button>
    </form>
  );
}

/** Admins set the age at which an open break raises an alert; others read it in the breaks' caption. */
export function AlertAgeSection() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useReconciliationSettings();
  const save = useSaveReconciliationSettings();
  if (!hasRole(session.data, 'admin')) return null;
  return (
    <section aria-labelledby="recon-settings-title" className="card">
      <h2 id="recon-settings-title">{t('reconciliation.settings.title')}</h2>
      <QueryState query={settings}>{(data) => <AlertAgeForm key={data.break_alert_days} current={data.break_alert_days} save={save} />}</QueryState>
      {save.isError ? (
        <p className="alert error" role="alert">
          {errorMessage(t, save.error)}
        </p>
      ) : null}
      {save.isSuccess ? (
        <p className="alert info" role="status">
          {t('reconciliation.settings.saved', { count: save.data.break_alert_days })}
        </p>
      ) : null}
    </section>
  );
}
