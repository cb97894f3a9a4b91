import { csvCell, csvHeader, csvLineEnd, csvRecord } from '../exports/csv-writer.js';
import { reportTables } from './report-tables.js';
import type { SupervisorReport } from './supervisor-report.js';

/**
 * The report as one CSV file (RFC 4180, UTF-8): a section per table, each a line
 * `section,<name>`, the table's header of documented column names, its records, then an empty
 * line. A reader splits on the section lines; the columns are those of report-tables.ts.
 */
export function supervisorReportCsv(report: SupervisorReport): string {
  let out = '';
  for (const table of reportTables) {
    out += `section,${csvCell(table.name, { name: 'section', type: 'text', description: table.title })}${csvLineEnd}`;
    out += csvHeader(table.columns);
    for (const row of table.rows(report)) out += csvRecord(row, table.columns);
    out += csvLineEnd;
  }
  return out;
}
