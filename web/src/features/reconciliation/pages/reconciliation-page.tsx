import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useStatements, type DayRange } from '../api';
import { AlertAgeSection } from '../components/alert-age-form';
import { BreaksSection } from '../components/breaks-section';
import { DaysSection } from '../components/days-section';
import { StatementsSection } from '../components/statements-section';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The days first shown: the newest statement's, else the last 30 days. */
function initialRange(statements: ReadonlyArray<{ first_on: string; last_on: string }>): DayRange {
  const newest = statements[0];
  if (newest !== undefined) return { from: newest.first_on, to: newest.last_on };
  const today = new Date();
  return { from: isoDay(new Date(today.getTime() - 29 * 86_400_000)), to: isoDay(today) };
}

function Reconciliation() {
  const { t } = useTranslation();
  const statements = useStatements();
  return (
    <Page title={t('reconciliation.title')}>
      <p>{t('reconciliation.intro')}</p>
      <QueryState query={statements}>{(data) => <DaysSection initial={initialRange(data.statements)} />}</QueryState>
      <BreaksSection />
      <StatementsSection />
      <AlertAgeSection />
    </Page>
  );
}

/** /staff/reconciliation: custody against the bank, day by day; the statements; the breaks and their resolution. */
export function ReconciliationPage() {
  return (
    <RequireRole roles={staffAccess.reconciliation}>
      <Reconciliation />
    </RequireRole>
  );
}
