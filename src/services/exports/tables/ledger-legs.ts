import type { ExportCell } from '../export-table.js';

/** A posting's signed amount (debit positive) as the debit and credit columns an auditor sums. */
export function legColumns(amount_minor: bigint): { side: ExportCell; debit_minor: ExportCell; credit_minor: ExportCell } {
  return amount_minor > 0n
    ? { side: 'debit', debit_minor: amount_minor, credit_minor: 0n }
    : { side: 'credit', debit_minor: 0n, credit_minor: -amount_minor };
}
