import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { operatorFields, useOperatorSettings, useSaveOperatorSettings, type OperatorField, type OperatorInfoInput, type OperatorSettings } from '../api';

type Draft = Record<OperatorField, string>;

const emptyDraft: Draft = { operator_name: '', licence_number: '', supervisor: '', custodian_bank: '', custodian_account: '', complaint_phone: '', complaint_email: '', complaint_response_days: '15' };

const inputTypes: Partial<Record<OperatorField, string>> = { complaint_email: 'email', complaint_phone: 'tel' };

function draftOf(settings: OperatorSettings): Draft {
  if (settings.current === null) return emptyDraft;
  const current = settings.current;
  return { ...Object.fromEntries(operatorFields.map((field) => [field, current[field]])), complaint_response_days: String(current.complaint_response_days) } as Draft;
}

function SettingsForm({ settings }: { settings: OperatorSettings }) {
  const { t } = useTranslation();
  const save = useSaveOperatorSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<OperatorField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: Partial<Record<OperatorField, string>> = {};
    for (const field of operatorFields) if (draft[field].trim() === '') found[field] = t('operatorInfo.settings.required');
    const days = Number(draft.complaint_response_days);
    if (!Number.isInteger(days) || days < 1 || days > 90) found.complaint_response_days = t('errors.COMPLAINT_BAD_RESPONSE_DAYS');
    setErrors(found);
    setSaved(false);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    const body = { ...Object.fromEntries(operatorFields.map((field) => [field, draft[field].trim()])), complaint_response_days: days } as OperatorInfoInput;
    save.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (failure) => {
        // The server names the field it refused (details.field): show the message there.
        const field = failure instanceof ApiError ? (failure.details as { field?: string } | null)?.field : undefined;
        if (field !== undefined && (operatorFields as readonly string[]).concat('complaint_response_days').includes(field)) setErrors({ [field]: errorMessage(t, failure) });
        else setFormError(errorMessage(t, failure));
      },
    });
  }

  return (
    <form className="card operator-settings-form" onSubmit={onSubmit} noValidate>
      {operatorFields.map((field) => (
        <TextField
          key={field}
          label={t(`operatorInfo.field.${field}`)}
          hint={t(`operatorInfo.hint.${field}`)}
          type={inputTypes[field] ?? 'text'}
          value={draft[field]}
          error={errors[field]}
          onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
        />
      ))}
      <TextField
        label={t('operatorInfo.field.complaint_response_days')}
        hint={t('operatorInfo.hint.complaint_response_days')}
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        value={draft.complaint_response_days}
        error={errors.complaint_response_days}
        onChange={(event) => setDraft({ ...draft, complaint_response_days: event.target.value })}
      />
      {formError === undefined ? null : (
        <div className="alert error" role="alert">
          <p>{formError}</p>
        </div>
      )}
      {saved ? (
        <div className="alert info" role="status">
          <p>{t('operatorInfo.settings.saved')}</p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('operatorInfo.settings.saving') : t('operatorInfo.settings.save')}
      </button>
    </form>
  );
}

function History({ settings }: { settings: OperatorSettings }) {
  const { t } = useTranslation();
  if (settings.history.length === 0) return <p className="muted">{t('operatorInfo.settings.noHistory')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('operatorInfo.settings.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operatorInfo.settings.version')}</th>
            <th scope="col">{t('operatorInfo.settings.changedAt')}</th>
            <th scope="col">{t('operatorInfo.settings.changedBy')}</th>
            <th scope="col">{t('operatorInfo.field.licence_number')}</th>
            <th scope="col">{t('operatorInfo.field.custodian_bank')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.history.map((version) => (
            <tr key={version.version}>
              <td>{version.version}</td>
              <td>
                <Instant value={version.changed_at} />
              </td>
              <td>{version.changed_by_name}</td>
              <td>{version.licence_number}</td>
              <td>{version.custodian_bank}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Settings() {
  const { t } = useTranslation();
  const settings = useOperatorSettings();
  return (
    <Page title={t('operatorInfo.settings.title')}>
      <p className="muted">{t('operatorInfo.settings.intro')}</p>
      <QueryState query={settings}>
        {(data) => (
          <>
            <SettingsForm settings={data} />
            <History settings={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

export function OperatorSettingsPage() {
  return (
    <RequireRole roles={staffAccess.operatorSettings}>
      <Settings />
    </RequireRole>
  );
}
