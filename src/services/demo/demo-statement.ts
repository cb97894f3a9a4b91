import { addDays, calendarDateOf, formatCalendarDate } from '../../core/members/age.js';
import { formatMinorPlain } from '../../core/money/format-money.js';
import { accountDaySums } from '../../ledger/custody-day-sums.js';
import { accountMovements } from '../../ledger/custody-movements.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';
import { importStatement } from '../reconciliation/import-statement.js';
import { runReconciliation } from '../reconciliation/run-reconciliation.js';

/** The demo's statement covers the custody account's last days before the demo ends. */
export const demoStatementDays = 30;
/** The bank fee the demo's statement carries and the ledger does not: one break to resolve. */
export const demoBankFeeMinor = 1500n;
const demoBankFeeReference = 'BANK-FEE-DEMO';

/**
 * The bank's statement of the demo's custody account (generic layout), made from the ledger's own
 * movements of the last days before `end` (each booked on its day, so every line matches), plus a
 * bank fee the ledger has not booked: the auditor's page then shows a statement, reconciled days
 * and one old break. Deterministic: the same demo gives the same file.
 */
export async function seedDemoStatement(context: ServiceContext, end: string): Promise<{ statement_id: bigint; lines: number; breaks: number }> {
  const endDay = calendarDateOf(end);
  const first_on = formatCalendarDate(addDays(endDay, -demoStatementDays));
  const last_on = formatCalendarDate(addDays(endDay, -1));
  const feeOn = formatCalendarDate(addDays(endDay, -Math.floor(demoStatementDays / 2)));
  const custody = accountCodes.custody('CNY');
  const movements = await accountMovements(context.store.db, custody, `${first_on}T00:00:00.000Z`, `${formatCalendarDate(endDay)}T00:00:00.000Z`);
  const { opening_minor } = await accountDaySums(context.store.db, custody, first_on, first_on);
  const entries = movements.map((movement) => ({ on: movement.posted_at.slice(0, 10), reference: movement.reference, amount_minor: movement.amount_minor }));
  const feeAt = entries.findIndex((entry) => entry.on > feeOn);
  entries.splice(feeAt < 0 ? entries.length : feeAt, 0, { on: feeOn, reference: demoBankFeeReference, amount_minor: -demoBankFeeMinor });
  const money = (value: bigint) => `${value < 0n ? '-' : ''}${formatMinorPlain(value < 0n ? -value : value, 'CNY')}`;
  let balance = opening_minor;
  const rows = entries.map((entry) => {
    balance += entry.amount_minor;
    return [entry.on, '', entry.reference, entry.reference === demoBankFeeReference ? 'Account fee' : 'Transfer', money(entry.amount_minor), 'CNY', money(balance)].join(',');
  });
  const csv = ['date,value_date,reference,description,amount,currency,balance', ...rows].join('\n');
  const outcome = await importStatement(context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
  await runReconciliation(context, { currency: 'CNY', from: first_on, to: last_on });
  return { statement_id: outcome.statement_id, lines: outcome.new_lines, breaks: outcome.breaks };
}
