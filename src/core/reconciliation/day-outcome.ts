import { reconcileDays, type DailyInput, type ReconciliationItem } from './daily-reconciliation.js';

export type DayStatus = 'reconciled' | 'differs' | 'no_statement';

/** A day's stored outcome: the figures of reconcileDays, the breaks split into open and resolved. */
export interface DayOutcome {
  readonly day: string;
  readonly status: DayStatus;
  readonly ledger_balance_minor: bigint;
  /** Null on a day no imported statement covers. */
  readonly bank_balance_minor: bigint | null;
  readonly difference_minor: bigint;
  readonly open_breaks_minor: bigint;
  readonly resolved_breaks_minor: bigint;
  readonly in_transit_minor: bigint;
  readonly unexplained_minor: bigint;
}

export interface OutcomeInput extends Omit<DailyInput, 'items'> {
  /** Matches and transfers in transit (`source` match or pending) and the open breaks. */
  readonly items: readonly ReconciliationItem[];
  /**
   * Resolved breaks, each with the transfer that settles it as a further ledger-only item: they
   * explain a difference as breaks do, but no longer keep the day from reconciling.
   */
  readonly resolved: readonly ReconciliationItem[];
  /** Whether an imported statement covers the day (else the bank's balance is unknown). */
  readonly covered: (day: string) => boolean;
}

/**
 * Each day's outcome: reconciled when ledger − bank is all in transit or explained by resolved
 * breaks; differs while an open break or an unexplained amount remains; no_statement when no
 * statement covers the day. The resolved part is what reconcileDays counts as breaks with and
 * without the resolved items, so both use the one rule of who books what on which day.
 */
export function dayOutcomes(input: OutcomeInput): DayOutcome[] {
  const all = reconcileDays({ ...input, items: [...input.items, ...input.resolved.map((item) => ({ ...item, source: 'break' as const }))] });
  const openOnly = reconcileDays({ ...input, items: input.items });
  return all.map((day, index) => {
    const open_breaks_minor = openOnly[index]!.breaks_minor;
    const covered = input.covered(day.day);
    const status: DayStatus = !covered ? 'no_statement' : day.unexplained_minor === 0n && open_breaks_minor === 0n ? 'reconciled' : 'differs';
    return {
      day: day.day,
      status,
      ledger_balance_minor: day.ledger_balance_minor,
      bank_balance_minor: covered ? day.bank_balance_minor : null,
      difference_minor: covered ? day.difference_minor : 0n,
      open_breaks_minor,
      resolved_breaks_minor: day.breaks_minor - open_breaks_minor,
      in_transit_minor: day.in_transit_minor,
      unexplained_minor: covered ? day.unexplained_minor : 0n,
    };
  });
}
