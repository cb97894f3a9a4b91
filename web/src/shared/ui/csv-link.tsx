import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The CSV tables the server streams at /api/exports/{table}.csv (auditor, operator); their columns
 * are documented on the audit page (/staff/audit), from GET /api/exports.
 */
export const csvTables = [
  'ledger_accounts',
  'ledger_transactions',
  'manual_postings',
  'custody',
  'cycles',
  'payouts',
  'advances',
  'claims',
  'claim_audit',
] as const;
export type CsvTable = (typeof csvTables)[number];

/** "Download CSV" for a table, with a link to where its columns are explained. */
export function CsvLink({ table, query }: { table: CsvTable; query?: Record<string, string> }) {
  const { t } = useTranslation();
  const search = query === undefined ? '' : `?${new URLSearchParams(query).toString()}`;
  return (
    <span className="csv-link">
      <a className="button secondary" href={`/api/exports/${table}.csv${search}`} download>
        {t('staff.csv.download')}
      </a>{' '}
      <Link to={`/staff/audit#${table}`}>{t('staff.csv.columns')}</Link>
    </span>
  );
}
