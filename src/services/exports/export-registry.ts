import { ok, reject, type Result } from '../../core/rejection.js';
import type { ExportTable } from './export-table.js';
import { advancesTable } from './tables/advances.js';
import { claimAuditTable } from './tables/claim-audit.js';
import { claimsTable } from './tables/claims.js';
import { custodyTable } from './tables/custody.js';
import { cyclesTable } from './tables/cycles.js';
import { ledgerAccountsTable } from './tables/ledger-accounts.js';
import { ledgerTransactionsTable } from './tables/ledger-transactions.js';
import { manualPostingsTable } from './tables/manual-postings.js';
import { payoutsTable } from './tables/payouts.js';

/** The staff CSV tables, in the order the audit page shows them; their names are the web's CsvLink tables. */
export const exportTables: readonly ExportTable[] = [
  ledgerAccountsTable,
  ledgerTransactionsTable,
  manualPostingsTable,
  custodyTable,
  cyclesTable,
  payoutsTable,
  advancesTable,
  claimsTable,
  claimAuditTable,
];

export function exportTableNames(): string[] {
  return exportTables.map((table) => table.name);
}

export function exportTable(name: string): Result<ExportTable, 'EXPORT_UNKNOWN_TABLE'> {
  const table = exportTables.find((candidate) => candidate.name === name);
  return table === undefined
    ? reject('EXPORT_UNKNOWN_TABLE', `No such table; the tables are ${exportTableNames().join(', ')}.`, { table: name })
    : ok(table);
}
