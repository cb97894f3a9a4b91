import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { errorMessage } from '../../../shared/i18n/error-message';
import { TextField } from '../../../shared/ui/field';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useLookUpPerson, usePersonalDataReads, type RevealedPerson } from '../api';

/** The bounds the server checks (src/services/personal-data-reads.ts), checked here first. */
const minReasonLength = 5;
const maxReasonLength = 500;

function PersonCard({ person, onClear }: { person: RevealedPerson; onClear: () => void }) {
  const { t } = useTranslation();
  const facts: Array<[string, ReactNode]> = [
    [t('admin.persons.name'), person.name],
    [t('admin.persons.idNumber'), person.id_number],
    [t('admin.persons.phone'), person.phone],
    [t('admin.persons.birthDate'), <Day key="birth" value={person.birth_date} />],
    [t('admin.persons.gender'), t(`admin.persons.gender_${person.gender}`)],
    [t('admin.persons.province'), person.province],
    [t('admin.persons.relationship'), t(`admin.persons.relationships.${person.relationship}`, { defaultValue: person.relationship })],
    [t('admin.persons.personId'), person.person_id],
    [t('admin.persons.memberships'), person.membership_ids.join(t('staff.listSeparator')) || '—'],
  ];
  return (
    <section className="card admin-person" aria-labelledby="admin-person">
      <div className="spread">
        <h2 id="admin-person">{t('admin.persons.resultHeading')}</h2>
        <button type="button" className="button secondary" onClick={onClear}>
          {t('admin.persons.clear')}
        </button>
      </div>
      <p className="alert warning">{t('admin.persons.logged')}</p>
      <dl className="admin-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Lookup() {
  const { t } = useTranslation();
  const lookUp = useLookUpPerson();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const reasonId = useId();
  const referenceError = reference.trim() === '' ? t('admin.persons.referenceRequired') : undefined;
  const reasonLength = reason.trim().length;
  const reasonError =
    reasonLength < minReasonLength ? t('admin.persons.reasonShort', { count: minReasonLength }) : reasonLength > maxReasonLength ? t('admin.persons.reasonLong', { count: maxReasonLength }) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (referenceError !== undefined || reasonError !== undefined || lookUp.isPending) return;
    lookUp.mutate({ reference: reference.trim().toUpperCase(), reason: reason.trim() });
  }

  const shownReasonError = checked ? reasonError : undefined;
  return (
    <>
      <section className="card" aria-labelledby="admin-lookup">
        <h2 id="admin-lookup">{t('admin.persons.lookupHeading')}</h2>
        <p>{t('admin.persons.explain')}</p>
        {lookUp.error === null ? null : (
          <div className="alert error" role="alert">
            {errorMessage(t, lookUp.error)}
          </div>
        )}
        <form onSubmit={submit} noValidate className="admin-lookup-form">
          <TextField
            label={t('admin.persons.reference')}
            hint={t('admin.persons.referenceHint')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={checked ? referenceError : undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="field">
            <label htmlFor={reasonId}>{t('admin.persons.reason')}</label>
            <span className="field-hint" id={`${reasonId}-hint`}>
              {t('admin.persons.reasonHint', { min: minReasonLength, max: maxReasonLength })}
            </span>
            <textarea
              id={reasonId}
              rows={3}
              maxLength={maxReasonLength + 100}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={shownReasonError === undefined ? undefined : true}
              aria-describedby={`${reasonId}-hint${shownReasonError === undefined ? '' : ` ${reasonId}-error`}`}
            />
            {shownReasonError === undefined ? null : (
              <span className="field-error" id={`${reasonId}-error`} role="alert">
                {shownReasonError}
              </span>
            )}
          </div>
          <button type="submit" className="button" disabled={lookUp.isPending}>
            {lookUp.isPending ? t('admin.persons.looking') : t('admin.persons.submit')}
          </button>
        </form>
      </section>
      {lookUp.data === undefined ? null : <PersonCard person={lookUp.data.person} onClear={() => lookUp.reset()} />}
    </>
  );
}

function ReadLog() {
  const { t } = useTranslation();
  const reads = usePersonalDataReads();
  let body: ReactNode;
  if (reads.isPending) body = <Loading />;
  else if (reads.isError) body = <ErrorState error={reads.error} onRetry={() => void reads.refetch()} />;
  else {
    const rows = reads.data.pages.flatMap((page) => page.reads);
    body =
      rows.length === 0 ? (
        <p className="muted admin-log-empty">{t('admin.log.none')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="admin-log-table">
              <caption>{t('admin.log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.log.when')}</th>
                  <th scope="col">{t('admin.log.who')}</th>
                  <th scope="col">{t('admin.log.whom')}</th>
                  <th scope="col">{t('admin.log.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((read) => (
                  <tr key={read.id}>
                    <td>
                      <Instant value={read.at} />
                    </td>
                    <td>{read.reader_username}</td>
                    <td>
                      {t('admin.log.person', { id: read.person_id })}
                      {read.member_code === null ? null : (
                        <>
                          <br />
                          <span className="muted">{read.member_code}</span>
                        </>
                      )}
                    </td>
                    <td className="admin-log-reason">{read.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {reads.hasNextPage ? (
            <button type="button" className="button secondary" disabled={reads.isFetchingNextPage} onClick={() => void reads.fetchNextPage()}>
              {reads.isFetchingNextPage ? t('common.loading') : t('admin.log.more')}
            </button>
          ) : null}
        </>
      );
  }
  return (
    <section aria-labelledby="admin-log">
      <h2 id="admin-log">{t('admin.log.heading')}</h2>
      <p className="muted">{t('admin.log.explain')}</p>
      {body}
    </section>
  );
}

function Persons() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.persons.title')}>
      <Lookup />
      <ReadLog />
    </Page>
  );
}

/** /staff/admin/persons: full personal data, read with a reason that is written to the audit log. */
export function PersonsPage() {
  return (
    <RequireRole roles={staffAccess.persons}>
      <Persons />
    </RequireRole>
  );
}
