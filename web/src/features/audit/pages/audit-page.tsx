import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useExportTables, usePlans, type ExportFilters, type ExportTableDoc } from '../api';
import { ExportSection } from '../components/export-section';

// The read-only pages an auditor checks the books on (other features own them: plain links only).
const readOnlyPages = [
  { to: '/staff/ledger', key: 'ledger' },
  { to: '/staff/ledger/custody', key: 'custody' },
  { to: '/staff/cycles', key: 'cycles' },
  { to: '/staff/payouts', key: 'payouts' },
  { to: '/staff/claims', key: 'claims' },
] as const;

const noFilters: ExportFilters = { from: '', to: '', plan_id: '' };

function FilterForm({ filters, onChange }: { filters: ExportFilters; onChange: (filters: ExportFilters) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const backwards = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  return (
    <form className="card audit-filters" aria-labelledby="audit-filters-title" onSubmit={(event) => event.preventDefault()}>
      <h3 id="audit-filters-title">{t('audit.filters.title')}</h3>
      <p className="muted">{t('audit.filters.intro')}</p>
      <div className="grid three">
        <div className="field">
          <label htmlFor="audit-from">{t('audit.filters.from')}</label>
          <input id="audit-from" type="date" value={filters.from} onChange={(event) => onChange({ ...filters, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.filters.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={filters.to}
            aria-invalid={backwards}
            aria-describedby={backwards ? 'audit-range-error' : undefined}
            onChange={(event) => onChange({ ...filters, to: event.target.value })}
          />
          {backwards ? (
            <span className="field-error" id="audit-range-error">
              {t('errors.EXPORT_BAD_RANGE')}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="audit-plan">{t('audit.filters.plan_id')}</label>
          <select id="audit-plan" value={filters.plan_id} onChange={(event) => onChange({ ...filters, plan_id: event.target.value })}>
            <option value="">{t('audit.filters.allPlans')}</option>
            {(plans.data?.plans ?? []).map((plan) => (
              <option key={plan.id} value={plan.id}>
                {language === 'en' ? plan.name_en : plan.name_zh}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" className="button secondary" onClick={() => onChange(noFilters)} disabled={filters === noFilters}>
        {t('audit.filters.clear')}
      </button>
    </form>
  );
}

function Downloads({ tables }: { tables: readonly ExportTableDoc[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<ExportFilters>(noFilters);
  const { hash } = useLocation();
  // A CsvLink elsewhere points at /staff/audit#<table>; the sections exist only once the list has loaded.
  useEffect(() => {
    if (hash.length > 1) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  return (
    <section aria-labelledby="audit-downloads">
      <h2 id="audit-downloads">{t('audit.downloads.title')}</h2>
      <p>{t('audit.downloads.intro')}</p>
      <nav aria-label={t('audit.downloads.contents')} className="audit-contents">
        <ul className="row">
          {tables.map((table) => (
            <li key={table.name}>
              <a href={`#${table.name}`}>{table.title[language === 'en' ? 'en' : 'zh']}</a>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm filters={filters} onChange={setFilters} />
      {tables.map((table) => (
        <ExportSection key={table.name} table={table} filters={filters} />
      ))}
    </section>
  );
}

function Audit() {
  const { t } = useTranslation();
  const tables = useExportTables();
  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      <section aria-labelledby="audit-pages" className="audit-pages">
        <h2 id="audit-pages">{t('audit.pages.title')}</h2>
        <ul className="grid three">
          {readOnlyPages.map((page) => (
            <li key={page.to} className="card">
              <h3>
                <Link to={page.to}>{t(`audit.pages.${page.key}.title`)}</Link>
              </h3>
              <p className="muted">{t(`audit.pages.${page.key}.about`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <QueryState query={tables}>{(data) => <Downloads tables={data.tables} />}</QueryState>
    </Page>
  );
}

/** /staff/audit: the auditor's starting page, and every CSV download with its documented columns. */
export function AuditPage() {
  return (
    <RequireRole roles={staffAccess.audit}>
      <Audit />
    </RequireRole>
  );
}
