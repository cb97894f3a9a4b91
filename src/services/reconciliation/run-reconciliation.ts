import { sql } from 'kysely';
import { addDays, calendarDateOf, formatCalendarDate, parseCalendarDate, dayNumber } from '../../core/members/age.js';
import { dayOutcomes, type DayOutcome } from '../../core/reconciliation/day-outcome.js';
import { maxReconciliationDays, type ReconciliationItem } from '../../core/reconciliation/daily-reconciliation.js';
import { RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import { exactSumOf, exactSumParts, type SumParts } from '../../store/exact-sum.js';
import { accountDaySums, unreconciledDaySums } from '../../ledger/custody-day-sums.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';

export interface DayRange {
  readonly currency: string;
  readonly from: string;
  readonly to: string;
}

export interface StoredDay extends DayOutcome {
  readonly computed_at: string;
}

function nextDay(day: string): string {
  return formatCalendarDate(addDays(calendarDateOf(day), 1));
}

/** A range of calendar days, at most maxReconciliationDays long, or a VALIDATION_FAILED naming the parameter. */
export function checkDayRange(range: DayRange): void {
  const from = parseCalendarDate(range.from);
  const to = parseCalendarDate(range.to);
  const refuse = (parameter: string, message: string): never => {
    throw new RejectionError(reject('VALIDATION_FAILED', message, { parameter }).rejection);
  };
  if (from === undefined) refuse('from', `from must be a calendar day YYYY-MM-DD: ${range.from}`);
  if (to === undefined) refuse('to', `to must be a calendar day YYYY-MM-DD: ${range.to}`);
  const count = dayNumber(to!) - dayNumber(from!) + 1;
  if (count < 1) refuse('to', 'to must not be before from');
  if (count > maxReconciliationDays) refuse('to', `at most ${maxReconciliationDays} days at once`);
}

/** Custody in the ledger at the end of each day of the range: the sum before it plus each day's movements. */
async function ledgerBalances(trx: Trx, currency: string, from: string, to: string): Promise<(day: string) => bigint> {
  const sums = await accountDaySums(trx, accountCodes.custody(currency), from, nextDay(to));
  return runningSum(sums.opening_minor, sums.by_day);
}

function runningSum(opening: bigint, byDay: ReadonlyMap<string, bigint>): (day: string) => bigint {
  const days = [...byDay.keys()].sort();
  return (day) => opening + days.filter((entry) => entry <= day).reduce((sum, entry) => sum + byDay.get(entry)!, 0n);
}

/**
 * The bank's closing balance of each day: the balance after the last line booked by then (lines
 * keep their statement's order in their ids), else the opening balance of the first statement.
 */
async function bankBalances(trx: Trx, currency: string, from: string, to: string): Promise<{ balance: (day: string) => bigint; covered: (day: string) => boolean }> {
  const span = await trx
    .selectFrom('bank_statements')
    .select((eb) => [eb.fn.min('first_on').as('first_on'), eb.fn.max('last_on').as('last_on')])
    .where('currency', '=', currency)
    .executeTakeFirst();
  if (span?.first_on === null || span?.first_on === undefined || span.last_on === null) return { balance: () => 0n, covered: () => false };
  const first_on = span.first_on;
  const last_on = span.last_on;
  const opening = await trx.selectFrom('bank_statements').select('opening_balance_minor').where('currency', '=', currency).where('first_on', '=', first_on).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const lastIds = await trx
    .selectFrom('bank_statement_lines')
    .select((eb) => ['booked_on', eb.fn.max('id').as('id')])
    .where('currency', '=', currency)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .groupBy('booked_on')
    .execute();
  const priorLine = await trx
    .selectFrom('bank_statement_lines')
    .select('balance_after_minor')
    .where('currency', '=', currency)
    .where('booked_on', '<', from)
    .orderBy('booked_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const closing = new Map<string, bigint>();
  if (lastIds.length > 0) {
    const rows = await trx
      .selectFrom('bank_statement_lines')
      .select(['booked_on', 'balance_after_minor'])
      .where(
        'id',
        'in',
        lastIds.map((row) => row.id),
      )
      .execute();
    for (const row of rows) closing.set(row.booked_on, row.balance_after_minor);
  }
  const days = [...closing.keys()].sort();
  const start = priorLine?.balance_after_minor ?? opening.opening_balance_minor;
  return {
    balance: (day) => {
      const last = days.filter((entry) => entry <= day).at(-1);
      return last === undefined ? start : closing.get(last)!;
    },
    covered: (day) => day >= first_on && day <= last_on,
  };
}

/**
 * What explains ledger − bank on the days of the range: matches booked on different days, breaks
 * (open ones, and resolved ones with the transfer that settles each), and custody movements since
 * the first statement that no match or break names yet (in transit to the bank). Matches and
 * movements are summed per day pair in SQL: the items are bounded by days, not by transfers.
 */
async function itemsOf(trx: Trx, currency: string, from: string, to: string): Promise<{ items: ReconciliationItem[]; resolved: ReconciliationItem[] }> {
  const items: ReconciliationItem[] = [];
  const matches = await sql<SumParts & { ledger_on: string; bank_on: string }>`select ledger_on, bank_on, ${exactSumParts('amount_minor')} from reconciliation_matches
    where currency = ${currency} and ledger_on <> bank_on and (ledger_on >= ${from} or bank_on >= ${from}) and (ledger_on <= ${to} or bank_on <= ${to})
    group by ledger_on, bank_on`.execute(trx);
  for (const row of matches.rows) {
    const amount = exactSumOf(row);
    items.push({ source: 'match', ledger_on: row.ledger_on, ledger_amount_minor: amount, bank_on: row.bank_on, bank_amount_minor: amount });
  }
  const breaks = await trx
    .selectFrom('reconciliation_breaks')
    .select(['status', 'ledger_on', 'ledger_amount_minor', 'bank_on', 'bank_amount_minor', 'resolution_on', 'resolution_amount_minor'])
    .where('currency', '=', currency)
    .where('occurred_on', '<=', to)
    .execute();
  const resolved: ReconciliationItem[] = [];
  for (const row of breaks) {
    const item: ReconciliationItem = {
      source: 'break',
      ledger_on: row.ledger_amount_minor === null ? null : row.ledger_on,
      ledger_amount_minor: row.ledger_amount_minor ?? 0n,
      bank_on: row.bank_amount_minor === null ? null : row.bank_on,
      bank_amount_minor: row.bank_amount_minor ?? 0n,
    };
    if (row.status === 'open') items.push(item);
    else {
      resolved.push(item);
      if (row.resolution_on !== null && row.resolution_amount_minor !== null) {
        resolved.push({ source: 'break', ledger_on: row.resolution_on, ledger_amount_minor: row.resolution_amount_minor, bank_on: null, bank_amount_minor: 0n });
      }
    }
  }
  const firstStatement = await trx.selectFrom('bank_statements').select((eb) => eb.fn.min('first_on').as('first_on')).where('currency', '=', currency).executeTakeFirst();
  if (firstStatement?.first_on != null) {
    const pending = await unreconciledDaySums(trx, accountCodes.custody(currency), firstStatement.first_on, nextDay(to));
    for (const [day, amount] of pending) items.push({ source: 'pending', ledger_on: day, ledger_amount_minor: amount, bank_on: null, bank_amount_minor: 0n });
  }
  return { items, resolved };
}

/**
 * Reconciles each day of the range (custody in the ledger against the bank's closing balance) and
 * stores each day's outcome, overwriting an earlier run's: running it twice stores the same rows.
 */
export async function runReconciliation(context: ServiceContext, range: DayRange): Promise<StoredDay[]> {
  checkDayRange(range);
  const computed_at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const ledger = await ledgerBalances(trx, range.currency, range.from, range.to);
    const bank = await bankBalances(trx, range.currency, range.from, range.to);
    const { items, resolved } = await itemsOf(trx, range.currency, range.from, range.to);
    const outcomes = dayOutcomes({ from: range.from, to: range.to, ledger_balance_minor: ledger, bank_balance_minor: bank.balance, covered: bank.covered, items, resolved });
    const rows = outcomes.map((outcome) => ({ currency: range.currency, ...outcome, computed_at }));
    for (let start = 0; start < rows.length; start += 200) {
      await trx
        .insertInto('reconciliation_days')
        .values(rows.slice(start, start + 200))
        .onConflict((conflict) =>
          conflict.columns(['currency', 'day']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            ledger_balance_minor: eb.ref('excluded.ledger_balance_minor'),
            bank_balance_minor: eb.ref('excluded.bank_balance_minor'),
            difference_minor: eb.ref('excluded.difference_minor'),
            open_breaks_minor: eb.ref('excluded.open_breaks_minor'),
            resolved_breaks_minor: eb.ref('excluded.resolved_breaks_minor'),
            in_transit_minor: eb.ref('excluded.in_transit_minor'),
            unexplained_minor: eb.ref('excluded.unexplained_minor'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
    return rows.map(({ currency: _currency, ...row }) => row);
  });
}

/** The stored outcomes of the range, in day order; a day never reconciled is absent. */
export async function listReconciliationDays(context: ServiceContext, range: DayRange): Promise<StoredDay[]> {
  checkDayRange(range);
  const rows = await context.store.db
    .selectFrom('reconciliation_days')
    .selectAll()
    .where('currency', '=', range.currency)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .execute();
  return rows.map(({ currency: _currency, ...row }) => row);
}

/**
 * The background step: per currency with statements, reconciles the days from the first statement
 * (at most maxReconciliationDays back) to the last statement's last day or today, whichever is earlier.
 */
export async function reconcileRecentDays(context: ServiceContext): Promise<{ days: number }> {
  const today = context.clock.now().toISOString().slice(0, 10);
  const spans = await context.store.db
    .selectFrom('bank_statements')
    .select((eb) => ['currency', eb.fn.min('first_on').as('first_on'), eb.fn.max('last_on').as('last_on')])
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  let days = 0;
  for (const span of spans) {
    const to = span.last_on < today ? span.last_on : today;
    const earliest = formatCalendarDate(addDays(calendarDateOf(to), -(maxReconciliationDays - 1)));
    const from = span.first_on > earliest ? span.first_on : earliest;
    if (from > to) continue;
    days += (await runReconciliation(context, { currency: span.currency, from, to })).length;
  }
  return { days };
}
