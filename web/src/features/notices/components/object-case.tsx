import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { loginPath } from '../../../shared/auth/require-session';
import { useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { QueryState } from '../../../shared/ui/query-state';
import { useHousehold, useObjection, type Household } from '../api';
import { SelectField, TextAreaField } from './fields';

const maxReasonLength = 4000;

interface Choice {
  readonly membership_id: string;
  readonly label: string;
  readonly samePlan: boolean;
}

/** Every membership the user pays for, the ones in the case's plan (and active) first. */
function choicesOf(household: Household, plan_id: string, language: string, statusName: (status: string) => string): Choice[] {
  const choices = household.persons.flatMap((person) =>
    person.memberships.map((membership) => ({
      membership_id: membership.membership_id,
      label: `${language === 'en' ? membership.plan_name_en : membership.plan_name_zh} · ${person.name_masked} · ${membership.member_code} · ${statusName(membership.status)}`,
      samePlan: membership.plan_id === plan_id,
      rank: (membership.plan_id === plan_id ? 0 : 2) + (membership.status === 'active' ? 0 : 1),
    })),
  );
  return choices.sort((a, b) => a.rank - b.rank).map(({ membership_id, label, samePlan }) => ({ membership_id, label, samePlan }));
}

function ObjectionForm({ case_number, plan_id, household, onCancel }: { case_number: string; plan_id: string; household: Household; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const choices = choicesOf(household, plan_id, language, (status) => t(`notices.membershipStatus.${status}`, { defaultValue: status }));
  const [membership_id, setMembership] = useState(choices[0]?.membership_id ?? '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const objection = useObjection(case_number);

  if (choices.length === 0) {
    return (
      <div className="alert info">
        <p>{t('notices.object.noMembership')}</p>
        <Link to={`/join/${plan_id}`}>{t('notices.object.join')}</Link>
      </div>
    );
  }
  if (objection.isSuccess) {
    return (
      <div className="alert info" role="status">
        <p>{t('notices.object.recorded', { case_number: objection.data.case_number })}</p>
      </div>
    );
  }

  const apiError = objection.error;
  const fields = apiError instanceof ApiError ? apiError.fieldPaths : [];
  const reasonApiError = fields.includes('reason') ? errorMessage(t, apiError) : undefined;
  const membershipApiError = fields.includes('membership_id') ? errorMessage(t, apiError) : undefined;
  const formError = apiError !== null && reasonApiError === undefined && membershipApiError === undefined ? errorMessage(t, apiError) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (text === '') return setReasonError(t('notices.object.reasonRequired'));
    if (text.length > maxReasonLength) return setReasonError(t('notices.object.reasonTooLong', { max: maxReasonLength }));
    setReasonError(undefined);
    objection.mutate({ membership_id, reason: text });
  };

  return (
    <form className="objection-form" onSubmit={submit} noValidate aria-label={t('notices.object.formLabel', { case_number })}>
      <SelectField label={t('notices.object.membership')} value={membership_id} onChange={(event) => setMembership(event.target.value)} error={membershipApiError}>
        {choices.map((choice) => (
          <option key={choice.membership_id} value={choice.membership_id}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      {choices.some((choice) => choice.samePlan) ? null : <p className="field-hint">{t('notices.object.otherPlanOnly')}</p>}
      <TextAreaField
        label={t('notices.object.reason')}
        hint={t('notices.object.reasonHint', { max: maxReasonLength })}
        value={reason}
        maxLength={maxReasonLength}
        required
        onChange={(event) => setReason(event.target.value)}
        error={reasonError ?? reasonApiError}
      />
      {formError === undefined ? null : (
        <div className="alert error" role="alert">
          <p>{formError}</p>
        </div>
      )}
      <div className="row">
        <button type="submit" className="button" disabled={objection.isPending}>
          {objection.isPending ? t('notices.object.sending') : t('notices.object.send')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('notices.object.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The "I object" button of a case in notice: a visitor goes to the login page and comes back; a
 * member writes the reason and objects as one of the memberships they pay for.
 */
export function ObjectCase({ case_number, plan_id }: { case_number: string; plan_id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const loggedIn = session.data !== null && session.data !== undefined;
  const household = useHousehold(loggedIn && open);

  if (!open) {
    return (
      <button
        type="button"
        className="button secondary"
        disabled={session.isPending}
        aria-label={t('notices.object.buttonFor', { case_number })}
        onClick={() => {
          if (loggedIn) setOpen(true);
          else void navigate(loginPath(`${location.pathname}${location.search}`));
        }}
      >
        {t('notices.object.button')}
      </button>
    );
  }
  return (
    <QueryState query={household}>{(data) => <ObjectionForm case_number={case_number} plan_id={plan_id} household={data} onCancel={() => setOpen(false)} />}</QueryState>
  );
}
