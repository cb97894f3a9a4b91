import assert from 'node:assert/strict';
import type { ExportCell, ExportColumn, ExportRow } from './export-table.js';

/** RFC 4180: records end with CRLF. */
export const csvLineEnd = '\r\n';

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection");
// tab and carriage return are on the list because some spreadsheets strip them before looking.
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

function numeric(column: ExportColumn): boolean {
  return column.type === 'integer' || column.type === 'minor_units';
}

/** One cell: RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
export function csvCell(value: ExportCell, column: ExportColumn): string {
  if (value === null) return '';
  if (numeric(column)) {
    const text = value.toString();
    // Numbers are written from bigint (or digits), so a minus sign is only ever a negative amount.
    assert(/^-?\d+$/.test(text), `column ${column.name} holds an integer, not ${JSON.stringify(text)}`);
    return text;
  }
  assert(typeof value === 'string', `column ${column.name} holds text`);
  const guarded = value.length > 0 && formulaStarts.has(value[0]!) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((item) => csvCell(item.name, { ...item, type: 'text' })).join(',') + csvLineEnd;
}

/** One record, the columns in their documented order; a row without one of them is a bug in the table's query. */
export function csvRecord(row: ExportRow, columns: readonly ExportColumn[]): string {
  return (
    columns
      .map((item) => {
        const value = row[item.name];
        assert(value !== undefined, `the row has the documented column ${item.name}`);
        return csvCell(value, item);
      })
      .join(',') + csvLineEnd
  );
}
