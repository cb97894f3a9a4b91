import { dayNumber, parseCalendarDate } from '../members/age.js';
import { assert } from '../rejection.js';

/** A movement of the custody account in the ledger: money in positive, money out negative. */
export interface LedgerMovement {
  readonly transaction_id: bigint;
  readonly posted_on: string;
  /** The reference a bank line carries for it (see ledger/custody-movements.ts). */
  readonly reference: string;
  readonly amount_minor: bigint;
  /** Matched to a line of an earlier statement, or already the subject of a break. */
  readonly settled: boolean;
}

/** What matching needs of a bank line (the index is its position in the statement). */
export interface BankLineForMatching {
  readonly booked_on: string;
  readonly reference: string;
  readonly amount_minor: bigint;
}

export const breakKinds = ['missing', 'duplicated', 'wrong_amount', 'unknown'] as const;
export type BreakKind = (typeof breakKinds)[number];

export interface FoundMatch {
  readonly line_index: number;
  readonly transaction_id: bigint;
}

export interface FoundBreak {
  readonly kind: BreakKind;
  readonly line_index: number | null;
  readonly transaction_id: bigint | null;
  /** The day the break arose: the ledger's day for a missing transfer, else the bank's. */
  readonly occurred_on: string;
  readonly reference: string;
  readonly ledger_amount_minor: bigint | null;
  readonly bank_amount_minor: bigint | null;
}

export interface MatchOptions {
  /** A bank line and a ledger transfer match when booked at most this many days apart. */
  readonly window_days: number;
  /**
   * Ledger transfers posted in [expected_from, expected_to] must be on the statement: the first
   * statement day (or `window_days` earlier when an earlier statement ends there), through the
   * last day less the window (a later transfer may be on the next statement yet).
   */
  readonly expected_from: string;
  readonly expected_to: string;
}

export interface MatchOutcome {
  readonly matches: readonly FoundMatch[];
  readonly breaks: readonly FoundBreak[];
}

function day(text: string): number {
  const date = parseCalendarDate(text);
  assert(date !== undefined, `a calendar date: ${text}`);
  return dayNumber(date);
}

/**
 * Matches one statement's lines to the custody account's ledger movements, and names every
 * difference as a break. A line is matched to a movement with its reference, booked within the
 * window: the same amount is a match, another amount a wrong-amount break; a line whose reference
 * belongs to a movement already matched (here or on an earlier statement) is the bank booking the
 * transfer twice. A line without a reference is matched by amount alone, to the nearest movement
 * in the window. Every other line is unknown to the ledger; every expected movement left over is
 * missing from the bank. Each movement and each line ends in at most one match or break.
 */
export function matchStatement(lines: readonly BankLineForMatching[], movements: readonly LedgerMovement[], options: MatchOptions): MatchOutcome {
  assert(Number.isInteger(options.window_days) && options.window_days >= 0, 'the window is a whole number of days');
  const byReference = new Map<string, LedgerMovement[]>();
  for (const movement of movements) {
    const list = byReference.get(movement.reference) ?? [];
    list.push(movement);
    byReference.set(movement.reference, list);
  }
  const taken = new Set<bigint>();
  const matchedHere = new Set<bigint>();
  const matches: FoundMatch[] = [];
  const breaks: FoundBreak[] = [];
  const within = (line: BankLineForMatching, movement: LedgerMovement) => Math.abs(day(line.booked_on) - day(movement.posted_on)) <= options.window_days;
  const nearest = (line: BankLineForMatching, candidates: readonly LedgerMovement[]) =>
    [...candidates].sort((a, b) => Math.abs(day(line.booked_on) - day(a.posted_on)) - Math.abs(day(line.booked_on) - day(b.posted_on)) || Number(a.transaction_id - b.transaction_id))[0];

  const unreferenced: number[] = [];
  lines.forEach((line, line_index) => {
    if (line.reference === '') {
      unreferenced.push(line_index);
      return;
    }
    const candidates = (byReference.get(line.reference) ?? []).filter((movement) => within(line, movement));
    const open = candidates.filter((movement) => !movement.settled && !taken.has(movement.transaction_id));
    const sameAmount = nearest(line, open.filter((movement) => movement.amount_minor === line.amount_minor));
    if (sameAmount !== undefined) {
      taken.add(sameAmount.transaction_id);
      matchedHere.add(sameAmount.transaction_id);
      matches.push({ line_index, transaction_id: sameAmount.transaction_id });
      return;
    }
    const otherAmount = nearest(line, open);
    if (otherAmount !== undefined) {
      taken.add(otherAmount.transaction_id);
      breaks.push({
        kind: 'wrong_amount',
        line_index,
        transaction_id: otherAmount.transaction_id,
        occurred_on: line.booked_on,
        reference: line.reference,
        ledger_amount_minor: otherAmount.amount_minor,
        bank_amount_minor: line.amount_minor,
      });
      return;
    }
    const original = nearest(
      line,
      candidates.filter((movement) => movement.amount_minor === line.amount_minor && (movement.settled || matchedHere.has(movement.transaction_id))),
    );
    breaks.push({
      kind: original === undefined ? 'unknown' : 'duplicated',
      line_index,
      transaction_id: original?.transaction_id ?? null,
      occurred_on: line.booked_on,
      reference: line.reference,
      ledger_amount_minor: null,
      bank_amount_minor: line.amount_minor,
    });
  });

  // Lines without a reference come last, so they cannot take a movement a referenced line names.
  for (const line_index of unreferenced) {
    const line = lines[line_index]!;
    const candidate = nearest(
      line,
      movements.filter((movement) => !movement.settled && !taken.has(movement.transaction_id) && movement.amount_minor === line.amount_minor && within(line, movement)),
    );
    if (candidate !== undefined) {
      taken.add(candidate.transaction_id);
      matches.push({ line_index, transaction_id: candidate.transaction_id });
    } else {
      breaks.push({ kind: 'unknown', line_index, transaction_id: null, occurred_on: line.booked_on, reference: '', ledger_amount_minor: null, bank_amount_minor: line.amount_minor });
    }
  }

  const from = day(options.expected_from);
  const to = day(options.expected_to);
  for (const movement of movements) {
    if (movement.settled || taken.has(movement.transaction_id)) continue;
    const posted = day(movement.posted_on);
    if (posted < from || posted > to) continue;
    breaks.push({
      kind: 'missing',
      line_index: null,
      transaction_id: movement.transaction_id,
      occurred_on: movement.posted_on,
      reference: movement.reference,
      ledger_amount_minor: movement.amount_minor,
      bank_amount_minor: null,
    });
  }

  const lineOutcomes = matches.length + breaks.filter((found) => found.kind !== 'missing').length;
  assert(lineOutcomes === lines.length, 'every line ends in exactly one match or break');
  return { matches: matches.sort((a, b) => a.line_index - b.line_index), breaks };
}
