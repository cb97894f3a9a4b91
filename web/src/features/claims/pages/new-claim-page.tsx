import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import type { UploadProgress } from '../../../shared/api/upload';
import { RequireSession } from '../../../shared/auth/require-session';
import { displayTimeZone } from '../../../shared/format/dates';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { Day, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useHousehold, usePlans, useSubmitClaim, type Household, type SubmittedClaim } from '../api';
import { SelectField } from '../components/select-field';
import { evidenceAccept, fileProblem, formatFileSize, maxEvidenceFileBytes, maxEvidenceFiles } from '../evidence-files';
import { planName } from '../illness-names';

type Field = 'membership' | 'illness' | 'diagnosis_date' | 'hospital' | 'files' | 'waiting';
type Errors = Partial<Record<Field, string>>;

/** Today as a calendar day where the plans run (China), the latest diagnosis date. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Which field an API refusal concerns, so its message is shown next to it. */
const fieldOfCode: Readonly<Record<string, Field>> = {
  MEMBERSHIP_NOT_FOUND: 'membership',
  CLAIM_MEMBERSHIP_NOT_FOUND: 'membership',
  CLAIM_AID_LIMIT_REACHED: 'membership',
  CLAIM_NO_AID_FOR_AGE: 'membership',
  CLAIM_ILLNESS_NOT_COVERED: 'illness',
  CLAIM_BAD_ILLNESS_CODE: 'illness',
  CLAIM_BAD_DIAGNOSIS_DATE: 'diagnosis_date',
  CLAIM_DIAGNOSIS_IN_FUTURE: 'diagnosis_date',
  CLAIM_IN_WAITING_PERIOD: 'diagnosis_date',
  CLAIM_OUTSIDE_WINDOW: 'diagnosis_date',
  CLAIM_NOT_COVERED_AT_DIAGNOSIS: 'diagnosis_date',
  CLAIM_DUPLICATE: 'diagnosis_date',
  CLAIM_BAD_HOSPITAL: 'hospital',
  CLAIM_NO_EVIDENCE: 'files',
  CLAIM_TOO_MANY_FILES: 'files',
  CLAIM_FILE_TOO_LARGE: 'files',
  CLAIM_FILE_TYPE_NOT_ALLOWED: 'files',
  CLAIM_BAD_FILE_NAME: 'files',
};
const fieldOfFormName: Readonly<Record<string, Field>> = { membership_id: 'membership', illness_code: 'illness', diagnosis_date: 'diagnosis_date', hospital: 'hospital' };

function fieldOf(error: unknown): Field | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const byCode = fieldOfCode[error.code];
  if (byCode !== undefined) return byCode;
  if (error.code === 'VALIDATION_FAILED' && typeof error.details === 'object' && error.details !== null) {
    const issues = (error.details as { issues?: Array<{ path?: unknown }> }).issues;
    const path = issues?.[0]?.path;
    if (typeof path === 'string') return fieldOfFormName[path];
  }
  return undefined;
}

type Membership = Household['persons'][number]['memberships'][number] & { person: Household['persons'][number] };

function claimableMemberships(household: Household): Membership[] {
  const order = ['active', 'waiting', 'lapsed', 'withdrawn', 'ended'];
  return household.persons
    .flatMap((person) => person.memberships.filter((membership) => membership.status !== 'terminated').map((membership) => ({ ...membership, person })))
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
}

function Submitted({ claim, onAnother }: { claim: SubmittedClaim; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert info" role="status">
      <p>
        <strong>{t('claims.new.submittedTitle', { case_number: claim.case_number })}</strong>
      </p>
      <p>{t('claims.new.submittedText', { count: claim.evidence_files })}</p>
      <p>
        {t('claims.new.submittedAid')} <Money minor={claim.aid_minor} />
      </p>
      <div className="row">
        <Link className="button" to={`/me/claims/${claim.claim_id}`}>
          {t('claims.new.seeClaim')}
        </Link>
        <Link className="button secondary" to="/me/claims">
          {t('claims.listTitle')}
        </Link>
        <button type="button" className="button secondary" onClick={onAnother}>
          {t('claims.new.another')}
        </button>
      </div>
    </div>
  );
}

