import { addDays, dayNumber, formatCalendarDate, parseCalendarDate } from '../members/age.js';
import { assert } from '../rejection.js';

/**
 * Something the ledger and the bank book (or one of them books) on its own day: a match, a
 * break or a ledger transfer not yet due on a statement. On day d it puts ledger − bank off by
 * (ledger side booked by d) − (bank side booked by d): nothing once both sides are booked.
 */
export interface ReconciliationItem {
  readonly source: 'match' | 'break' | 'pending';
  readonly ledger_on: string | null;
  readonly ledger_amount_minor: bigint;
  readonly bank_on: string | null;
  readonly bank_amount_minor: bigint;
}

export interface ReconciliationDay {
  readonly day: string;
  /** Custody in the ledger at the end of the day (UTC). */
  readonly ledger_balance_minor: bigint;
  /** The bank's closing balance: the balance after the day's last line, or the day before's. */
  readonly bank_balance_minor: bigint;
  readonly difference_minor: bigint;
  /** The part of the difference the breaks explain. */
  readonly breaks_minor: bigint;
  /** The part in transit: matched transfers booked on different days, transfers not yet due. */
  readonly in_transit_minor: bigint;
  /** difference − breaks − in transit: zero when every difference is accounted for. */
  readonly unexplained_minor: bigint;
  readonly balanced: boolean;
}

export interface DailyInput {
  readonly from: string;
  readonly to: string;
  /** Ledger custody balance at the end of each day in [from, to]. */
  readonly ledger_balance_minor: (day: string) => bigint;
  /** The bank's closing balance of each day in [from, to]. */
  readonly bank_balance_minor: (day: string) => bigint;
  readonly items: readonly ReconciliationItem[];
}

/** At most a year and a bit of days per request: the page shows a statement's month. */
export const maxReconciliationDays = 400;

function sideBy(on: string | null, amount_minor: bigint, day: string): bigint {
  return on !== null && on <= day ? amount_minor : 0n;
}

/** Each day's ledger custody against the bank's closing balance, and what explains the difference. */
export function reconcileDays(input: DailyInput): ReconciliationDay[] {
  const from = parseCalendarDate(input.from);
  const to = parseCalendarDate(input.to);
  assert(from !== undefined && to !== undefined && dayNumber(from) <= dayNumber(to), 'a range of calendar days');
  const count = dayNumber(to) - dayNumber(from) + 1;
  assert(count <= maxReconciliationDays, `at most ${maxReconciliationDays} days`);
  const days: ReconciliationDay[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const day = formatCalendarDate(addDays(from, offset));
    let breaks_minor = 0n;
    let in_transit_minor = 0n;
    for (const item of input.items) {
      // ISO dates compare as strings in calendar order.
      const effect = sideBy(item.ledger_on, item.ledger_amount_minor, day) - sideBy(item.bank_on, item.bank_amount_minor, day);
      if (item.source === 'break') breaks_minor += effect;
      else in_transit_minor += effect;
    }
    const ledger_balance_minor = input.ledger_balance_minor(day);
    const bank_balance_minor = input.bank_balance_minor(day);
    const difference_minor = ledger_balance_minor - bank_balance_minor;
    const unexplained_minor = difference_minor - breaks_minor - in_transit_minor;
    days.push({ day, ledger_balance_minor, bank_balance_minor, difference_minor, breaks_minor, in_transit_minor, unexplained_minor, balanced: unexplained_minor === 0n });
  }
  return days;
}

/** Whole days from the day a break arose to `today`: 0 on its own day. */
export function breakAgeDays(occurred_on: string, today: string): number {
  const start = parseCalendarDate(occurred_on);
  const end = parseCalendarDate(today);
  assert(start !== undefined && end !== undefined, 'calendar dates');
  return Math.max(0, dayNumber(end) - dayNumber(start));
}
