import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { displayTimeZone } from '../../../shared/format/dates';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { Page } from '../../../shared/ui/page';
import { ErrorState, QueryState } from '../../../shared/ui/query-state';
import { useAnnounceVersion, usePlan, usePreviewVersion, type PlanWithHistory, type VersionInput, type VersionPreview } from '../api';
import { planName } from '../components/plan-name';
import { RuleFields } from '../components/rule-fields';
import { RulesDiff } from '../components/rules-diff';
import { compareRules, issuesByPath, rulesOf, valuesOf } from '../rule-form';

/** Today where the plans run (China), as YYYY-MM-DD: a new version starts on a later day. */
function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * A version takes effect at the start of its day in UTC, the day cycle snapshots are taken on
 * (cycle-calendar.ts), so the notice names the day chosen. Checked against today in China, which
 * is never behind UTC, so the start is always in the future.
 */
function effectiveAt(day: string): string {
  return `${day}T00:00:00Z`;
}

/** Which form field a refusal of the server concerns. */
function serverErrors(error: unknown, t: ReturnType<typeof useTranslation>['t']): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const message = errorMessage(t, error);
  if (error.code === 'PLAN_VERSION_IN_PAST' || error.code === 'PLAN_BAD_EFFECTIVE_DATE') return { effective_day: message };
  if (error.code === 'PLAN_BAD_NOTE') return { note: message };
  if (error.code === 'PLAN_BAD_RULES') return issuesByPath(error.details);
  return {};
}

function VersionForm({ plan }: { plan: PlanWithHistory }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const base = plan.current_version.rules;
  const [values, setValues] = useState(() => valuesOf(base));
  const [bands, setBands] = useState(base.aid_bands.length);
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [previewed, setPreviewed] = useState<{ body: string; preview: VersionPreview } | undefined>(undefined);
  const preview = usePreviewVersion(plan.id);
  const announce = useAnnounceVersion(plan.id);

  const parsed = useMemo(() => rulesOf(base, values, bands, t), [base, values, bands, t]);
  const body: VersionInput = { effective_at: day === '' ? '' : effectiveAt(day), note, rules: parsed.rules };
  const bodyText = JSON.stringify(body);
  const current = previewed?.body === bodyText ? previewed.preview : undefined;
  const serverError = announce.error ?? preview.error;
  const errors = { ...parsed.errors, ...serverErrors(serverError, t), ...clientErrors };

  /** The form's own checks: a day after today, a note, rules it can read. */
  const check = (): boolean => {
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) found.effective_day = t('operator.version.dayRequired');
    else if (day <= todayInChina()) found.effective_day = t('operator.version.dayInPast');
    if (note.trim() === '') found.note = t('operator.version.noteRequired');
    setClientErrors(found);
    return Object.keys(found).length === 0 && Object.keys(parsed.errors).length === 0;
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    announce.reset();
    if (!check()) return;
    preview.mutate(body, { onSuccess: (data) => setPreviewed({ body: bodyText, preview: data.preview }) });
  };

  const onSend = () => {
    if (!check() || current === undefined) return;
    announce.mutate(body, { onSuccess: () => void navigate(`/staff/plans/${plan.id}`) });
  };

  const edit = (path: string, value: string) => setValues((old) => ({ ...old, [path]: value }));
  const unmatched = serverError !== null && Object.keys(serverErrors(serverError, t)).length === 0;

  return (
    <form onSubmit={onPreview} noValidate>
      <div className="card">
        <p>{t('operator.version.intro', { version: plan.current_version.version })}</p>
        <div className="operator-field-grid">
          <TextField
            label={t('operator.version.effectiveDay')}
            type="date"
            name="effective_day"
            min={todayInChina()}
            value={day}
            hint={t('operator.version.effectiveHint')}
            error={errors.effective_day}
            onChange={(event) => setDay(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="operator-note">{t('operator.version.note')}</label>
          <span className="field-hint" id="operator-note-hint">
            {t('operator.version.noteHint')}
          </span>
          <textarea
            id="operator-note"
            name="note"
            rows={3}
            maxLength={2000}
            value={note}
            aria-invalid={errors.note === undefined ? undefined : true}
            aria-describedby={errors.note === undefined ? 'operator-note-hint' : 'operator-note-hint operator-note-error'}
            onChange={(event) => setNote(event.target.value)}
          />
          {errors.note === undefined ? null : (
            <span className="field-error" id="operator-note-error" role="alert">
              {errors.note}
            </span>
          )}
        </div>
      </div>
      <RuleFields base={base} bands={bands} values={values} errors={errors} onChange={edit} onBands={setBands} />
      <RulesDiff
        lines={compareRules(base, parsed.rules, t, language)}
        beforeTitle={t('operator.diff.inForce', { version: plan.current_version.version })}
        afterTitle={t('operator.diff.new')}
      />
      {unmatched ? <ErrorState error={serverError} /> : null}
      <div className="row operator-actions">
        <button type="submit" className="button secondary" disabled={preview.isPending}>
          {preview.isPending ? t('operator.version.previewing') : t('operator.version.preview')}
        </button>
      </div>
      {current === undefined ? null : (
        <section className="card" aria-labelledby="operator-notice-title" data-testid="operator-notice">
          <h2 id="operator-notice-title">{t('operator.version.noticeTitle')}</h2>
          <p className="muted">{t('operator.version.recipients', { count: current.recipient_count })}</p>
          <div className="operator-notice">
            <p>
              <strong>{language === 'en' ? current.notice.title_en : current.notice.title_zh}</strong>
            </p>
            <p>{language === 'en' ? current.notice.body_en : current.notice.body_zh}</p>
          </div>
          <details>
            <summary>{t('operator.version.otherLanguage')}</summary>
            <p>
              <strong lang={language === 'en' ? 'zh-CN' : 'en'}>{language === 'en' ? current.notice.title_zh : current.notice.title_en}</strong>
            </p>
            <p lang={language === 'en' ? 'zh-CN' : 'en'}>{language === 'en' ? current.notice.body_zh : current.notice.body_en}</p>
          </details>
          <div className="row operator-actions">
            <button type="button" className="button" disabled={announce.isPending} onClick={onSend}>
              {announce.isPending ? t('operator.version.sending') : t('operator.version.send', { version: current.version })}
            </button>
          </div>
        </section>
      )}
    </form>
  );
}

function NewVersion({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = usePlan(plan_id);
  return (
    <QueryState query={plan}>
      {({ plan: data }) => (
        <Page title={t('operator.version.title', { plan: planName(data, language) })}>
          <VersionForm plan={data} />
        </Page>
      )}
    </QueryState>
  );
}

export function NewVersionPage() {
  const { plan_id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.plans}>
      <NewVersion plan_id={plan_id} />
    </RequireRole>
  );
}
