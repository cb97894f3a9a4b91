import { reject, RejectionError } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import { csvHeader, csvRecord } from './csv-writer.js';
import { exportFilterNames, type ExportFilter, type ExportTable } from './export-table.js';

/** Rows per keyset query: a batch is one statement and one chunk of the response, a few hundred KB at most. */
export const exportBatchRows = 1000;

/** Refuses a filter the table does not take, or a range that ends before it starts, before anything is sent. */
export function checkExportFilter(table: ExportTable, filter: ExportFilter): void {
  for (const name of exportFilterNames) {
    if (filter[name] !== undefined && !table.filters.includes(name)) {
      const taken = table.filters.length === 0 ? 'none' : table.filters.join(', ');
      const message = `The ${table.name} table takes no ${name} filter (it takes: ${taken}).`;
      throw new RejectionError(reject('EXPORT_FILTER_NOT_SUPPORTED', message, { table: table.name, filter: name }).rejection);
    }
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw new RejectionError(reject('EXPORT_BAD_RANGE', 'The from date is after the to date.', { from: filter.from, to: filter.to }).rejection);
  }
}

/** The table as CSV text: the header row, then one chunk per batch of rows, each read when the consumer asks for it. */
export async function* csvChunks(
  store: { readonly db: Db },
  table: ExportTable,
  filter: ExportFilter,
  batch_rows = exportBatchRows,
): AsyncGenerator<string> {
  yield csvHeader(table.columns);
  for await (const rows of table.batches(store.db, filter, batch_rows)) {
    yield rows.map((row) => csvRecord(row, table.columns)).join('');
  }
}
