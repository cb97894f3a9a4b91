import type { SupervisorReport } from './supervisor-report.js';

/**
 * The report as JSON: every bigint (amounts in `_minor` fields, and counts) as a string of digits,
 * as the money contract says, and back. The stored monthly reports are this text, so a past
 * month reads exactly as it was issued.
 */
const countFields = new Set(['start', 'joined', 'withdrawn', 'lapsed', 'terminated', 'ended', 'end', 'claims', 'value', 'threshold', 'statement_id']);

function isBigintField(key: string): boolean {
  return key.endsWith('_minor') || countFields.has(key);
}

export function supervisorReportToJson(report: SupervisorReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** What the API sends: the same shape, bigints as strings of digits. */
export function supervisorReportToPlain(report: SupervisorReport): Record<string, unknown> {
  return JSON.parse(supervisorReportToJson(report)) as Record<string, unknown>;
}

export function supervisorReportFromJson(text: string): SupervisorReport {
  return JSON.parse(text, (key, value: unknown) => (typeof value === 'string' && isBigintField(key) && /^-?\d+$/.test(value) ? BigInt(value) : value)) as SupervisorReport;
}