function ClaimFormFields({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const filesId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [membershipId, setMembershipId] = useState(memberships[0]?.membership_id ?? '');
  const [illnessCode, setIllnessCode] = useState('');
  const [diagnosisDate, setDiagnosisDate] = useState('');
  const [hospital, setHospital] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [waitingConfirmed, setWaitingConfirmed] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const submit = useSubmitClaim(setProgress);

  const membership = memberships.find((entry) => entry.membership_id === membershipId);
  const plan = plans.data?.plans.find((entry) => entry.id === membership?.plan_id);
  const inWaitingPeriod = membership !== undefined && membership.status === 'waiting' && diagnosisDate !== '' && diagnosisDate < membership.waiting_until;
  const latest = today();

  function validate(): Errors {
    const found: Errors = {};
    if (membership === undefined) found.membership = t('claims.new.errors.membership');
    if (illnessCode === '' || (plan !== undefined && !plan.illnesses.some((entry) => entry.code === illnessCode))) found.illness = t('claims.new.errors.illness');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(diagnosisDate)) found.diagnosis_date = t('claims.new.errors.diagnosisDate');
    else if (diagnosisDate > latest) found.diagnosis_date = t('claims.new.errors.diagnosisFuture');
    if (hospital.trim() === '') found.hospital = t('claims.new.errors.hospital');
    else if (hospital.trim().length > 200) found.hospital = t('claims.new.errors.hospitalLong');
    if (files.length === 0) found.files = t('claims.new.errors.noFiles');
    else if (files.length > maxEvidenceFiles) found.files = t('claims.new.errors.tooManyFiles', { limit: maxEvidenceFiles });
    else if (files.some((file) => fileProblem(file) !== undefined)) found.files = t('claims.new.errors.badFiles');
    if (inWaitingPeriod && !waitingConfirmed) found.waiting = t('claims.new.errors.waiting');
    return found;
  }

  function onFilesChosen(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    setFiles((current) => [...current, ...chosen]);
    setErrors((current) => ({ ...current, files: undefined }));
    // The same file may be chosen again after removing it.
    event.target.value = '';
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submit.isPending) return;
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.querySelector<HTMLElement>(`[data-field="${first}"] :is(input:not([hidden]), select, button)`)?.focus();
      return;
    }
    setProgress({ loaded_bytes: 0, total_bytes: files.reduce((sum, file) => sum + file.size, 0) });
    submit.mutate(
      { membership_id: membershipId, illness_code: illnessCode, diagnosis_date: diagnosisDate, hospital: hospital.trim(), files },
      {
        onError: (error) => {
          const field = fieldOf(error);
          if (field !== undefined) setErrors({ [field]: errorMessage(t, error) });
        },
      },
    );
  }

  function reset() {
    setIllnessCode('');
    setDiagnosisDate('');
    setHospital('');
    setFiles([]);
    setWaitingConfirmed(false);
    setErrors({});
    setProgress(null);
    submit.reset();
  }

  const percent = progress === null || progress.total_bytes === 0 ? (submit.isSuccess ? 100 : 0) : Math.min(100, Math.round((progress.loaded_bytes / progress.total_bytes) * 100));
  const uploadShown = submit.isPending || submit.isSuccess;
  const formError = submit.isError && fieldOf(submit.error) === undefined ? submit.error : undefined;

  if (submit.isSuccess) {
    return (
      <div className="claims-form">
        <UploadBar percent={100} />
        <Submitted claim={submit.data} onAnother={reset} />
      </div>
    );
  }

  return (
    <form className="claims-form" onSubmit={onSubmit} noValidate>
      <div data-field="membership">
        <SelectField
          label={t('claims.new.membership')}
          hint={t('claims.new.membershipHint')}
          error={errors.membership}
          value={membershipId}
          onChange={(event) => {
            setMembershipId(event.target.value);
            setIllnessCode('');
            setWaitingConfirmed(false);
          }}
        >
          {memberships.map((entry) => (
            <option key={entry.membership_id} value={entry.membership_id}>
              {t('claims.new.membershipOption', {
                name: entry.person.name_masked,
                relationship: t(`claims.relationship.${entry.person.relationship}`, { defaultValue: entry.person.relationship }),
                plan: planName(plans.data?.plans, entry.plan_id, language),
                status: t(`claims.membershipStatus.${entry.status}`, { defaultValue: entry.status }),
              })}
            </option>
          ))}
        </SelectField>
        {membership?.status === 'waiting' ? (
          <p className="alert warning">
            {t('claims.new.waitingNote')} <Day value={membership.waiting_until} />
          </p>
        ) : null}
      </div>

      <div data-field="illness">
        <SelectField
          label={t('claims.new.illness')}
          hint={t('claims.new.illnessHint')}
          error={errors.illness}
          value={illnessCode}
          onChange={(event) => setIllnessCode(event.target.value)}
          disabled={plan === undefined}
        >
          <option value="">{plans.isPending ? t('common.loading') : t('claims.new.illnessChoose')}</option>
          {(plan?.illnesses ?? []).map((illness) => (
            <option key={illness.code} value={illness.code}>
              {language === 'en' ? illness.name_en : illness.name_zh}
            </option>
          ))}
        </SelectField>
        {plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      </div>

      <div data-field="diagnosis_date">
        <TextField
          label={t('claims.new.diagnosisDate')}
          hint={t('claims.new.diagnosisDateHint')}
          error={errors.diagnosis_date}
          type="date"
          max={latest}
          value={diagnosisDate}
          onChange={(event) => {
            setDiagnosisDate(event.target.value);
            setWaitingConfirmed(false);
          }}
          required
        />
      </div>

      {inWaitingPeriod ? (
        <div data-field="waiting" className="alert warning">
          <p>{t('claims.new.waitingWarning')}</p>
          <label className="choice">
            <input type="checkbox" checked={waitingConfirmed} onChange={(event) => setWaitingConfirmed(event.target.checked)} aria-invalid={errors.waiting === undefined ? undefined : true} />
            {t('claims.new.waitingConfirm')}
          </label>
          {errors.waiting === undefined ? null : (
            <span className="field-error" role="alert">
              {errors.waiting}
            </span>
          )}
        </div>
      ) : null}

      <div data-field="hospital">
        <TextField
          label={t('claims.new.hospital')}
          hint={t('claims.new.hospitalHint')}
          error={errors.hospital}
          value={hospital}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setHospital(event.target.value)}
          required
        />
      </div>

      <div data-field="files" className="field">
        <span className="claims-field-label" id={`${filesId}-label`}>
          {t('claims.new.files')}
        </span>
        <span className="field-hint" id={`${filesId}-hint`}>
          {t('claims.new.filesHint', { limit: maxEvidenceFiles, size: formatFileSize(maxEvidenceFileBytes, language) })}
        </span>
        {/* The browser's own file button cannot be translated: a button of ours opens the picker. */}
        <input ref={fileInput} id={filesId} type="file" multiple accept={evidenceAccept} onChange={onFilesChosen} hidden aria-labelledby={`${filesId}-label`} />
        <div>
          <button
            type="button"
            className="button secondary"
            onClick={() => fileInput.current?.click()}
            disabled={submit.isPending || files.length >= maxEvidenceFiles}
            aria-describedby={`${filesId}-label ${filesId}-hint${errors.files === undefined ? '' : ` ${filesId}-error`}`}
          >
            {files.length === 0 ? t('claims.new.chooseFiles') : t('claims.new.addFiles')}
          </button>
        </div>
        {errors.files === undefined ? null : (
          <span className="field-error" id={`${filesId}-error`} role="alert">
            {errors.files}
          </span>
        )}
        {files.length === 0 ? null : (
          <ul className="claims-files" aria-label={t('claims.new.chosenFiles', { count: files.length })}>
            {files.map((file, index) => {
              const problem = fileProblem(file);
              return (
                <li key={`${file.name}-${file.size}-${index}`} className={problem === undefined ? undefined : 'claims-file-bad'}>
                  <span className="claims-file-name">{file.name}</span>
                  <span className="muted">{formatFileSize(file.size, language)}</span>
                  {problem === undefined ? null : <span className="field-error">{t(`claims.new.fileProblem.${problem}`, { size: formatFileSize(maxEvidenceFileBytes, language) })}</span>}
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => {
                      setFiles((current) => current.filter((_, position) => position !== index));
                      document.querySelector<HTMLElement>('[data-field="files"] button')?.focus();
                    }}
                    aria-label={t('claims.new.removeFile', { name: file.name })}
                    disabled={submit.isPending}
                  >
                    {t('claims.new.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {formError === undefined ? null : <ErrorState error={formError} />}
      {uploadShown ? <UploadBar percent={percent} /> : null}
      <button type="submit" className="button" disabled={submit.isPending}>
        {submit.isPending ? t('claims.new.sending') : t('claims.new.submit')}
      </button>
    </form>
  );
}

function UploadBar({ percent }: { percent: number }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field claims-upload">
      <label htmlFor={id}>{t('claims.new.uploadProgress', { percent })}</label>
      <progress id={id} max={100} value={percent} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        {percent}%
      </progress>
    </div>
  );
}

function NewClaim() {
  const { t } = useTranslation();
  const household = useHousehold();
  return (
    <Page title={t('claims.new.title')}>
      <p>{t('claims.new.intro')}</p>
      {household.isPending ? (
        <Loading />
      ) : household.isError ? (
        <ErrorState error={household.error} onRetry={() => void household.refetch()} />
      ) : claimableMemberships(household.data).length === 0 ? (
        <div className="card">
          <p>{t('claims.new.noMemberships')}</p>
          <Link className="button" to="/plans">
            {t('claims.new.seePlans')}
          </Link>
        </div>
      ) : (
        <ClaimFormFields memberships={claimableMemberships(household.data)} />
      )}
      <p>
        <Link to="/me/claims">{t('claims.backToList')}</Link>
      </p>
    </Page>
  );
}

export function NewClaimPage() {
  return (
    <RequireSession>
      <NewClaim />
    </RequireSession>
  );
}
